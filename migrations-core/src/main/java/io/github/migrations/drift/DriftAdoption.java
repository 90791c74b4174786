package io.github.migrations.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.migrations.drift.Difference.ConstraintKind;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * The state-only operations that make the recorded state say what the database has, for the
 * differences where the state can say it: a dropped column ({@code RemoveField}), a changed
 * nullability ({@code AlterField}), a dropped or added index ({@code RemoveIndex},
 * {@code AddIndex}, or {@code AlterField} of {@code db_index}), a dropped or added unique
 * constraint, a dropped named check. The operations go into a
 * {@code SeparateDatabaseAndState} without database operations, so applying the migration changes
 * nothing in the database. Types, defaults, extra columns and tables, foreign keys and unnamed
 * checks are left to a migration written by hand (the database spells them in ways that do not
 * map back to one field reliably).
 *
 * @param operations the state operations per app, apps in the order of the differences
 * @param leftOver the differences no operation adopts
 * @since 0.1
 */
public record DriftAdoption(Map<String, List<Operation>> operations, List<Difference> leftOver) {

	/**
	 * Work out the state operations for differences found against a state.
	 * @param differences the differences
	 * @param state the state of the applied migrations they were found against
	 * @return the operations and what is left over
	 */
	public static DriftAdoption of(List<Difference> differences, ProjectState state) {
		Map<String, List<Operation>> operations = new LinkedHashMap<>();
		List<Difference> leftOver = new ArrayList<>();
		for (Difference difference : differences) {
			ModelState model = (difference.app() != null) ? model(state, difference.app(), difference.table()) : null;
			Operation operation = (model != null) ? operation(difference, model) : null;
			if (operation != null) {
				operations.computeIfAbsent(Objects.requireNonNull(difference.app()), (app) -> new ArrayList<>())
					.add(operation);
			}
			else {
				leftOver.add(difference);
			}
		}
		return new DriftAdoption(operations, List.copyOf(leftOver));
	}

	private static @Nullable Operation operation(Difference difference, ModelState model) {
		String modelName = model.name().toLowerCase(Locale.ROOT);
		if (difference instanceof Difference.MissingColumn missing) {
			String field = field(model, missing.column());
			return (field != null && !model.field(field).primaryKey()) ? new RemoveField(modelName, field) : null;
		}
		if (difference instanceof Difference.NullabilityDiffers nullability) {
			String field = field(model, nullability.column());
			return (field != null) ? new AlterField(modelName, field,
					model.field(field).withNullable(!nullability.expectedNullable()), true) : null;
		}
		if (difference instanceof Difference.MissingIndex missing) {
			return missingIndex(model, modelName, missing);
		}
		if (difference instanceof Difference.UnexpectedIndex unexpected) {
			List<String> fields = fields(model, unexpected.columns());
			return (fields != null) ? new AddIndex(modelName, new IndexState(name(unexpected.name()), fields, null))
					: null;
		}
		if (difference instanceof Difference.MissingConstraint missing) {
			return missingConstraint(model, modelName, missing);
		}
		if (difference instanceof Difference.UnexpectedConstraint unexpected
				&& unexpected.kind() == ConstraintKind.UNIQUE) {
			List<String> fields = fields(model, unexpected.columns());
			return (fields != null)
					? new AddConstraint(modelName, new ConstraintState.Unique(name(unexpected.name()), fields, null))
					: null;
		}
		return null;
	}

	private static @Nullable Operation missingIndex(ModelState model, String modelName, Difference.MissingIndex missing) {
		if (model.indexes().stream().anyMatch((index) -> index.name().equals(missing.name()))) {
			return new RemoveIndex(modelName, missing.name());
		}
		String field = (missing.columns().size() == 1) ? field(model, missing.columns().get(0)) : null;
		if (field != null && model.field(field).dbIndex()) {
			return new AlterField(modelName, field, model.field(field).withDbIndex(false), true);
		}
		return null;
	}

	private static @Nullable Operation missingConstraint(ModelState model, String modelName,
			Difference.MissingConstraint missing) {
		if (missing.name() != null && model.constraints().stream().anyMatch((c) -> c.name().equals(missing.name()))) {
			return new RemoveConstraint(modelName, missing.name());
		}
		if (missing.kind() == ConstraintKind.UNIQUE && missing.columns().size() == 1) {
			String field = field(model, missing.columns().get(0));
			if (field != null && model.field(field).unique()) {
				return new AlterField(modelName, field, model.field(field).withUnique(false), true);
			}
		}
		return null;
	}

	private static @Nullable ModelState model(ProjectState state, String app, String table) {
		return state.models()
			.values()
			.stream()
			.filter((model) -> model.app().equals(app) && model.table().equalsIgnoreCase(table))
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String field(ModelState model, String column) {
		for (Map.Entry<String, FieldState> entry : model.fields().entrySet()) {
			if (entry.getValue().type().hasColumn() && entry.getValue().column(entry.getKey()).equalsIgnoreCase(column)) {
				return entry.getKey();
			}
		}
		return null;
	}

	private static @Nullable List<String> fields(ModelState model, List<String> columns) {
		List<String> fields = new ArrayList<>();
		for (String column : columns) {
			String field = field(model, column);
			if (field == null) {
				return null;
			}
			fields.add(field);
		}
		return fields;
	}

	/**
	 * Return a name as the state should keep it: databases that fold names to upper case report
	 * {@code EXTRA_IDX} for an index created as {@code extra_idx}.
	 */
	private static String name(String stored) {
		return stored.equals(stored.toUpperCase(Locale.ROOT)) ? stored.toLowerCase(Locale.ROOT) : stored;
	}

}
