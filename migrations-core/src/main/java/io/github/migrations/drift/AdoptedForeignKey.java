package io.github.migrations.drift;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.migrations.operation.AlterField;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.ExpectedSchema;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.Spellings;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Foreign key differences. A foreign key the migrations do not create is adopted where a relation
 * field says it: a relation pointed at another model's primary key gets that target, a plain
 * field becomes a relation ({@code ForeignKey}, {@code OneToOneField} for a unique column) to the
 * model whose primary key it references, with the live index or {@code db_index: false}. A
 * relation whose foreign key is gone becomes one without it ({@code db_constraint: false}); an
 * {@code ON DELETE CASCADE}, {@code SET NULL} or {@code SET DEFAULT} rule becomes the matching
 * database-level {@code on_delete} ({@code DB_CASCADE}, {@code DB_SET_NULL} on a nullable column,
 * {@code DB_SET_DEFAULT} on one with a {@code db_default}), also for a plain field becoming a
 * relation. What the vocabulary cannot say ({@code RESTRICT}, a rule its column cannot follow, a
 * missing rule of a {@code DB_} relation) is not adopted: the reason gives the vendor's statements
 * that bring the database back to what the state says.
 */
final class AdoptedForeignKey {

	private final LiveSchema live;

	private final BaseSchemaEditor editor;

	AdoptedForeignKey(LiveSchema live, BaseSchemaEditor editor) {
		this.live = live;
		this.editor = editor;
	}

	/**
	 * A foreign key the migrations do not create: {@code AlterField} of the field on its column,
	 * or why not with the statement that drops it.
	 */
	Adopted unexpected(ProjectState state, ModelState model, String modelName,
			Difference.UnexpectedConstraint unexpected) {
		Reference reference = Reference.of(unexpected.columns().get(0));
		String field = StateColumns.field(model, reference.column());
		String drop = "or drop it: " + drop(model.table(), unexpected.name());
		if (field == null) {
			return Adopted.not("no field has the column " + reference.column() + "; " + drop);
		}
		ModelState target = StateColumns.modelOfTable(state, reference.targetTable());
		if (target == null) {
			return Adopted.not("no model of the applied migrations has the table " + reference.targetTable()
					+ ": adopt the table (drift --write, with --table-app APP for a table of no app) and run drift"
					+ " --write again, " + drop);
		}
		String key = target.primaryKeyName();
		if (!target.field(key).column(key).equalsIgnoreCase(reference.targetColumn())) {
			return Adopted.not("a relation field points at the primary key of its model, not at "
					+ reference.targetTable() + "." + reference.targetColumn() + "; " + drop);
		}
		FieldState present = model.field(field);
		ModelKey current = present.type().relatedModel();
		ModelState currentTarget = (current != null) ? state.find(current) : null;
		LiveSchema.Table table = StateColumns.liveTable(this.live, model);
		if (currentTarget != null && table.foreignKeys().stream().anyMatch((other) -> other.column()
			.equalsIgnoreCase(reference.column()) && other.targetTable().equalsIgnoreCase(currentTarget.table()))) {
			return Adopted.not("the column has the foreign key of its relation to " + currentTarget.name()
					+ " as well; " + drop);
		}
		String to = target.key().toString();
		if (present.type() instanceof FieldType.ForeignKey relation) {
			return retarget(modelName, field, present, relation.withTo(to));
		}
		if (present.type() instanceof FieldType.OneToOneField relation) {
			return retarget(modelName, field, present, relation.withTo(to));
		}
		LiveSchema.ForeignKey liveKey = table.foreignKeys()
			.stream()
			.filter((candidate) -> candidate.name().equalsIgnoreCase(unexpected.name())
					&& candidate.column().equalsIgnoreCase(reference.column()))
			.findFirst()
			.orElseThrow();
		return relation(state, model, field, target, liveKey, drop);
	}

	private static Adopted retarget(String modelName, String field, FieldState present, FieldType type) {
		return Adopted.of(new AlterField(modelName, field, StateColumns.withType(present, type), true));
	}

