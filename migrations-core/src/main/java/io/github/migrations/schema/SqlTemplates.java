package io.github.migrations.schema;

import java.util.List;
import java.util.Set;

import io.github.migrations.state.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * The SQL templates of a schema editor, one method per template of Django's
 * {@code BaseDatabaseSchemaEditor} ({@code sql_create_fk}, {@code sql_delete_index}, …). The
 * defaults are Django's base templates; vendor editors override what differs. Names passed in
 * are already quoted.
 *
 * @since 0.1
 */
public abstract class SqlTemplates {

	/**
	 * Return the SQL type of a field type (foreign keys are resolved before this is called).
	 * @param type the type
	 * @return the SQL type
	 */
	protected abstract String dataType(FieldType type);

	/**
	 * Return what follows the column constraints for a type, or {@code null} (PostgreSQL's
	 * identity clause).
	 * @param type the type
	 * @return the suffix or {@code null}
	 */
	protected @Nullable String dataTypeSuffix(FieldType type) {
		return null;
	}

	/**
	 * Return the identifier quote character.
	 * @return the quote
	 */
	protected String identifierQuote() {
		return "\"";
	}

	/**
	 * Return the longest identifier the database accepts (Django's {@code max_name_length}).
	 * @return the length
	 */
	protected int maxNameLength() {
		return 63;
	}

	/**
	 * Return the statement that drops a table.
	 * @param table the quoted table
	 * @return the statement
	 */
	protected String sqlDeleteTable(String table) {
		return "DROP TABLE " + table + " CASCADE";
	}

	/**
	 * Return the statement that renames a table.
	 * @param oldTable the quoted current name
	 * @param newTable the quoted new name
	 * @return the statement
	 */
	protected String sqlRenameTable(String oldTable, String newTable) {
		return "ALTER TABLE " + oldTable + " RENAME TO " + newTable;
	}

	/**
	 * Return the statement that drops a column.
	 * @param table the quoted table
	 * @param column the quoted column
	 * @return the statement
	 */
	protected String sqlDeleteColumn(String table, String column) {
		return "ALTER TABLE " + table + " DROP COLUMN " + column + " CASCADE";
	}

	/**
	 * Return the statement that renames a column.
	 * @param table the quoted table
	 * @param oldColumn the quoted current name
	 * @param newColumn the quoted new name
	 * @return the statement
	 */
	protected String sqlRenameColumn(String table, String oldColumn, String newColumn) {
		return "ALTER TABLE " + table + " RENAME COLUMN " + oldColumn + " TO " + newColumn;
	}

	/**
	 * Return the {@code ALTER TABLE} fragment that changes a column's type.
	 * @param column the quoted column
	 * @param type the new SQL type
	 * @param nullable whether the column accepts NULL before the change
	 * @param kindChanged whether the field type class changes (not only its length or precision)
	 * @return the fragment
	 */
	protected String sqlAlterColumnType(String column, String type, boolean nullable, boolean kindChanged) {
		return "ALTER COLUMN " + column + " TYPE " + type;
	}

	/**
	 * Return the {@code ALTER TABLE} fragment that changes a column's nullability.
	 * @param column the quoted column
	 * @param type the column's SQL type
	 * @param nullable whether the column accepts NULL after the change
	 * @return the fragment
	 */
	protected String sqlAlterColumnNull(String column, String type, boolean nullable) {
		return "ALTER COLUMN " + column + (nullable ? " DROP NOT NULL" : " SET NOT NULL");
	}

	/**
	 * Return the {@code ALTER TABLE} fragment that sets a column default.
	 * @param column the quoted column
	 * @param literal the default as a SQL literal
	 * @return the fragment
	 */
	protected String sqlSetColumnDefault(String column, String literal) {
		return "ALTER COLUMN " + column + " SET DEFAULT " + literal;
	}

	/**
	 * Return the {@code ALTER TABLE} fragment that drops a column default.
	 * @param column the quoted column
	 * @return the fragment
	 */
	protected String sqlDropColumnDefault(String column) {
		return "ALTER COLUMN " + column + " DROP DEFAULT";
	}

	/**
	 * Return the statement that adds a foreign key constraint.
	 * @param table the quoted table
	 * @param name the quoted constraint name
	 * @param column the quoted column
	 * @param targetTable the quoted referenced table
	 * @param targetColumn the quoted referenced column
	 * @return the statement
	 */
	protected String sqlCreateForeignKey(String table, String name, String column, String targetTable,
			String targetColumn) {
		return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + column + ") REFERENCES "
				+ targetTable + " (" + targetColumn + ")";
	}

	/**
	 * Return the statements that drop a foreign key constraint.
	 * @param table the quoted table
	 * @param name the quoted constraint name
	 * @return the statements
	 */
	protected List<String> sqlDeleteForeignKey(String table, String name) {
		return List.of("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
	}

	/**
	 * Return the statement that adds a unique constraint.
	 * @param table the quoted table
	 * @param name the quoted constraint name
	 * @param column the quoted column
	 * @return the statement
	 */
	protected String sqlCreateUnique(String table, String name, String column) {
		return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " UNIQUE (" + column + ")";
	}

	/**
	 * Return the statement that drops a unique constraint.
	 * @param table the quoted table
	 * @param name the quoted constraint name
	 * @return the statement
	 */
	protected String sqlDeleteUnique(String table, String name) {
		return "ALTER TABLE " + table + " DROP CONSTRAINT " + name;
	}

	/**
	 * Return the statement that drops an index.
	 * @param table the quoted table
	 * @param name the quoted index name
	 * @return the statement
	 */
	protected String sqlDeleteIndex(String table, String name) {
		return "DROP INDEX " + name;
	}

	/**
	 * Return names of indexes on a table that back constraints and must not be dropped as plain
	 * indexes.
	 * @param table the table, unquoted
	 * @return the index names as stored, in any case
	 */
	protected Set<String> constraintIndexNames(String table) {
		return Set.of();
	}

	/**
	 * Return the statements that fill the NULLs of a column with a value, before it becomes
	 * NOT NULL.
	 * @param table the quoted table
	 * @param column the quoted column
	 * @param literal the value as a SQL literal
	 * @return the statements
	 */
	protected List<String> sqlUpdateWithDefault(String table, String column, String literal) {
		return List.of("UPDATE " + table + " SET " + column + " = " + literal + " WHERE " + column + " IS NULL");
	}

}
