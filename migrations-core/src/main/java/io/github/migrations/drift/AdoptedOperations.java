package io.github.migrations.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.migrations.drift.Difference.ConstraintKind;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * The state operations that adopt one difference, worked out against the state as adopted so far,
 * or the reason there are none with what to do. This class dispatches, and adopts tables that are
 * gone, indexes and constraints; {@link AdoptedColumn} adopts columns, {@link AdoptedForeignKey}
 * foreign keys and {@link AdoptedTable} tables no model describes.
 */
final class AdoptedOperations {

	private final LiveSchema live;

	private final BaseSchemaEditor editor;

	AdoptedOperations(LiveSchema live, BaseSchemaEditor editor) {
		this.live = live;
		this.editor = editor;
	}

	Adopted operations(Difference difference, ProjectState state, String app) {
		if (difference instanceof Difference.UnexpectedTable table) {
			return new AdoptedTable(this.live, this.editor).create(state, app, table.table());
		}
		if (difference instanceof Difference.MissingTable missing) {
			return missingTable(state, app, missing);
		}
		ModelState model = StateColumns.model(state, app, difference.table());
		if (model == null) {
			return Adopted.not("no model of the applied migrations has this table (an automatic many-to-many table?)");
		}
		String modelName = model.name().toLowerCase(Locale.ROOT);
		AdoptedForeignKey foreignKeys = new AdoptedForeignKey(this.live, this.editor);
		if (difference instanceof Difference.UnexpectedConstraint unexpected
				&& unexpected.kind() == ConstraintKind.FOREIGN_KEY) {
			return foreignKeys.unexpected(state, model, modelName, unexpected);
		}
		if (difference instanceof Difference.MissingConstraint missing && missing.kind() == ConstraintKind.FOREIGN_KEY) {
			return foreignKeys.missing(state, model, modelName, missing);
		}
		if (difference instanceof Difference.OnDeleteDiffers onDelete) {
			return foreignKeys.onDelete(state, model, modelName, onDelete);
		}
		String keptIndex = (difference instanceof Difference.UnexpectedIndex index)
				? foreignKeys.keptIndex(model, index) : null;
		if (keptIndex != null) {
			return Adopted.not(keptIndex);
		}
		Operation operation = operation(difference, model, modelName);
		if (operation != null) {
			return Adopted.of(operation);
		}
		AdoptedColumn columns = new AdoptedColumn(this.live, this.editor);
		if (difference instanceof Difference.ColumnTypeDiffers type) {
			return columns.type(model, modelName, type);
		}
		if (difference instanceof Difference.DefaultDiffers defaultDiffers) {
			return columns.defaultValue(model, modelName, defaultDiffers);
		}
		if (difference instanceof Difference.UnexpectedColumn column) {
			return columns.unexpected(model, modelName, column);
		}
		if (difference instanceof Difference.CheckDiffers check) {
			return check(model, modelName, check);
		}
		if (difference instanceof Difference.ConditionDiffers condition) {
			return condition(model, modelName, condition);
		}
		return Adopted.not(reason(difference));
	}

	/**
	 * Return why the state cannot say a difference of this kind.
	 */
	static String reason(Difference difference) {
		if (difference instanceof Difference.MissingConstraint missing) {
			return switch (missing.kind()) {
				case PRIMARY_KEY -> "a model always has its primary key";
				default -> "the database names this constraint: only a named one can be removed from the state";
			};
		}
		if (difference instanceof Difference.UnexpectedConstraint unexpected) {
			return switch (unexpected.kind()) {
				case PRIMARY_KEY -> "a model has one primary key of one column";
				default -> "the constraint is not on columns of fields, or has no name a model's constraint can have";
			};
		}
		if (difference instanceof Difference.UnexpectedIndex) {
			return "the index is not on columns of fields";
		}
		if (difference instanceof Difference.MissingColumn) {
			return "the primary key's column: a model always has its primary key";
		}
		if (difference instanceof Difference.NullabilityDiffers nullability) {
			return "a model's primary key is never NULL; SQLite lets a PRIMARY KEY column other than an INTEGER"
					+ " PRIMARY KEY hold NULL: remake the table with " + nullability.column() + " NOT NULL";
		}
		return "the state cannot say this difference";
	}

