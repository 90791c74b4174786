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
 * left out: its name and spelling are the database's), {@code walker} is a relation to the owner,
 * {@code sitter} has no foreign key ({@code dbConstraint = false}), {@code vet} the database's
 * {@code ON DELETE CASCADE} ({@code DB_CASCADE}).
 */
@Model(app = "kennel")
public class Pet {

	@ForeignKey(to = Team.class, onDelete = OnDelete.CASCADE)
	Long owner;

	@ForeignKey(to = Owner.class, onDelete = OnDelete.CASCADE, dbConstraint = false, nullable = true)
	Long sitter;

	@ForeignKey(to = Owner.class, onDelete = OnDelete.DB_CASCADE, nullable = true)
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
