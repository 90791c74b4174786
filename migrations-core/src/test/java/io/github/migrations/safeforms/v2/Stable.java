package io.github.migrations.safeforms.v2;

import io.github.migrations.model.CharField;
import io.github.migrations.model.CheckConstraint;
import io.github.migrations.model.Index;
import io.github.migrations.model.Model;

/**
 * A model created with its index and check in the same run: they stay plain.
 */
@Model(app = "stables")
@Index(name = "stable_city_idx", fields = "city")
@CheckConstraint(name = "stable_city_not_empty", check = "city <> ''")
public class Stable {

	@CharField(maxLength = 40)
	String city;

}