	private @Nullable Operation operation(Difference difference, ModelState model, String modelName) {
		if (difference instanceof Difference.MissingColumn missing) {
			String field = StateColumns.field(model, missing.column());
			return (field != null && !model.field(field).primaryKey()) ? new RemoveField(modelName, field) : null;
		}
		if (difference instanceof Difference.NullabilityDiffers nullability) {
			String field = StateColumns.field(model, nullability.column());
			return (field != null && !model.field(field).primaryKey()) ? new AlterField(modelName, field,
					model.field(field).withNullable(!nullability.expectedNullable()), true) : null;
		}
		if (difference instanceof Difference.CommentDiffers comment) {
			String field = StateColumns.field(model, comment.column());
			return (field != null) ? new AlterField(modelName, field, model.field(field).withDbComment(comment.actual()),
					true) : null;
		}
		if (difference instanceof Difference.MissingIndex missing) {
			return missingIndex(model, modelName, missing);
		}
		if (difference instanceof Difference.UnexpectedIndex unexpected) {
			List<String> fields = StateColumns.fields(model, unexpected.columns());
			return (fields != null) ? new AddIndex(modelName, new IndexState(DriftAdoption.name(unexpected.name()), fields,
					liveCondition(model, unexpected.name()))) : null;
		}
		if (difference instanceof Difference.MissingConstraint missing) {
			return missingConstraint(model, modelName, missing);
		}
		if (difference instanceof Difference.UnexpectedConstraint unexpected) {
			return unexpectedConstraint(model, modelName, unexpected);
		}
		return null;
	}

	private @Nullable Operation unexpectedConstraint(ModelState model, String modelName,
			Difference.UnexpectedConstraint unexpected) {
		if (unexpected.kind() == ConstraintKind.UNIQUE) {
			List<String> fields = StateColumns.fields(model, unexpected.columns());
			return (fields != null) ? new AddConstraint(modelName, new ConstraintState.Unique(
					DriftAdoption.name(unexpected.name()), fields, liveCondition(model, unexpected.name()))) : null;
		}
		if (unexpected.kind() == ConstraintKind.CHECK) {
			String expression = liveCheck(model, unexpected.name());
			if (expression == null) {
				return null;
			}
			boolean unnamed = unexpected.name().startsWith("CHECK (");
			if (unnamed && this.live.vendor() != Vendor.SQLITE) {
				return null;
			}
			String name = unnamed ? checkName(model, unexpected.columns()) : DriftAdoption.name(unexpected.name());
			return new AddConstraint(modelName, new ConstraintState.Check(name, expression));
		}
		return null;
	}

	/**
	 * Return a name for a check SQLite keeps without one: {@code <table>_<column>_check} (or
	 * {@code <table>_check} for several columns), numbered where the model has it already. SQLite
	 * drops and adds checks by remaking the table, never by name, so the name is the model's only;
	 * the detector matches a named check with an unnamed one of the same condition there.
	 */
	private static String checkName(ModelState model, List<String> columns) {
		String base = model.table().toLowerCase(Locale.ROOT)
				+ ((columns.size() == 1) ? "_" + columns.get(0).toLowerCase(Locale.ROOT) : "") + "_check";
		String name = base;
		for (int i = 2; hasConstraint(model, name); i++) {
			name = base + "_" + i;
		}
		return name;
	}

	private static boolean hasConstraint(ModelState model, String name) {
		return model.constraints().stream().anyMatch((constraint) -> constraint.name().equalsIgnoreCase(name));
	}

