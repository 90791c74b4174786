package io.github.migrations.safeforms.v1;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Index;
import io.github.migrations.model.IntegerField;
import io.github.migrations.model.Model;

/**
 * A model whose table exists before the safe forms run: indexed by name.
 */
@Model(app = "stables")
@Index(name = "pony_name_idx", fields = "name")
public class Pony {

	@CharField(maxLength = 20)
	String name;

	@IntegerField
	int weight;

}
