package io.github.migrations.schema;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.migrations.MigrationException;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * Schema editor for MariaDB, after Django's {@code mysql/schema.py}: backtick quoting, Django's
 * column types ({@code UNSIGNED} positive integers, durations as microseconds in a
 * {@code bigint}, the native {@code uuid} type of MariaDB 10.7+), comments in the column
 * definition, {@code MODIFY} for type, nullability and comment changes (restating the whole
 * column, since {@code MODIFY} forgets what it does not repeat), no separate index for foreign
 * keys (the constraint creates one), and {@code SET DEFAULT NULL} to drop the one-off default of
 * an added nullable column (Django's {@code sql_alter_column_no_default_null}). Index conditions
 * are left out and conditional unique constraints are not created, as Django does. MariaDB commits every DDL statement
 * implicitly, so a failed migration leaves the statements before the failure applied.
 *
 * @since 0.1
 */
public class MariaDbSchemaEditor extends BaseSchemaEditor {

	private static final Map<Class<? extends FieldType>, String> TYPES = Map.ofEntries(
			Map.entry(FieldType.AutoField.class, "integer AUTO_INCREMENT"),
			Map.entry(FieldType.BigAutoField.class, "bigint AUTO_INCREMENT"),
			Map.entry(FieldType.SmallAutoField.class, "smallint AUTO_INCREMENT"),
			Map.entry(FieldType.BinaryField.class, "longblob"), Map.entry(FieldType.BooleanField.class, "bool"),
			Map.entry(FieldType.CharField.class, "varchar({max_length})"), Map.entry(FieldType.DateField.class, "date"),
			Map.entry(FieldType.DateTimeField.class, "datetime(6)"),
			Map.entry(FieldType.DecimalField.class, "numeric({max_digits}, {decimal_places})"),
			Map.entry(FieldType.DurationField.class, "bigint"),
			Map.entry(FieldType.EmailField.class, "varchar({max_length})"),
			Map.entry(FieldType.FloatField.class, "double precision"),
			Map.entry(FieldType.IntegerField.class, "integer"), Map.entry(FieldType.BigIntegerField.class, "bigint"),
			Map.entry(FieldType.JSONField.class, "json"),
			Map.entry(FieldType.PositiveBigIntegerField.class, "bigint UNSIGNED"),
			Map.entry(FieldType.PositiveIntegerField.class, "integer UNSIGNED"),
			Map.entry(FieldType.PositiveSmallIntegerField.class, "smallint UNSIGNED"),
			Map.entry(FieldType.SlugField.class, "varchar({max_length})"),
			Map.entry(FieldType.SmallIntegerField.class, "smallint"), Map.entry(FieldType.TextField.class, "longtext"),
			Map.entry(FieldType.TimeField.class, "time(6)"), Map.entry(FieldType.URLField.class, "varchar({max_length})"),
			Map.entry(FieldType.UUIDField.class, "uuid"));

	private static final Set<String> LIMITED_TYPES = Set.of("tinyblob", "blob", "mediumblob",
			"longblob", "tinytext", "text", "mediumtext", "longtext", "json");

	private final ColumnTypes types;

	/**
	 * Create an editor.
	 * @param connection the connection to a MariaDB database
	 * @param collectOnly whether statements are only collected, never executed
	 */
	public MariaDbSchemaEditor(Connection connection, boolean collectOnly) {
		this(connection, collectOnly, Map.of());
	}

	/**
	 * Create an editor whose column types differ from MariaDB's in some entries (for MySQL).
	 * @param connection the connection
	 * @param collectOnly whether statements are only collected, never executed
	 * @param typeOverrides the column types that differ
	 */
	protected MariaDbSchemaEditor(Connection connection, boolean collectOnly,
			Map<Class<? extends FieldType>, String> typeOverrides) {
		super(connection, collectOnly);
		Map<Class<? extends FieldType>, String> types = new java.util.HashMap<>(TYPES);
		types.putAll(typeOverrides);
		this.types = new ColumnTypes(vendor().displayName(), types);
	}

	@Override
	public Vendor vendor() {
		return Vendor.MARIADB;
	}

	@Override
	protected String dataType(FieldType type) {
		return this.types.render(type);
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
	protected boolean backslashEscapes() {
		return true;
	}

	@Override
	protected boolean offsetInTimestamps() {
		return false;
	}

	@Override
	protected boolean relatedFieldsMatchType() {
		return true;
	}

	/**
	 * As Django's {@code supports_on_delete_db_default = False} on MySQL: InnoDB accepts
	 * {@code ON DELETE SET DEFAULT} and creates the key without it, so {@code DB_SET_DEFAULT} is
	 * refused rather than silently lost.
	 */
	@Override
	protected String onDeleteSql(FieldType relation) {
		if ("SET DEFAULT".equals(relation.databaseOnDelete())) {
			throw new MigrationException(vendor().displayName() + " cannot keep ON DELETE SET DEFAULT (InnoDB creates"
					+ " the foreign key without it): use on_delete DB_SET_NULL or DB_CASCADE, or the application's"
					+ " SET_DEFAULT");
		}
		return super.onDeleteSql(relation);
	}

	/**
	 * As Django's {@code mysql} {@code _field_should_be_indexed}: no index of its own for a foreign
	 * key (InnoDB indexes the constraint's column itself, under the constraint's name) unless it
	 * has no constraint ({@code db_constraint=False}), nor for a text, blob or JSON column.
	 */
	@Override
	protected boolean isIndexed(FieldState field) {
		if (isRelationColumn(field)) {
			return field.ownIndex() && !hasForeignKey(field);
		}
		return field.ownIndex() && !isLimitedType(dataType(field.type()));
	}

	/**
	 * Return whether a column type is one of the text, blob and JSON types (Django's
	 * {@code _limited_data_types}): no field index is created for them (neither database indexes
	 * them whole), and MySQL writes their defaults as expressions.
	 * @param type the SQL type
	 * @return {@code true} for a text, blob or JSON type
	 */
	protected static boolean isLimitedType(String type) {
		return LIMITED_TYPES.contains(type.toLowerCase(Locale.ROOT));
	}

	@Override
	protected String sqlRenameTable(String oldTable, String newTable) {
		return "RENAME TABLE " + oldTable + " TO " + newTable;
	}

	@Override
	protected String sqlDeleteColumn(String table, String column) {
		return "ALTER TABLE " + table + " DROP COLUMN " + column;
	}

	@Override
	protected String sqlAlterColumnType(String column, String type, String definition, boolean kindChanged) {
		return "MODIFY " + column + " " + definition;
	}

	@Override
	protected String sqlAlterColumnNull(String column, boolean nullable, String definition) {
		return "MODIFY " + column + " " + definition;
	}

	@Override
	protected @Nullable String sqlAlterColumnComment(String column, String definition) {
		return "MODIFY " + column + " " + definition;
	}

	@Override
	protected @Nullable String sqlColumnComment(String table, String column, String comment) {
		return null;
	}

	@Override
	protected boolean inlineColumnComments() {
		return true;
	}

	@Override
	protected String sqlDropOneOffDefault(String column, boolean nullable) {
		return nullable ? "ALTER COLUMN " + column + " SET DEFAULT NULL" : sqlDropColumnDefault(column);
	}

	@Override
	protected boolean checksRestatedByModify() {
		return true;
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
	protected String sqlDeleteCheck(String table, String name) {
		return "ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + name;
	}

	@Override
	protected String sqlDeleteIndex(String table, String name) {
		return "DROP INDEX " + name + " ON " + table;
	}

	@Override
	protected String sqlRenameIndex(String table, String oldName, String newName) {
		return "ALTER TABLE " + table + " RENAME INDEX " + oldName + " TO " + newName;
	}

	@Override
	protected String sqlNow(FieldType type) {
		if (type instanceof FieldType.DateField) {
			return "(CURRENT_DATE)";
		}
		return (type instanceof FieldType.TimeField) ? "(CURRENT_TIME(6))" : "(CURRENT_TIMESTAMP(6))";
	}

	@Override
	protected String durationLiteral(Duration duration) {
		return Long.toString(duration.toNanos() / 1000);
	}

}