	/**
	 * A model's table that the database does not have: state-only {@code DeleteModel} when no
	 * other model's relation points at it (a relation to a deleted model would break the state),
	 * {@code RemoveField} of the many-to-many field for an automatic join table.
	 */
	private Adopted missingTable(ProjectState state, String app, Difference.MissingTable missing) {
		int dot = missing.model().indexOf('.');
		String modelName = (dot > 0) ? missing.model().substring(0, dot) : missing.model();
		ModelState model = state.models().values().stream()
			.filter((candidate) -> candidate.app().equals(app) && candidate.name().equalsIgnoreCase(modelName))
			.findFirst()
			.orElse(null);
		if (model == null) {
			return Adopted.not("no model " + missing.model() + " in the applied migrations");
		}
		if (dot > 0) {
			String field = missing.model().substring(dot + 1);
			return model.fields().containsKey(field)
					? Adopted.of(new RemoveField(model.name().toLowerCase(Locale.ROOT), field))
					: Adopted.not("no field " + missing.model() + " in the applied migrations");
		}
		List<String> referrers = new ArrayList<>();
		for (ModelState other : state.models().values()) {
			if (other.key().equals(model.key())) {
				continue;
			}
			for (Map.Entry<String, FieldState> field : other.fields().entrySet()) {
				FieldType type = field.getValue().type();
				if (model.key().equals(type.relatedModel()) || (type instanceof FieldType.ManyToManyField many
						&& many.through() != null && ModelKey.parse(many.through()).equals(model.key()))) {
					referrers.add(other.app() + "." + other.name() + "." + field.getKey());
				}
			}
		}
		if (!referrers.isEmpty()) {
			return Adopted.not("the relation" + ((referrers.size() == 1) ? " " : "s ") + String.join(", ", referrers)
					+ " point at model " + model.name() + ": remove or change " + ((referrers.size() == 1) ? "it" : "them")
					+ " first and run drift --write again, or create the table again");
		}
		return Adopted.of(new DeleteModel(model.name()));
	}

	private Adopted check(ModelState model, String modelName, Difference.CheckDiffers difference) {
		ConstraintState present = model.constraints()
			.stream()
			.filter((constraint) -> constraint.name().equalsIgnoreCase(difference.name()))
			.findFirst()
			.orElse(null);
		if (!(present instanceof ConstraintState.Check)) {
			return Adopted.not("the check belongs to a field's type");
		}
		return Adopted.of(new RemoveConstraint(modelName, present.name()), new AddConstraint(modelName,
				new ConstraintState.Check(present.name(), difference.actual())));
	}

	private Adopted condition(ModelState model, String modelName, Difference.ConditionDiffers difference) {
		for (IndexState index : model.indexes()) {
			if (index.name().equalsIgnoreCase(difference.name())) {
				return Adopted.of(new RemoveIndex(modelName, index.name()), new AddIndex(modelName,
						new IndexState(index.name(), index.fields(), difference.actual())));
			}
		}
		for (ConstraintState constraint : model.constraints()) {
			if (constraint instanceof ConstraintState.Unique unique && unique.name().equalsIgnoreCase(difference.name())) {
				return Adopted.of(new RemoveConstraint(modelName, unique.name()), new AddConstraint(modelName,
						new ConstraintState.Unique(unique.name(), unique.fields(), difference.actual())));
			}
		}
		return Adopted.not(reason(difference));
	}

	private @Nullable Operation missingIndex(ModelState model, String modelName, Difference.MissingIndex missing) {
		if (model.indexes().stream().anyMatch((index) -> index.name().equals(missing.name()))) {
			return new RemoveIndex(modelName, missing.name());
		}
		String field = (missing.columns().size() == 1) ? StateColumns.field(model, missing.columns().get(0)) : null;
		if (field != null && model.field(field).dbIndex()) {
			return new AlterField(modelName, field, model.field(field).withDbIndex(false), true);
		}
		return null;
	}

	private @Nullable Operation missingConstraint(ModelState model, String modelName,
			Difference.MissingConstraint missing) {
		if (missing.name() != null && model.constraints().stream().anyMatch((c) -> c.name().equals(missing.name()))) {
			return new RemoveConstraint(modelName, missing.name());
		}
		if (missing.kind() == ConstraintKind.UNIQUE && missing.columns().size() == 1) {
			String field = StateColumns.field(model, missing.columns().get(0));
			if (field != null && model.field(field).unique()) {
				return new AlterField(modelName, field, model.field(field).withUnique(false), true);
			}
		}
		return null;
	}

	private @Nullable String liveCondition(ModelState model, String index) {
		return StateColumns.liveTable(this.live, model).indexes()
			.stream()
			.filter((candidate) -> candidate.name().equalsIgnoreCase(index))
			.map(LiveSchema.Index::condition)
			.filter((condition) -> condition != null)
			.findFirst()
			.orElse(null);
	}

	private @Nullable String liveCheck(ModelState model, String check) {
		return StateColumns.liveTable(this.live, model).checks()
			.stream()
			.filter((candidate) -> candidate.name().equalsIgnoreCase(check))
			.map(LiveSchema.Check::expression)
			.filter((expression) -> expression != null)
			.findFirst()
			.orElse(null);
	}

}