	/**
	 * A plain field whose column has a foreign key becomes a relation: a {@code OneToOneField}
	 * when the field is unique (Django's advice for a unique foreign key), else a
	 * {@code ForeignKey}; {@code on_delete} after the live rule (the database's own {@code DB_} rule
	 * where the column can follow it, {@code DO_NOTHING} for none: the database refuses the delete,
	 * the application does nothing); the column kept with
	 * {@code db_column} where the relation's own ({@code <field>_id}) differs; {@code db_index}
	 * as the database has the relation's index. Not when the column does not have the type of the
	 * target's key, which a relation's column takes.
	 */
	private Adopted relation(ProjectState state, ModelState model, String field, ModelState target,
			LiveSchema.ForeignKey liveKey, String drop) {
		FieldState present = model.field(field);
		String to = target.key().toString();
		OnDelete onDelete = onDelete(liveKey.onDelete());
		OnDelete databaseRule = OnDelete.ofDatabaseRule(liveKey.onDelete());
		if (databaseRule != null && refusal(present, databaseRule) == null) {
			onDelete = databaseRule;
		}
		boolean oneToOne = present.unique() || present.primaryKey();
		FieldType type = oneToOne ? new FieldType.OneToOneField(to, onDelete) : new FieldType.ForeignKey(to, onDelete);
		String column = present.column(field);
		FieldState relation = StateColumns.withType(present, type)
			.withUnique(false)
			.withDbIndex(true)
			.withDbColumn((field + "_id").equalsIgnoreCase(column) ? null : column);
		ExpectedSchema.Table expected = expectedTable(state, model.withField(field, relation));
		ExpectedSchema.Column expectedColumn = expected.columns()
			.stream()
			.filter((candidate) -> candidate.name().equalsIgnoreCase(column))
			.findFirst()
			.orElseThrow();
		LiveSchema.Column liveColumn = StateColumns.liveTable(this.live, model).column(column);
		if (liveColumn != null && !Spellings.type(this.live.vendor(), expectedColumn.type())
			.equals(Spellings.type(this.live.vendor(), liveColumn.type()))) {
			return Adopted.not("the field " + field + " would become a relation to " + target.name()
					+ ", whose column takes the type of " + target.name() + "'s key, " + expectedColumn.type()
					+ ", but the column is " + liveColumn.type() + ": give the column that type and run drift --write"
					+ " again, " + drop);
		}
		if (!hasOwnIndex(model, expected, column)) {
			relation = relation.withDbIndex(false);
		}
		return Adopted.of(new AlterField(model.name().toLowerCase(Locale.ROOT), field, relation, true));
	}

	/**
	 * Whether the database has the index the relation's {@code db_index} creates, under Django's
	 * name (or the editor creates none: MariaDB's foreign keys, a unique column).
	 */
	private boolean hasOwnIndex(ModelState model, ExpectedSchema.Table expected, String column) {
		List<String> named = model.indexes().stream().map(IndexState::name).toList();
		LiveSchema.Table table = StateColumns.liveTable(this.live, model);
		return expected.indexes()
			.stream()
			.filter((index) -> index.columns().size() == 1 && index.columns().get(0).equalsIgnoreCase(column)
					&& named.stream().noneMatch(index.name()::equalsIgnoreCase))
			.allMatch((index) -> table.indexes()
				.stream()
				.anyMatch((live) -> live.name().equalsIgnoreCase(index.name())));
	}

	private ExpectedSchema.Table expectedTable(ProjectState state, ModelState model) {
		try {
			return ExpectedSchema.of(state.withModel(model), this.editor)
				.tables()
				.stream()
				.filter((table) -> table.name().equalsIgnoreCase(model.table()))
				.findFirst()
				.orElseThrow();
		}
		finally {
			this.editor.setProjectState(state);
		}
	}

	/**
	 * Return the application's {@code on_delete} for a database rule: the same behaviour, or
	 * {@code DO_NOTHING} where the database alone acts ({@code NO ACTION}, and {@code RESTRICT}
	 * where MariaDB, MySQL and H2 report that for a key without a rule).
	 */
	private OnDelete onDelete(String rule) {
		boolean ruleKept = this.live.vendor() == Vendor.POSTGRESQL || this.live.vendor() == Vendor.SQLITE;
		return switch (rule) {
			case "CASCADE" -> OnDelete.CASCADE;
			case "SET NULL" -> OnDelete.SET_NULL;
			case "SET DEFAULT" -> OnDelete.SET_DEFAULT;
			case "RESTRICT" -> ruleKept ? OnDelete.RESTRICT : OnDelete.DO_NOTHING;
			default -> OnDelete.DO_NOTHING;
		};
	}

