package io.github.migrations.schema;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
	 * @param definition the whole column definition after the change (type, default,
	 * nullability, comment, check), for databases that restate it ({@code MODIFY})
	 * @param kindChanged whether the field type class changes (not only its length or precision)
	 * @return the fragment
	 */
	protected String sqlAlterColumnType(String column, String type, String definition, boolean kindChanged) {
		return "ALTER COLUMN " + column + " TYPE " + type;
	}

	/**
	 * Return the {@code ALTER TABLE} fragment that changes a column's nullability.
	 * @param column the quoted column
	 * @param nullable whether the column accepts NULL after the change
	 * @param definition the whole column definition after the change, for databases that
	 * restate it ({@code MODIFY})
	 * @return the fragment
	 */
	protected String sqlAlterColumnNull(String column, boolean nullable, String definition) {
		return "ALTER COLUMN " + column + (nullable ? " DROP NOT NULL" : " SET NOT NULL");
	}

	/**
	 * Return the {@code ALTER TABLE} fragment that changes only a column's comment, or {@code null}
	 * where comments are set by {@link #sqlColumnComment}.
	 * @param column the quoted column
	 * @param definition the whole column definition with the new comment
	 * @return the fragment, or {@code null}
	 */
	protected @Nullable String sqlAlterColumnComment(String column, String definition) {
		return null;
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
	 * Return the {@code ALTER TABLE} fragment that drops the one-off default a column was added
	 * with (Django's {@code _alter_column_default_sql} with {@code drop}): {@link #sqlDropColumnDefault}
	 * unless a vendor drops the default of a nullable column otherwise (MariaDB and MySQL state
	 * {@code SET DEFAULT NULL}, Django's {@code sql_alter_column_no_default_null}).
	 * @param column the quoted column
	 * @param nullable whether the column accepts NULL
	 * @return the fragment
	 */
	protected String sqlDropOneOffDefault(String column, boolean nullable) {
		return sqlDropColumnDefault(column);
	}

	/**
	 * Return the {@code ALTER TABLE} fragment that gives a column a new database default or none,
	 * knowing the column: {@link #sqlSetColumnDefault} or {@link #sqlDropColumnDefault} unless a
	 * vendor does it otherwise (MySQL restates a text, blob or JSON column with {@code MODIFY}). A
	 * database default goes with {@code DROP DEFAULT} whether the column is nullable or not, as
	 * Django's {@code sql_alter_column_no_default}.
	 * @param column the quoted column
	 * @param type the column's SQL type
	 * @param defaultSql the new default as written after {@code DEFAULT}, or {@code null} for none
	 * @param definition the whole column definition with the new default, for {@code MODIFY}
	 * @return the fragment
	 */
	protected String sqlAlterColumnDefault(String column, String type, @Nullable String defaultSql,
			String definition) {
		return (defaultSql != null) ? sqlSetColumnDefault(column, defaultSql) : sqlDropColumnDefault(column);
	}

	/**
	 * Return how a default literal is written in a column definition or {@code SET DEFAULT}
	 * (Django's {@code _column_default_sql}): as it is, or, on MySQL for text, blob and JSON
	 * columns, as an expression in parentheses.
	 * @param type the column's SQL type
	 * @param literal the default as a SQL literal
	 * @return the default as written after {@code DEFAULT}
	 */
	protected String columnDefaultSql(String type, String literal) {
		return literal;
	}

	/**
	 * Return whether a one-off default is never made a column default for a while (Django's
	 * {@code skip_default_on_alter}, for MySQL's text, blob and JSON columns, which take no
	 * {@code ALTER COLUMN … SET DEFAULT}): a column added with it is added without a default and
	 * its rows filled by an {@code UPDATE}, as is a column that becomes NOT NULL.
	 * @param type the column's SQL type
	 * @return {@code true} to fill rows by {@code UPDATE} alone
	 */
	protected boolean skipDefaultOnAlter(String type) {
		return false;
	}

	/**
	 * Return whether a column check (the {@code >= 0} of positive integers) follows a rename of
	 * its column. Where it does not (MySQL refuses to rename a column a check uses, as Django's
	 * {@code _field_db_check} knows), the check is dropped before the rename and added again after.
	 * @return {@code true} when renames keep column checks
	 */
	protected boolean columnChecksFollowRenames() {
		return true;
	}

	/**
	 * Return the statement that adds a foreign key constraint.
	 * @param table the quoted table
	 * @param name the quoted constraint name
	 * @param column the quoted column
	 * @param targetTable the quoted referenced table
	 * @param targetColumn the quoted referenced column
	 * @param onDelete the {@code ON DELETE} clause with its leading space, or empty (Django's
	 * {@code on_delete_db})
	 * @return the statement
	 */
	protected String sqlCreateForeignKey(String table, String name, String column, String targetTable,
			String targetColumn, String onDelete) {
		return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + column + ") REFERENCES "
				+ targetTable + " (" + targetColumn + ")" + onDelete;
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
	 * @param columns the quoted columns, comma-separated
	 * @return the statement
	 */
	protected String sqlCreateUnique(String table, String name, String columns) {
		return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " UNIQUE (" + columns + ")";
	}

	/**
	 * Return the statement that adds a check constraint.
	 * @param table the quoted table
	 * @param name the quoted constraint name
	 * @param check the condition
	 * @return the statement
	 */
	protected String sqlCreateCheck(String table, String name, String check) {
		return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + check + ")";
	}

	/**
	 * Return the statement that drops a check constraint.
	 * @param table the quoted table
	 * @param name the quoted constraint name
	 * @return the statement
	 */
	protected String sqlDeleteCheck(String table, String name) {
		return "ALTER TABLE " + table + " DROP CONSTRAINT " + name;
	}

	/**
	 * Return the statement that creates an index.
	 * @param table the quoted table
	 * @param name the quoted index name
	 * @param columns the quoted columns, each with {@code DESC} where descending, comma-separated
	 * @param condition the condition of a partial index, or {@code null}; only passed where
	 * {@link #supportsPartialIndexes()}
	 * @param unique whether the index is unique
	 * @return the statement
	 */
	protected String sqlCreateIndex(String table, String name, String columns, @Nullable String condition,
			boolean unique) {
		return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + name + " ON " + table + " (" + columns + ")"
				+ ((condition != null) ? " WHERE " + condition : "");
	}

	/**
	 * Return the statement that renames an index.
	 * @param table the quoted table
	 * @param oldName the quoted current name
	 * @param newName the quoted new name
	 * @return the statement
	 */
	protected String sqlRenameIndex(String table, String oldName, String newName) {
		return "ALTER INDEX " + oldName + " RENAME TO " + newName;
	}

	/**
	 * Return whether indexes can have a {@code WHERE} condition (Django's
	 * {@code supports_partial_indexes}). Where they cannot, an index's condition is left out and a
	 * conditional unique constraint is not created, as Django does.
	 * @return {@code true} for partial indexes
	 */
	protected boolean supportsPartialIndexes() {
		return false;
	}

	/**
	 * Return the statement that sets or removes a column comment, or {@code null} where comments
	 * are part of the column definition ({@link #inlineColumnComments()}).
	 * @param table the quoted table
	 * @param column the quoted column
	 * @param comment the comment as a SQL literal, or {@code NULL}
	 * @return the statement, or {@code null}
	 */
	protected @Nullable String sqlColumnComment(String table, String column, String comment) {
		return "COMMENT ON COLUMN " + table + "." + column + " IS " + comment;
	}

	/**
	 * Return whether column comments are written in the column definition (MariaDB/MySQL
	 * {@code COMMENT '…'}) rather than by a separate statement.
	 * @return {@code true} for inline comments
	 */
	protected boolean inlineColumnComments() {
		return false;
	}

	/**
	 * Return the expression of a database default meaning "now" for a date, time or date-time
	 * column (Django's {@code Now()}).
	 * @param type the field type
	 * @return the SQL expression
	 */
	protected String sqlNow(FieldType type) {
		if (type instanceof FieldType.DateField) {
			return "CURRENT_DATE";
		}
		return (type instanceof FieldType.TimeField) ? "LOCALTIME" : "CURRENT_TIMESTAMP";
	}

	/**
	 * Return the SQL literal of a duration.
	 * @param duration the duration
	 * @return the literal
	 */
	protected String durationLiteral(Duration duration) {
		return "'" + duration + "'";
	}

	/**
	 * Return the SQL literal of a UUID.
	 * @param uuid the UUID
	 * @return the literal
	 */
	protected String uuidLiteral(UUID uuid) {
		return "'" + uuid + "'";
	}

	/**
	 * Return the SQL literal of bytes.
	 * @param bytes the bytes
	 * @return the literal
	 */
	protected String binaryLiteral(byte[] bytes) {
		return "X'" + HexFormat.of().formatHex(bytes) + "'";
	}

	/**
	 * Return the SQL literal of a JSON document.
	 * @param json the JSON text
	 * @return the literal
	 */
	protected String jsonLiteral(String json) {
		return SqlLiterals.string(json, backslashEscapes());
	}

	/**
	 * Return whether string literals treat a backslash as an escape character (MySQL and MariaDB).
	 * @return {@code true} when backslashes must be doubled
	 */
	protected boolean backslashEscapes() {
		return false;
	}

	/**
	 * Return whether date-time literals carry their offset ({@code false} converts them to UTC,
	 * for columns that store no offset).
	 * @return {@code true} to keep the offset
	 */
	protected boolean offsetInTimestamps() {
		return true;
	}

	/**
	 * Return whether a foreign key column has exactly the type of the column it references,
	 * unsigned included (Django's {@code related_fields_match_type}); otherwise positive integers
	 * are referenced by plain integer columns.
	 * @return {@code true} when the types match exactly
	 */
	protected boolean relatedFieldsMatchType() {
		return false;
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
