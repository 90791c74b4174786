package io.github.migrations.drift.kennel;

import java.util.List;

import io.github.migrations.model.CharField;
import io.github.migrations.model.ManyToManyField;
import io.github.migrations.model.Model;

/**
 * A team: the target a foreign key of {@link Pet} is pointed at by hand; the join table of
 * {@code members} is dropped by hand.
 */
@Model(app = "kennel")
public class Team {

	@CharField(maxLength = 30)
	String name;

	@ManyToManyField(to = Owner.class)
	List<Long> members;

}
