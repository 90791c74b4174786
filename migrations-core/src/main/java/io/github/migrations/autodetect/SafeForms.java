package io.github.migrations.autodetect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddConstraintNotValid;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddFieldNotValid;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AddIndexConcurrently;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RemoveIndexConcurrently;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.ValidateConstraint;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * {@code makemigrations --safe}: rewrite the detected migrations so that changes to tables that
 * already exist use the forms that do not block writes on PostgreSQL
 * ({@code django.contrib.postgres.operations}). Each app's changes become:
 * <ol>
 * <li>its migrations as detected, with each check constraint added to an existing model as
 * {@link AddConstraintNotValid};</li>
 * <li>when indexes of existing models are added or removed, or foreign keys added to them, a
 * migration with {@code atomic: false} holding them as {@link AddIndexConcurrently},
 * {@link RemoveIndexConcurrently} and {@link AddFieldNotValid}, in their original order;</li>
 * <li>when constraints or foreign keys were added not valid, a migration validating them
 * ({@link ValidateConstraint}, a foreign key under the name the schema editor gives it).</li>
 * </ol>
 * Indexes, constraints and fields of a model created in the same run stay plain (a new table has
 * no rows and no readers to block). An index removal stays plain where a field of the same model
 * is removed, altered or renamed, or the model deleted, in the same run, since the index may
 * depend on it; a foreign key stays plain where an operation that stays in its migration after it
 * refers to the field, since moving it to the later migration would leave that operation without
 * it. Without the option the autodetector's output is Django's, unchanged.
 *
 * @since 0.1
 */
public final class SafeForms {

	private SafeForms() {
	}

	/**
	 * Rewrite detected changes into their safe forms.
	 * @param changes what the autodetector found
	 * @param models the project state of the models, the state after the changes: foreign keys
	 * added not valid run after every operation that stays in its migration, so their names (for
	 * {@link ValidateConstraint}) are computed from the tables as they are then
	 * @param migrationName the name fragment given by the user, or {@code null} for automatic
	 * names
	 * @param now the local time, for automatic names
	 * @return the changes with safe forms
	 */
	public static Changes apply(Changes changes, ProjectState models, @Nullable String migrationName,
			LocalDateTime now) {
		Set<MigrationKey> dependedOn = new HashSet<>();
		changes.migrations().values().forEach((list) -> list.forEach((m) -> dependedOn.addAll(m.dependencies())));
		Map<MigrationKey, MigrationKey> renamed = new HashMap<>();
		Map<String, List<Migration>> result = new LinkedHashMap<>();
		changes.migrations()
			.forEach((app, migrations) -> result.put(app,
					split(app, migrations, models, dependedOn, renamed, migrationName, now)));
		result.replaceAll((app, migrations) -> migrations.stream()
			.map((migration) -> migration.withDependencies(
					migration.dependencies().stream().map((key) -> renamed.getOrDefault(key, key)).toList()))
			.toList());
		return new Changes(result, changes.warnings());
	}

