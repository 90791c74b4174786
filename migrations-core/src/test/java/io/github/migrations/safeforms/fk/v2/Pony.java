package io.github.migrations.safeforms.fk.v2;

import io.github.migrations.model.CharField;
import io.github.migrations.model.ForeignKey;
import io.github.migrations.model.Model;
import io.github.migrations.state.OnDelete;

/**
 * The second version: each pony may have a rider.
 */
@Model(app = "stables")
public class Pony {

	@CharField(maxLength = 20)
	String name;

	@ForeignKey(to = Rider.class, onDelete = OnDelete.CASCADE, nullable = true)
	Long rider;

}
