package io.github.migrations.drift.kennel.adopted;

import java.time.Instant;
import java.util.UUID;

import io.github.migrations.model.DateTimeField;
import io.github.migrations.model.ForeignKey;
import io.github.migrations.model.IntegerField;
import io.github.migrations.model.Model;
import io.github.migrations.model.UUIDField;
import io.github.migrations.state.OnDelete;

/**
 * The pet after the model changes {@code drift --write} prints: {@code owner} points at
 * {@link Team}, {@code born} has {@code dbDefault = "now"} (the check the database named itself is
 * left out: its name and spelling are the database's), {@code walker} is a relation to the owner.
 */
@Model(app = "kennel")
public class Pet {

	@ForeignKey(to = Team.class, onDelete = OnDelete.CASCADE)
	Long owner;

	@ForeignKey(to = Owner.class, onDelete = OnDelete.CASCADE, nullable = true)
	Long sitter;

	@ForeignKey(to = Owner.class, onDelete = OnDelete.SET_NULL, nullable = true)
	Long vet;

	@IntegerField
	int legs;

	@DateTimeField(nullable = true, dbDefault = "now")
	Instant born;

	@UUIDField(nullable = true)
	UUID chip;

	@ForeignKey(to = Owner.class, onDelete = OnDelete.DO_NOTHING, nullable = true)
	Long walker;

}
