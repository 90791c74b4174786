package io.github.migrations.drift.kennel.adopted;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;

/**
 * The team after adopting drift: without {@code members}, whose join table was dropped.
 */
@Model(app = "kennel")
public class Team {

	@CharField(maxLength = 30)
	String name;

}