	private static List<Migration> split(String app, List<Migration> migrations, ProjectState models,
			Set<MigrationKey> dependedOn, Map<MigrationKey, MigrationKey> renamed, @Nullable String migrationName,
			LocalDateTime now) {
		Set<String> created = new HashSet<>();
		Set<String> fieldsTouched = new HashSet<>();
		for (Migration migration : migrations) {
			for (Operation operation : migration.operations()) {
				if (operation instanceof CreateModel create) {
					created.add(lower(create.name()));
				}
				else if (operation instanceof DeleteModel delete) {
					fieldsTouched.add(lower(delete.name()));
				}
				else if (operation instanceof RemoveField remove) {
					fieldsTouched.add(lower(remove.modelName()));
				}
				else if (operation instanceof AlterField alter) {
					fieldsTouched.add(lower(alter.modelName()));
				}
				else if (operation instanceof RenameField rename) {
					fieldsTouched.add(lower(rename.modelName()));
				}
			}
		}
		List<Operation> all = migrations.stream().flatMap((migration) -> migration.operations().stream()).toList();
		List<Operation> concurrent = new ArrayList<>();
		List<Operation> validations = new ArrayList<>();
		List<Migration> result = new ArrayList<>();
		int position = 0;
		for (Migration migration : migrations) {
			List<Operation> kept = new ArrayList<>();
			for (Operation operation : migration.operations()) {
				position++;
				if (operation instanceof AddField add
						&& movableForeignKey(app, add, created, fieldsTouched, all.subList(position, all.size()))) {
					AddFieldNotValid notValid = new AddFieldNotValid(add.modelName(), add.name(), add.field(),
							add.preserveDefault());
					concurrent.add(notValid);
					validations.add(new ValidateConstraint(add.modelName(), notValid.constraintName(app, models)));
				}
				else if (operation instanceof AddIndex add && !created.contains(lower(add.modelName()))) {
					concurrent.add(new AddIndexConcurrently(add.modelName(), add.index()));
				}
				else if (operation instanceof RemoveIndex remove && !created.contains(lower(remove.modelName()))
						&& !fieldsTouched.contains(lower(remove.modelName()))) {
					concurrent.add(new RemoveIndexConcurrently(remove.modelName(), remove.name()));
				}
				else if (operation instanceof AddConstraint add && add.constraint() instanceof ConstraintState.Check
						&& !created.contains(lower(add.modelName()))) {
					kept.add(new AddConstraintNotValid(add.modelName(), add.constraint()));
					validations.add(new ValidateConstraint(add.modelName(), add.constraint().name()));
				}
				else {
					kept.add(operation);
				}
			}
			if (kept.equals(migration.operations()) || migrationName != null || kept.isEmpty()) {
				result.add(migration.withOperations(kept));
			}
			else {
				// named after what it now does, as makemigrations names every migration
				MigrationKey key = new MigrationKey(app, MigrationNamer.name(MigrationNamer.parseNumber(migration.name()),
						MigrationNamer.suggestName(kept, false, now)));
				renamed.put(migration.key(), key);
				result.add(migration.withOperations(kept).withKey(key));
			}
		}
		if (concurrent.isEmpty() && validations.isEmpty()) {
			return migrations;
		}
		Migration last = result.get(result.size() - 1);
		int number = MigrationNamer.parseNumber(last.name()) + 1;
		List<MigrationKey> dependencies = List.of(last.key());
		if (last.operations().isEmpty() && !dependedOn.contains(last.key())) {
			// everything the last migration did moved to the safe ones: they take its place
			result.remove(result.size() - 1);
			number--;
			dependencies = last.dependencies();
		}
		if (!concurrent.isEmpty()) {
			Migration migration = follower(app, number++, dependencies, concurrent, false, migrationName, now);
			result.add(migration);
			dependencies = List.of(migration.key());
		}
		if (!validations.isEmpty()) {
			result.add(follower(app, number, dependencies, validations, true, migrationName, now));
		}
		return result;
	}

	/**
	 * Return whether a field added to an existing model is a relation that can move to the
	 * migration with {@code atomic: false}: no operation that stays behind after it refers to it
	 * (the operations that move keep their order).
	 */
	private static boolean movableForeignKey(String app, AddField add, Set<String> created, Set<String> fieldsTouched,
			List<Operation> later) {
		if (!isRelation(add) || created.contains(lower(add.modelName()))) {
			return false;
		}
		return later.stream()
			.noneMatch((other) -> !moves(other, created, fieldsTouched)
					&& other.referencesField(add.modelName(), add.name(), app));
	}

	/**
	 * Return whether an operation moves to the migration with {@code atomic: false} (every foreign
	 * key of an existing model is counted as moving).
	 */
	private static boolean moves(Operation operation, Set<String> created, Set<String> fieldsTouched) {
		if (operation instanceof AddIndex add) {
			return !created.contains(lower(add.modelName()));
		}
		if (operation instanceof RemoveIndex remove) {
			return !created.contains(lower(remove.modelName())) && !fieldsTouched.contains(lower(remove.modelName()));
		}
		return operation instanceof AddField add && isRelation(add) && !created.contains(lower(add.modelName()));
	}

	/** Whether the field added is a relation with a foreign key constraint to add not valid. */
	private static boolean isRelation(AddField add) {
		FieldType type = add.field().type();
		return type.relatedModel() != null && type.hasColumn() && type.dbConstraint();
	}

	private static Migration follower(String app, int number, List<MigrationKey> dependencies,
			List<Operation> operations, boolean atomic, @Nullable String migrationName, LocalDateTime now) {
		String fragment = (migrationName != null) ? migrationName : MigrationNamer.suggestName(operations, false, now);
		return new Migration(new MigrationKey(app, MigrationNamer.name(number, fragment)), dependencies, List.of(),
				operations, atomic, null, null, null);
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
