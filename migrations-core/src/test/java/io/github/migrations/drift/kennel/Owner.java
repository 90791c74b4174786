package io.github.migrations.drift.kennel;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;

/**
 * A pet's owner: the target of the foreign keys {@code DriftAdoptionEndToEndTests} changes by hand.
 */
@Model(app = "kennel")
public class Owner {

	@CharField(maxLength = 30)
	String name;

}
