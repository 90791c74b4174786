package io.github.migrations.drift.kennel;

import java.time.Instant;
import java.util.UUID;

import io.github.migrations.model.BigIntegerField;
import io.github.migrations.model.DateTimeField;
import io.github.migrations.model.ForeignKey;
import io.github.migrations.model.IntegerField;
import io.github.migrations.model.Model;
import io.github.migrations.model.UUIDField;
import io.github.migrations.state.OnDelete;

/**
 * A pet, whose table {@code DriftAdoptionEndToEndTests} changes by hand: {@code owner} pointed at
 * {@code kennel_team}, the foreign key of {@code sitter} dropped, {@code vet} given
 * {@code ON DELETE CASCADE}, an unnamed check on {@code legs}, expression defaults on {@code born}
 * and {@code chip}, a foreign key added to the plain field {@code walker}.
 */
@Model(app = "kennel")
public class Pet {

	@ForeignKey(to = Owner.class, onDelete = OnDelete.CASCADE)
	Long owner;

	@ForeignKey(to = Owner.class, onDelete = OnDelete.CASCADE, nullable = true)
	Long sitter;

	@ForeignKey(to = Owner.class, onDelete = OnDelete.SET_NULL, nullable = true)
	Long vet;

	@IntegerField
	int legs;

	@DateTimeField(nullable = true)
	Instant born;

	@UUIDField(nullable = true)
	UUID chip;

	@BigIntegerField(nullable = true, dbIndex = true, dbColumn = "walker_id")
	Long walker;

}