	/**
	 * A relation's missing foreign key: {@code AlterField} of the relation without its constraint
	 * ({@code db_constraint: false}), the field otherwise unchanged but for {@code db_index} on
	 * MariaDB and MySQL where the database lacks the index a relation without constraint has
	 * there; or why not, with the statement that creates the key again.
	 */
	Adopted missing(ProjectState state, ModelState model, String modelName, Difference.MissingConstraint missing) {
		Reference reference = Reference.of(missing.columns().get(0));
		String references = reference.targetTable() + " (" + reference.targetColumn() + ")";
		String create = (this.live.vendor() == Vendor.SQLITE)
				? "remake the table with " + reference.column() + " REFERENCES " + references
						+ " (SQLite adds no constraint to a table)"
				: "ALTER TABLE " + model.table() + " ADD CONSTRAINT " + missing.name() + " FOREIGN KEY ("
						+ reference.column() + ") REFERENCES " + references;
		String field = StateColumns.field(model, reference.column());
		FieldType type = (field != null) ? model.field(field).type() : null;
		if (field == null || !(type instanceof FieldType.ForeignKey || type instanceof FieldType.OneToOneField)) {
			return Adopted.not("no relation has the column " + reference.column() + ": create the key again: " + create);
		}
		LiveSchema.Table table = StateColumns.liveTable(this.live, model);
		LiveSchema.ForeignKey other = table.foreignKeys()
			.stream()
			.filter((key) -> key.column().equalsIgnoreCase(reference.column()))
			.findFirst()
			.orElse(null);
		if (other != null) {
			return Adopted.not("the column has a foreign key to " + other.targetTable() + " instead, adopted as the"
					+ " relation's target where it is a model's key; or create the key again: " + create);
		}
		OnDelete onDelete = Objects.requireNonNull(type.onDelete());
		if (onDelete.databaseRule() != null) {
			return Adopted.not("on_delete = " + onDelete + " is kept by the foreign key, which a relation without it"
					+ " (db_constraint=False) cannot have: create the key again: " + create + " ON DELETE "
					+ onDelete.databaseRule() + "; or change on_delete to the application's "
					+ onDelete.name().substring(3) + " and dbConstraint to false in the model and run makemigrations");
		}
		FieldType loose = (type instanceof FieldType.ForeignKey relation)
				? new FieldType.ForeignKey(relation.to(), relation.onDelete(), false)
				: new FieldType.OneToOneField(((FieldType.OneToOneField) type).to(), onDelete, false);
		FieldState adopted = StateColumns.withType(model.field(field), loose);
		if (adopted.dbIndex() && (this.live.vendor() == Vendor.MARIADB || this.live.vendor() == Vendor.MYSQL)
				&& !hasOwnIndex(model, expectedTable(state, model.withField(field, adopted)), reference.column())) {
			adopted = adopted.withDbIndex(false);
		}
		return Adopted.of(new AlterField(modelName, field, adopted, true));
	}

	/**
	 * An {@code ON DELETE} rule that differs: {@code AlterField} of the relation with the
	 * database-level {@code on_delete} of the live rule, the field otherwise unchanged; or why
	 * not, with the statements that create the key again with the state's rule.
	 */
	Adopted onDelete(ProjectState state, ModelState model, String modelName, Difference.OnDeleteDiffers difference) {
		String field = StateColumns.field(model, difference.column());
		FieldType type = (field != null) ? model.field(field).type() : null;
		OnDelete onDelete = (type != null) ? type.onDelete() : null;
		ModelKey targetKey = (type != null) ? type.relatedModel() : null;
		ModelState target = (targetKey != null) ? state.find(targetKey) : null;
		String references = (target != null) ? target.table() + " ("
				+ target.field(target.primaryKeyName()).column(target.primaryKeyName()) + ")" : "...";
		String rule = (onDelete != null && onDelete.databaseRule() != null) ? " ON DELETE " + onDelete.databaseRule()
				: "";
		String recreate = (this.live.vendor() == Vendor.SQLITE)
				? "remake the table with " + (rule.isEmpty() ? "no ON DELETE rule" : rule.substring(1)) + " instead of "
						+ "ON DELETE " + difference.actual()
				: drop(model.table(), difference.name()) + "; ALTER TABLE " + model.table() + " ADD CONSTRAINT "
						+ difference.name() + " FOREIGN KEY (" + difference.column() + ") REFERENCES " + references
						+ rule;
		String fix = "; create it again " + (rule.isEmpty() ? "without the rule" : "with" + rule) + ": " + recreate;
		if (field == null || onDelete == null) {
			return Adopted.not("no relation has the column " + difference.column() + fix);
		}
		OnDelete adopted = OnDelete.ofDatabaseRule(difference.actual());
		if (adopted == null) {
			String application = (onDelete.databaseRule() != null) ? onDelete.name().substring(3) : null;
			boolean ruleKept = this.live.vendor() == Vendor.POSTGRESQL || this.live.vendor() == Vendor.SQLITE;
			return Adopted.not((difference.actual().equals("RESTRICT") && ruleKept)
					? "Django has no database-level RESTRICT (on_delete = RESTRICT is the application's)" + fix
							+ "; or keep the rule and leave this difference"
					: "the database has no ON DELETE rule for on_delete = " + onDelete + fix + "; or change on_delete"
							+ " to the application's " + application + " in the model and run makemigrations");
		}
		String refusal = refusal(model.field(field), adopted);
		if (refusal != null) {
			return Adopted.not(refusal + fix + "; or keep the rule and leave this difference");
		}
		FieldType relation = (type instanceof FieldType.ForeignKey key)
				? new FieldType.ForeignKey(key.to(), adopted, key.dbConstraint())
				: new FieldType.OneToOneField(((FieldType.OneToOneField) type).to(), adopted, type.dbConstraint());
		return Adopted.of(new AlterField(modelName, field, StateColumns.withType(model.field(field), relation), true));
	}

