package io.github.migrations.drift.kennel;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;

/**
 * A model whose table is dropped by hand.
 */
@Model(app = "kennel")
public class Ghost {

	@CharField(maxLength = 30)
	String name;

}
