package io.github.migrations.safeforms.fk.v1;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;

/**
 * The model the foreign key points to.
 */
@Model(app = "stables")
public class Rider {

	@CharField(maxLength = 20)
	String name;

}
