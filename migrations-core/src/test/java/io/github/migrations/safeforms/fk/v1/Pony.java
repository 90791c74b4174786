package io.github.migrations.safeforms.fk.v1;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;

/**
 * A model whose table holds rows before the foreign key is added.
 */
@Model(app = "stables")
public class Pony {

	@CharField(maxLength = 20)
	String name;

}
