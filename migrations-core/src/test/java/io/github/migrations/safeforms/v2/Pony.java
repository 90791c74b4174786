package io.github.migrations.safeforms.v2;

import io.github.migrations.model.CharField;
import io.github.migrations.model.CheckConstraint;
import io.github.migrations.model.Index;
import io.github.migrations.model.IntegerField;
import io.github.migrations.model.Model;

/**
 * The second version: the name index is gone, weight is indexed and must not be negative.
 */
@Model(app = "stables")
@Index(name = "pony_weight_idx", fields = "weight")
@CheckConstraint(name = "pony_weight_gte_0", check = "weight >= 0")
public class Pony {

	@CharField(maxLength = 20)
	String name;

	@IntegerField
	int weight;

}
