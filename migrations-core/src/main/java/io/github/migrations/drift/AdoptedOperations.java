package io.github.migrations.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.migrations.drift.Difference.ConstraintKind;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.LiveFields;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.Spellings;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * The state operations that adopt one difference, worked out against the state as adopted so far,
 * or the reason there are none.
 */
final class AdoptedOperations {

	private final LiveSchema live;

	private final BaseSchemaEditor editor;

	AdoptedOperations(LiveSchema live, BaseSchemaEditor editor) {
		this.live = live;
		this.editor = editor;
	}

	/**
	 * The operations for one difference, or the reason there are none.
	 *
	 * @param operations the operations, empty when the difference is not adopted
	 * @param reason why not, or {@code null}
	 */
	record Result(List<Operation> operations, @Nullable String reason) {

		static Result of(Operation... operations) {
			return new Result(List.of(operations), null);
		}

		static Result not(String reason) {
			return new Result(List.of(), reason);
		}

	}

	Result operations(Difference difference, ProjectState state, String app) {
		if (difference instanceof Difference.UnexpectedTable table) {
			return new AdoptedTable(this.live, this.editor).create(state, app, table.table());
		}
		ModelState model = model(state, app, difference.table());
		if (model == null) {
			return Result.not((difference instanceof Difference.MissingTable) ? reason(difference)
					: "no model of the applied migrations has this table (an automatic many-to-many table?)");
		}
		String modelName = model.name().toLowerCase(Locale.ROOT);
		Operation operation = operation(difference, model, modelName);
		if (operation != null) {
			return Result.of(operation);
		}
		if (difference instanceof Difference.ColumnTypeDiffers type) {
			return type(model, modelName, type);
		}
		if (difference instanceof Difference.DefaultDiffers defaultDiffers) {
			return defaultValue(model, modelName, defaultDiffers);
		}
		if (difference instanceof Difference.UnexpectedColumn column) {
			return column(model, modelName, column);
		}
		if (difference instanceof Difference.CheckDiffers check) {
			return check(model, modelName, check);
		}
		if (difference instanceof Difference.ConditionDiffers condition) {
			return condition(model, modelName, condition);
		}
		return Result.not(reason(difference));
	}

