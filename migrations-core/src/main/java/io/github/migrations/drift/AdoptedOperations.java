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
import io.github.migrations.operation.DeleteModel;
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
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * The state operations that adopt one difference, worked out against the state as adopted so far,
 * or the reason there are none with what to do: the vocabulary has no relation without its foreign
 * key, no database {@code ON DELETE} rule and no expression {@code db_default}, so for those the
 * reason gives the vendor's statement that brings the database back to what the state can say.
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
		if (difference instanceof Difference.MissingTable missing) {
			return missingTable(state, app, missing);
		}
		ModelState model = model(state, app, difference.table());
		if (model == null) {
			return Result.not("no model of the applied migrations has this table (an automatic many-to-many table?)");
		}
		String modelName = model.name().toLowerCase(Locale.ROOT);
		if (difference instanceof Difference.UnexpectedConstraint unexpected
				&& unexpected.kind() == ConstraintKind.FOREIGN_KEY) {
			return foreignKey(state, model, modelName, unexpected);
		}
		if (difference instanceof Difference.MissingConstraint missing && missing.kind() == ConstraintKind.FOREIGN_KEY) {
			return Result.not(missingForeignKey(model, missing));
		}
		if (difference instanceof Difference.OnDeleteDiffers onDelete) {
			return Result.not(onDelete(state, model, onDelete));
		}
		if (difference instanceof Difference.UnexpectedIndex index && keptForDroppedForeignKey(model, index)) {
			return Result.not("the index " + this.live.vendor().displayName() + " kept when the foreign key of "
					+ index.columns().get(0) + " was dropped: creating the foreign key again uses it, or drop it");
		}
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
	private Result missingTable(ProjectState state, String app, Difference.MissingTable missing) {
		int dot = missing.model().indexOf('.');
		String modelName = (dot > 0) ? missing.model().substring(0, dot) : missing.model();
		ModelState model = state.models().values().stream()
			.filter((candidate) -> candidate.app().equals(app) && candidate.name().equalsIgnoreCase(modelName))
			.findFirst()
			.orElse(null);
		if (model == null) {
			return Result.not("no model " + missing.model() + " in the applied migrations");
		}
		if (dot > 0) {
			String field = missing.model().substring(dot + 1);
			return model.fields().containsKey(field)
					? Result.of(new RemoveField(model.name().toLowerCase(Locale.ROOT), field))
					: Result.not("no field " + missing.model() + " in the applied migrations");
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
			return Result.not("the relation" + ((referrers.size() == 1) ? " " : "s ") + String.join(", ", referrers)
					+ " point at model " + model.name() + ": remove or change " + ((referrers.size() == 1) ? "it" : "them")
					+ " first and run drift --write again, or create the table again");
		}
		return Result.of(new DeleteModel(model.name()));
	}

	/**
	 * A foreign key the migrations do not create: a relation field pointed at another model is
	 * adopted ({@code AlterField} of its target); a plain field's is not (a relation field comes
	 * with its index).
	 */
	private Result foreignKey(ProjectState state, ModelState model, String modelName,
			Difference.UnexpectedConstraint unexpected) {
		String[] parts = unexpected.columns().get(0).split(" -> ", 2);
		int dot = parts[1].lastIndexOf('.');
		String targetTable = parts[1].substring(0, dot);
		String targetColumn = parts[1].substring(dot + 1);
		String field = field(model, parts[0]);
		String drop = "or drop it: " + dropForeignKey(model.table(), unexpected.name());
		if (field == null) {
			return Result.not("no field has the column " + parts[0] + "; " + drop);
		}
		ModelState target = state.models().values().stream()
			.filter((candidate) -> candidate.table().equalsIgnoreCase(targetTable))
			.findFirst()
			.orElse(null);
		if (target == null) {
			return Result.not("no model of the applied migrations has the table " + targetTable
					+ ": adopt the table first (drift --write --table-app APP), " + drop);
		}
		String key = target.primaryKeyName();
		if (!target.field(key).column(key).equalsIgnoreCase(targetColumn)) {
			return Result.not("a relation field points at the primary key of its model, not at " + targetTable + "."
					+ targetColumn + "; " + drop);
		}
		FieldState present = model.field(field);
		ModelKey current = present.type().relatedModel();
		ModelState currentTarget = (current != null) ? state.find(current) : null;
		if (currentTarget != null && liveTable(model).foreignKeys().stream().anyMatch((other) -> other.column()
			.equalsIgnoreCase(parts[0]) && other.targetTable().equalsIgnoreCase(currentTarget.table()))) {
			return Result.not("the column has the foreign key of its relation to " + currentTarget.name()
					+ " as well; " + drop);
		}
		String to = target.key().toString();
		FieldType type;
		if (present.type() instanceof FieldType.ForeignKey relation) {
			type = new FieldType.ForeignKey(to, relation.onDelete());
		}
		else if (present.type() instanceof FieldType.OneToOneField relation) {
			type = new FieldType.OneToOneField(to, relation.onDelete());
		}
		else {
			return Result.not("the column is the plain field " + field + ", and a relation field comes with an index"
					+ " that the state cannot say is missing: make " + field + " a relation by hand (@ForeignKey(to = "
					+ target.name() + ".class, dbColumn = \"" + parts[0] + "\")) and let makemigrations write it, "
					+ drop);
		}
		return Result.of(new AlterField(modelName, field, withType(present, type), true));
	}

	/**
	 * Why a relation's missing foreign key is not adopted, with the statement that creates it.
	 */
	private String missingForeignKey(ModelState model, Difference.MissingConstraint missing) {
		String[] parts = missing.columns().get(0).split(" -> ", 2);
		int dot = parts[1].lastIndexOf('.');
		String create = (this.live.vendor() == Vendor.SQLITE)
				? "remake the table with " + parts[0] + " REFERENCES " + parts[1].substring(0, dot) + " ("
						+ parts[1].substring(dot + 1) + ") (SQLite adds no constraint to a table)"
				: "ALTER TABLE " + model.table() + " ADD CONSTRAINT " + missing.name() + " FOREIGN KEY (" + parts[0]
						+ ") REFERENCES " + parts[1].substring(0, dot) + " (" + parts[1].substring(dot + 1) + ")";
		return "the vocabulary has no relation without its foreign key (Django's db_constraint=False): create it again: "
				+ create + "; or make the field a plain field by hand";
	}

	/**
	 * Why an {@code ON DELETE} rule is not adopted, with the statements that drop it.
	 */
	private String onDelete(ProjectState state, ModelState model, Difference.OnDeleteDiffers difference) {
		String field = field(model, difference.column());
		FieldType type = (field != null) ? model.field(field).type() : null;
		String onDelete = (type instanceof FieldType.ForeignKey relation) ? relation.onDelete().name()
				: (type instanceof FieldType.OneToOneField relation) ? relation.onDelete().name() : null;
		ModelKey targetKey = (type != null) ? type.relatedModel() : null;
		ModelState target = (targetKey != null) ? state.find(targetKey) : null;
		String references = (target != null) ? target.table() + " ("
				+ target.field(target.primaryKeyName()).column(target.primaryKeyName()) + ")" : "...";
		String recreate = (this.live.vendor() == Vendor.SQLITE)
				? "remake the table without ON DELETE " + difference.actual()
				: dropForeignKey(model.table(), difference.name()) + "; ALTER TABLE " + model.table() + " ADD CONSTRAINT "
						+ difference.name() + " FOREIGN KEY (" + difference.column() + ") REFERENCES " + references;
		onDelete = (onDelete != null) ? " (on_delete = " + onDelete + " is the application's)" : "";
		return "the vocabulary has no ON DELETE rule in the database: the migrations create every foreign key without"
				+ " ON DELETE, as Django" + onDelete + "; create it again without the rule: " + recreate;
	}

	/**
	 * MariaDB, MySQL and H2 keep the index of a foreign key that is dropped; it is no index of the
	 * model (the foreign key is missing, and comes back with it).
	 */
	private boolean keptForDroppedForeignKey(ModelState model, Difference.UnexpectedIndex index) {
		if (this.live.vendor() == Vendor.POSTGRESQL || this.live.vendor() == Vendor.SQLITE
				|| index.columns().size() != 1) {
			return false;
		}
		String column = index.columns().get(0);
		String field = field(model, column);
		return field != null && model.field(field).type().isRelation()
				&& liveTable(model).foreignKeys().stream().noneMatch((key) -> key.column().equalsIgnoreCase(column));
	}

	private String dropForeignKey(String table, String name) {
		return switch (this.live.vendor()) {
			case MARIADB, MYSQL -> "ALTER TABLE " + table + " DROP FOREIGN KEY " + name;
			case SQLITE -> "remake the table without the REFERENCES clause";
			default -> "ALTER TABLE " + table + " DROP CONSTRAINT " + name;
		};
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
			return Result.not(notWritable(model, present, difference.column(), actual));
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
		if (field.field() == null && field.withoutDefault() != null) {
			return Result.not(notWritable(model, field.withoutDefault(), column.name(), Objects.requireNonNull(
					column.defaultValue())));
		}
		return (field.field() != null) ? Result.of(new AddField(modelName, name, field.field(), true))
				: Result.not(Objects.requireNonNull(field.reason()));
	}

	/**
	 * The field of a column, or the reason there is none.
	 *
	 * @param field the field, or {@code null}
	 * @param reason why there is none, or {@code null}
	 * @param withoutDefault the field without the database default that no {@code db_default}
	 * says, or {@code null}
	 */
	record AdoptedField(@Nullable FieldState field, @Nullable String reason, @Nullable FieldState withoutDefault) {

		AdoptedField(@Nullable FieldState field, @Nullable String reason) {
			this(field, reason, null);
		}

	}

	/**
	 * Why a database default is not written as a {@code db_default}, with what to do: the
	 * vocabulary's {@code db_default} holds a value, or {@code now} for dates and times, which each
	 * editor writes one way; an expression ({@code gen_random_uuid()}, {@code nextval(…)}, or a
	 * current time spelled otherwise) has no {@code db_default}.
	 */
	String notWritable(ModelState model, FieldState field, String column, String actual) {
		String now = LiveFields.nowLiteral(this.editor, model, field);
		boolean sqlite = this.live.vendor() == Vendor.SQLITE;
		String alter = "ALTER TABLE " + model.table() + " ALTER COLUMN " + column;
		if (now != null && LiveFields.isExpression(actual)) {
			return "db_default \"now\" is " + now + " on " + this.live.vendor().displayName() + ", not " + actual
					+ ": give the column that default (" + (sqlite ? "remake the table with DEFAULT " + now
							: alter + " SET DEFAULT " + now)
					+ ") and run drift --write again, or drop the default";
		}
		if (LiveFields.isExpression(actual)) {
			return "db_default holds a value (or now for dates and times), not an expression such as " + actual
					+ ": drop the default (" + (sqlite ? "remake the table without it" : alter + " DROP DEFAULT")
					+ ") and set the value in the application, or keep it and leave this difference";
		}
		return "no db_default of a " + field.type().typeName() + " is written as " + actual;
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
				return new AdoptedField(null, "no db_default of a " + type.typeName() + " is written as " + liveDefault,
						field);
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
