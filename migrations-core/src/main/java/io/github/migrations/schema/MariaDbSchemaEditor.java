package io.github.migrations.schema;

import java.sql.Connection;
import java.util.List;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;

/**
 * Schema editor for MariaDB, after Django's {@code mysql/schema.py}: backtick quoting,
 * {@code MODIFY} for type and nullability changes, and no separate index for foreign keys (the
 * constraint creates one). MariaDB commits every DDL statement implicitly, so a failed migration
 * leaves the statements before the failure applied.
 *
 * @since 0.1
 */
public class MariaDbSchemaEditor extends BaseSchemaEditor {

	/**
	 * Create an editor.
	 * @param connection the connection to a MariaDB database
	 * @param collectOnly whether statements are only collected, never executed
	 */
	public MariaDbSchemaEditor(Connection connection, boolean collectOnly) {
		super(connection, collectOnly);
	}

	@Override
	public Vendor vendor() {
		return Vendor.MARIADB;
	}

	@Override
	protected String dataType(FieldType type) {
		if (type instanceof FieldType.CharField charField) {
			return "varchar(" + charField.maxLength() + ")";
		}
		if (type instanceof FieldType.DecimalField decimal) {
			return "numeric(" + decimal.maxDigits() + ", " + decimal.decimalPlaces() + ")";
		}
		if (type instanceof FieldType.TextField) {
			return "longtext";
		}
		if (type instanceof FieldType.IntegerField) {
			return "integer";
		}
		if (type instanceof FieldType.BigIntegerField) {
			return "bigint";
		}
		if (type instanceof FieldType.BigAutoField) {
			return "bigint AUTO_INCREMENT";
		}
		if (type instanceof FieldType.BooleanField) {
			return "bool";
		}
		if (type instanceof FieldType.DateField) {
			return "date";
		}
		if (type instanceof FieldType.DateTimeField) {
			return "datetime(6)";
		}
		throw new IllegalArgumentException("No MariaDB type for " + type);
	}

	@Override
	protected String identifierQuote() {
		return "`";
	}

	@Override
	protected int maxNameLength() {
		return 64;
	}

	@Override
	protected String quoteValue(FieldType type, String value) {
		return SqlLiterals.literal(type, value, true, false);
	}

	@Override
	protected boolean isIndexed(FieldState field) {
		return field.dbIndex() && !field.unique() && !field.primaryKey();
	}

	@Override
	protected String sqlDeleteColumn(String table, String column) {
		return "ALTER TABLE " + table + " DROP COLUMN " + column;
	}

	@Override
	protected String sqlAlterColumnType(String column, String type, boolean nullable, boolean kindChanged) {
		return "MODIFY " + column + " " + type + (nullable ? " NULL" : " NOT NULL");
	}

	@Override
	protected String sqlAlterColumnNull(String column, String type, boolean nullable) {
		return "MODIFY " + column + " " + type + (nullable ? " NULL" : " NOT NULL");
	}

	@Override
	protected List<String> sqlDeleteForeignKey(String table, String name) {
		return List.of("ALTER TABLE " + table + " DROP FOREIGN KEY " + name);
	}

	@Override
	protected String sqlDeleteUnique(String table, String name) {
		return "ALTER TABLE " + table + " DROP INDEX " + name;
	}

	@Override
	protected String sqlDeleteIndex(String table, String name) {
		return "DROP INDEX " + name + " ON " + table;
	}

}