	/**
	 * Return why the state cannot say a difference of this kind.
	 */
	static String reason(Difference difference) {
		if (difference instanceof Difference.MissingTable) {
			return "other models' relations may point at it: delete the model, or create the table";
		}
		if (difference instanceof Difference.OnDeleteDiffers) {
			return "the migrations create foreign keys without ON DELETE, as Django (on_delete is the application's);"
					+ " drop the rule in the database";
		}
		if (difference instanceof Difference.MissingConstraint missing) {
			return switch (missing.kind()) {
				case FOREIGN_KEY -> "a foreign key belongs to its relation field: change the field by hand";
				case PRIMARY_KEY -> "a model always has its primary key";
				default -> "the database names this constraint: only a named one can be removed from the state";
			};
		}
		if (difference instanceof Difference.UnexpectedConstraint unexpected) {
			return switch (unexpected.kind()) {
				case FOREIGN_KEY -> "a foreign key belongs to a relation field: turn the field into one by hand";
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
		return "the state cannot say this difference";
	}

	private @Nullable Operation operation(Difference difference, ModelState model, String modelName) {
		if (difference instanceof Difference.MissingColumn missing) {
			String field = field(model, missing.column());
			return (field != null && !model.field(field).primaryKey()) ? new RemoveField(modelName, field) : null;
		}
		if (difference instanceof Difference.NullabilityDiffers nullability) {
			String field = field(model, nullability.column());
			return (field != null) ? new AlterField(modelName, field,
					model.field(field).withNullable(!nullability.expectedNullable()), true) : null;
		}
		if (difference instanceof Difference.CommentDiffers comment) {
			String field = field(model, comment.column());
			return (field != null) ? new AlterField(modelName, field, model.field(field).withDbComment(comment.actual()),
					true) : null;
		}
		if (difference instanceof Difference.MissingIndex missing) {
			return missingIndex(model, modelName, missing);
		}
		if (difference instanceof Difference.UnexpectedIndex unexpected) {
			List<String> fields = fields(model, unexpected.columns());
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
			List<String> fields = fields(model, unexpected.columns());
			return (fields != null) ? new AddConstraint(modelName, new ConstraintState.Unique(
					DriftAdoption.name(unexpected.name()), fields, liveCondition(model, unexpected.name()))) : null;
		}
		if (unexpected.kind() == ConstraintKind.CHECK && !unexpected.name().startsWith("CHECK (")) {
			String expression = liveCheck(model, unexpected.name());
			return (expression != null) ? new AddConstraint(modelName,
					new ConstraintState.Check(DriftAdoption.name(unexpected.name()), expression)) : null;
		}
		return null;
	}

	private Result type(ModelState model, String modelName, Difference.ColumnTypeDiffers difference) {
		String field = field(model, difference.column());
		if (field == null) {
			return Result.not(reason(difference));
		}
		FieldState present = model.field(field);
		if (present.type().isRelation()) {
			return Result.not("a relation's column takes the type of its target's key: change the target's key");
		}
		FieldType type = LiveFields.fieldType(this.editor, difference.actual(), present.type());
		if (type == null) {
			return Result.not("no field type has the column type " + difference.actual() + " on "
					+ this.live.vendor().displayName());
		}
		return Result.of(new AlterField(modelName, field, withType(present, type), true));
	}

	private Result defaultValue(ModelState model, String modelName, Difference.DefaultDiffers difference) {
		String field = field(model, difference.column());
		if (field == null) {
			return Result.not(reason(difference));
		}
		FieldState present = model.field(field);
		String actual = difference.actual();
		String dbDefault = (actual != null) ? LiveFields.dbDefault(this.editor, model, present, actual) : null;
		if (actual != null && dbDefault == null) {
			return Result.not("no db_default of a " + present.type().typeName() + " is written as " + actual);
		}
		return Result.of(new AlterField(modelName, field, present.withDbDefault(dbDefault), true));
	}

	private Result column(ModelState model, String modelName, Difference.UnexpectedColumn difference) {
		LiveSchema.Column column = liveTable(model).column(difference.column());
		if (column == null) {
			return Result.not(reason(difference));
		}
		String name = DriftAdoption.name(column.name());
		if (model.fields().containsKey(name)) {
			return Result.not("the model already has a field " + name + " (on another column)");
		}
		AdoptedField field = field(this.editor, this.live.vendor(), model, column);
		return (field.field() != null) ? Result.of(new AddField(modelName, name, field.field(), true))
				: Result.not(Objects.requireNonNull(field.reason()));
	}

	/**
	 * The field of a column, or the reason there is none.
	 *
	 * @param field the field, or {@code null}
	 * @param reason why there is none, or {@code null}
	 */
	record AdoptedField(@Nullable FieldState field, @Nullable String reason) {
	}

	/**
	 * Return the field of a column: its type, nullability, database default and comment.
	 */
	static AdoptedField field(BaseSchemaEditor editor, Vendor vendor, ModelState model, LiveSchema.Column column) {
		FieldType type = LiveFields.fieldType(editor, column.type(), null);
		if (type == null) {
			return new AdoptedField(null,
					"no field type has the column type " + column.type() + " on " + vendor.displayName());
		}
		FieldState field = FieldState.of(type).withNullable(column.nullable()).withDbComment(column.comment());
		String liveDefault = column.defaultValue();
		if (liveDefault != null && Spellings.defaultValue(liveDefault) != null) {
			String dbDefault = LiveFields.dbDefault(editor, model, field, liveDefault);
			if (dbDefault == null) {
				return new AdoptedField(null, "no db_default of a " + type.typeName() + " is written as " + liveDefault);
			}
			field = field.withDbDefault(dbDefault);
		}
		return new AdoptedField(field, null);
	}

	private Result check(ModelState model, String modelName, Difference.CheckDiffers difference) {
		ConstraintState present = model.constraints()
			.stream()
			.filter((constraint) -> constraint.name().equalsIgnoreCase(difference.name()))
			.findFirst()
			.orElse(null);
		if (!(present instanceof ConstraintState.Check)) {
			return Result.not("the check belongs to a field's type");
		}
		return Result.of(new RemoveConstraint(modelName, present.name()), new AddConstraint(modelName,
				new ConstraintState.Check(present.name(), difference.actual())));
	}

	private Result condition(ModelState model, String modelName, Difference.ConditionDiffers difference) {
		for (IndexState index : model.indexes()) {
			if (index.name().equalsIgnoreCase(difference.name())) {
				return Result.of(new RemoveIndex(modelName, index.name()), new AddIndex(modelName,
						new IndexState(index.name(), index.fields(), difference.actual())));
			}
		}
		for (ConstraintState constraint : model.constraints()) {
			if (constraint instanceof ConstraintState.Unique unique && unique.name().equalsIgnoreCase(difference.name())) {
				return Result.of(new RemoveConstraint(modelName, unique.name()), new AddConstraint(modelName,
						new ConstraintState.Unique(unique.name(), unique.fields(), difference.actual())));
			}
		}
		return Result.not(reason(difference));
	}

	private @Nullable Operation missingIndex(ModelState model, String modelName, Difference.MissingIndex missing) {
		if (model.indexes().stream().anyMatch((index) -> index.name().equals(missing.name()))) {
			return new RemoveIndex(modelName, missing.name());
		}
		String field = (missing.columns().size() == 1) ? field(model, missing.columns().get(0)) : null;
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
			String field = field(model, missing.columns().get(0));
			if (field != null && model.field(field).unique()) {
				return new AlterField(modelName, field, model.field(field).withUnique(false), true);
			}
		}
		return null;
	}

	private LiveSchema.Table liveTable(ModelState model) {
		return this.live.tables()
			.values()
			.stream()
			.filter((table) -> table.name().equalsIgnoreCase(model.table()))
			.findFirst()
			.orElseThrow();
	}

	private @Nullable String liveCondition(ModelState model, String index) {
		return liveTable(model).indexes()
			.stream()
			.filter((candidate) -> candidate.name().equalsIgnoreCase(index))
			.map(LiveSchema.Index::condition)
			.filter((condition) -> condition != null)
			.findFirst()
			.orElse(null);
	}

	private @Nullable String liveCheck(ModelState model, String check) {
		return liveTable(model).checks()
			.stream()
			.filter((candidate) -> candidate.name().equalsIgnoreCase(check))
			.map(LiveSchema.Check::expression)
			.filter((expression) -> expression != null)
			.findFirst()
			.orElse(null);
	}

	static @Nullable ModelState model(ProjectState state, String app, String table) {
		return state.models()
			.values()
			.stream()
			.filter((model) -> model.app().equals(app) && model.table().equalsIgnoreCase(table))
			.findFirst()
			.orElse(null);
	}

	static FieldState withType(FieldState field, FieldType type) {
		return new FieldState(type, field.nullable(), field.defaultValue(), field.unique(), field.dbIndex(),
				field.dbColumn(), field.primaryKey(), field.dbDefault(), field.dbComment(), field.choices());
	}

	private static @Nullable String field(ModelState model, String column) {
		for (Map.Entry<String, FieldState> entry : model.fields().entrySet()) {
			if (entry.getValue().type().hasColumn() && entry.getValue().column(entry.getKey()).equalsIgnoreCase(column)) {
				return entry.getKey();
			}
		}
		return null;
	}

	static @Nullable List<String> fields(ModelState model, List<String> columns) {
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

}