	/**
	 * Return why a field cannot take a database-level rule (Django's checks), or {@code null}.
	 */
	private static @Nullable String refusal(FieldState field, OnDelete rule) {
		if (rule == OnDelete.DB_SET_NULL && !field.nullable()) {
			return "ON DELETE SET NULL on a column that is NOT NULL: DB_SET_NULL needs null=True";
		}
		if (rule == OnDelete.DB_SET_DEFAULT && field.dbDefault() == null) {
			return "ON DELETE SET DEFAULT on a column without a db_default: DB_SET_DEFAULT needs one";
		}
		return null;
	}

	/**
	 * Return why an index MariaDB, MySQL or H2 kept for a relation's dropped foreign key is not
	 * adopted, or {@code null} when the index is not such an index: it is no index of the model (the
	 * foreign key is missing, and comes back with it; or the relation is without it now, and the
	 * index goes).
	 */
	@Nullable String keptIndex(ModelState model, Difference.UnexpectedIndex index) {
		if (this.live.vendor() == Vendor.POSTGRESQL || this.live.vendor() == Vendor.SQLITE
				|| index.columns().size() != 1) {
			return null;
		}
		String column = index.columns().get(0);
		String field = StateColumns.field(model, column);
		if (field != null && !model.field(field).type().dbConstraint()) {
			// the index InnoDB or H2 made for the key has the key's name, Django's <table>_<column>_<hash>_fk_...
			if (!index.name().toLowerCase(Locale.ROOT).contains("_fk_")) {
				return null;
			}
			String dropIndex = "DROP INDEX " + index.name()
					+ ((this.live.vendor() == Vendor.H2) ? "" : " ON " + model.table());
			return "the index " + this.live.vendor().displayName() + " kept when the foreign key of " + column
					+ " was dropped, which the relation without it (db_constraint=False) does not have: drop it ("
					+ dropIndex + ")";
		}
		boolean kept = field != null && model.field(field).type().isRelation()
				&& StateColumns.liveTable(this.live, model)
			.foreignKeys()
			.stream()
			.noneMatch((key) -> key.column().equalsIgnoreCase(column));
		return kept ? "the index " + this.live.vendor().displayName() + " kept when the foreign key of " + column
				+ " was dropped: creating the foreign key again uses it, or drop it" : null;
	}

	private String drop(String table, String name) {
		return switch (this.live.vendor()) {
			case MARIADB, MYSQL -> "ALTER TABLE " + table + " DROP FOREIGN KEY " + name;
			case SQLITE -> "remake the table without the REFERENCES clause";
			default -> "ALTER TABLE " + table + " DROP CONSTRAINT " + name;
		};
	}

	/**
	 * A foreign key as a difference gives it: {@code column -> table.column}.
	 */
	private record Reference(String column, String targetTable, String targetColumn) {

		static Reference of(String text) {
			String[] parts = text.split(" -> ", 2);
			int dot = parts[1].lastIndexOf('.');
			return new Reference(parts[0], parts[1].substring(0, dot), parts[1].substring(dot + 1));
		}

	}

}
