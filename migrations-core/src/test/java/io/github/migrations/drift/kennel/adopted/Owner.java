package io.github.migrations.drift.kennel.adopted;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;

/**
 * The owner, unchanged by adopting drift.
 */
@Model(app = "kennel")
public class Owner {

	@CharField(maxLength = 30)
	String name;

}
