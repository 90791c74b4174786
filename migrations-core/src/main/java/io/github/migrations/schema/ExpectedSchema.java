package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * The tables a project state should have produced on one database, as the vendor's schema editor
 * would create them: column types, nullability and database defaults as the editor writes them,
 * Django's names for field indexes, unique columns, foreign keys, column checks (positive
 * integers), and the named indexes and constraints of the models, automatic join tables included.
 * {@link LiveSchema} is compared with this.
 *
 * @param vendor the database the tables are meant for
 * @param tables the tables, one per model and automatic join table
 * @since 0.1
 */
public record ExpectedSchema(Vendor vendor, List<Table> tables) {

	/**
	 * Describe the tables of a project state.
	 * @param state the project state
	 * @param editor the schema editor of the database (only its SQL rules are used; nothing runs)
	 * @return the expected schema
	 */
	public static ExpectedSchema of(ProjectState state, BaseSchemaEditor editor) {
		editor.setProjectState(state);
		List<Table> tables = new ArrayList<>();
		for (ModelState model : state.models().values()) {
			tables.add(table(editor, model, model.name()));
			model.fields().forEach((name, field) -> {
				if (field.type() instanceof FieldType.ManyToManyField m2m && m2m.through() == null) {
					ModelState join = JoinTables.model(editor, model, name, m2m);
					tables.add(table(editor, join, model.name() + "." + name));
				}
			});
		}
		return new ExpectedSchema(editor.vendor(), tables);
	}

	/**
	 * A table the migrations should have created.
	 *
	 * @param app the app label
	 * @param model the model name ({@code Model.field} for a join table)
	 * @param name the table name, unquoted
	 * @param columns the columns in order
	 * @param indexes the non-unique indexes, named as the engine names them
	 * @param uniques the unique constraints (named) and unique columns (unnamed)
	 * @param foreignKeys the foreign keys
	 * @param checks the named check constraints and the column checks
	 */
	public record Table(String app, String model, String name, List<Column> columns, List<Index> indexes,
			List<Unique> uniques, List<ForeignKey> foreignKeys, List<Check> checks) {
	}

	/**
	 * A column.
	 *
	 * @param name the name, unquoted
	 * @param type the SQL type the editor writes
	 * @param nullable whether it accepts NULL
	 * @param defaultValue the database default as the editor writes it, or {@code null}
	 * @param primaryKey whether it is the primary key
	 * @param comment the column comment, or {@code null}
	 */
	public record Column(String name, String type, boolean nullable, @Nullable String defaultValue,
			boolean primaryKey, @Nullable String comment) {
	}

	/**
	 * A non-unique index.
	 *
	 * @param name the name
	 * @param columns the columns in order
	 * @param condition the condition of a partial index where the database has them, or
	 * {@code null}
	 */
	public record Index(String name, List<String> columns, @Nullable String condition) {
	}

	/**
	 * A unique constraint, or a unique column whose constraint the database names itself.
	 *
	 * @param name the name, or {@code null} when the database chooses it
	 * @param columns the columns
	 * @param condition the condition of a conditional unique constraint, or {@code null}
	 */
	public record Unique(@Nullable String name, List<String> columns, @Nullable String condition) {
	}

	/**
	 * A foreign key.
	 *
	 * @param name Django's constraint name
	 * @param column the referencing column
	 * @param targetTable the referenced table
	 * @param targetColumn the referenced column
	 * @param onDelete the {@code ON DELETE} action it is created with ({@code CASCADE},
	 * {@code SET NULL}, {@code SET DEFAULT} for a database-level {@code on_delete}), or
	 * {@code null} for none
	 */
	public record ForeignKey(String name, String column, String targetTable, String targetColumn,
			@Nullable String onDelete) {
	}

	/**
	 * A check constraint: named (a model's constraint), or on one column and named by the
	 * database (a positive integer's check).
	 *
	 * @param name the name, or {@code null} for a column check
	 * @param column the column of a column check, or {@code null}
	 * @param optional whether the database adds it by itself and its absence is no difference
	 * (MariaDB's {@code json_valid} check of a JSON column)
	 * @param expression the condition as the editor writes it, or {@code null} when not compared
	 */
	public record Check(@Nullable String name, @Nullable String column, boolean optional,
			@Nullable String expression) {
	}

	private static Table table(BaseSchemaEditor editor, ModelState model, String modelName) {
		List<Column> columns = new ArrayList<>();
		List<Index> indexes = new ArrayList<>();
		List<Unique> uniques = new ArrayList<>();
		List<ForeignKey> foreignKeys = new ArrayList<>();
		List<Check> checks = new ArrayList<>();
		String table = model.table();
		for (Map.Entry<String, FieldState> entry : model.fields().entrySet()) {
			FieldState field = entry.getValue();
			if (!field.type().hasColumn()) {
				continue;
			}
			String column = field.column(entry.getKey());
			String defaultValue = (field.dbDefault() != null) ? editor.literal(model, field, field.dbDefault()) : null;
			columns.add(new Column(column, editor.columnType(model, field), field.nullable() && !field.primaryKey(),
					defaultValue, field.primaryKey(), field.dbComment()));
			if (editor.isUnique(field) && !field.primaryKey()) {
				uniques.add(new Unique(null, List.of(column), null));
			}
			if (editor.isIndexed(field)) {
				indexes.add(new Index(editor.indexName(table, column, ""), List.of(column), null));
			}
			if (BaseSchemaEditor.hasForeignKey(field)) {
				BaseSchemaEditor.Target target = editor.target(model, field.type());
				foreignKeys.add(new ForeignKey(
						editor.indexName(table, column, "_fk_" + target.table() + "_" + target.column()), column,
						target.table(), target.column(), field.type().databaseOnDelete()));
			}
			String columnCheck = editor.columnCheck(column, field);
			if (columnCheck != null) {
				checks.add(new Check(null, column, false, columnCheck));
			}
			if (field.type() instanceof FieldType.JSONField && editor.vendor() == Vendor.MARIADB) {
				checks.add(new Check(null, column, true, null));
			}
		}
		for (IndexState index : model.indexes()) {
			String condition = editor.supportsPartialIndexes() ? index.condition() : null;
			indexes.add(new Index(index.name(), columns(model, index.fieldNames()), condition));
		}
		for (ConstraintState constraint : model.constraints()) {
			if (constraint instanceof ConstraintState.Check check) {
				checks.add(new Check(constraint.name(), null, false, check.check()));
			}
			else if (constraint instanceof ConstraintState.Unique unique
					&& (unique.condition() == null || editor.supportsPartialIndexes())) {
				uniques.add(new Unique(unique.name(), columns(model, unique.fields()), unique.condition()));
			}
		}
		return new Table(model.app(), modelName, table, columns, indexes, uniques, foreignKeys, checks);
	}

	private static List<String> columns(ModelState model, List<String> fields) {
		return fields.stream().map((field) -> model.field(field).column(field)).toList();
	}

}
