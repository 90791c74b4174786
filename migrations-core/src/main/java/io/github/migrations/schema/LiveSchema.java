package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.migrations.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * The tables of a connection's current schema as the database describes them, read in a few
 * queries per vendor: columns with their type as the database spells it, nullability and default;
 * indexes; foreign keys; check constraints. What {@link ExpectedSchema} says the migrations should
 * have produced is compared with this.
 *
 * @param vendor the database
 * @param tables the tables by name as stored, in the order the database lists them
 * @since 0.1
 */
public record LiveSchema(Vendor vendor, Map<String, Table> tables) {

	/**
	 * Read the current schema of a connection.
	 * @param connection the connection
	 * @return the schema
	 * @throws MigrationException when the database cannot be read
	 */
	public static LiveSchema read(Connection connection) {
		try {
			Vendor vendor = Vendor.from(connection.getMetaData());
			if (vendor == Vendor.SQLITE) {
				return SqliteLiveSchema.read(connection);
			}
			Set<String> names = Introspector.tableNames(connection);
			Map<String, List<Column>> columns = columns(connection, vendor, names);
			Map<String, Map<String, Check>> checks = LiveDetails.checks(connection, vendor);
			Map<String, String> conditions = LiveDetails.indexConditions(connection, vendor);
			Map<String, Table> tables = new LinkedHashMap<>();
			for (String name : names) {
				List<Check> checkList = List.copyOf(
						checks.getOrDefault(name.toLowerCase(Locale.ROOT), Map.of()).values());
				tables.put(name, new Table(name, columns.getOrDefault(name, List.of()), primaryKey(connection, name),
						indexes(connection, vendor, name, conditions), foreignKeys(connection, name), checkList));
			}
			return new LiveSchema(vendor, tables);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database schema: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A table of the database.
	 *
	 * @param name the name as stored
	 * @param columns the columns in order
	 * @param primaryKey the primary key columns, empty when there is none
	 * @param indexes every index (those backing the primary key and unique constraints included)
	 * @param foreignKeys the foreign keys, one entry per column
	 * @param checks the check constraints ({@code NOT NULL} constraints excluded)
	 */
	public record Table(String name, List<Column> columns, List<String> primaryKey, List<Index> indexes,
			List<ForeignKey> foreignKeys, List<Check> checks) {

		/**
		 * Return the column of that name, matched case-insensitively.
		 * @param column the column name in any case
		 * @return the column or {@code null}
		 */
		public @Nullable Column column(String column) {
			return this.columns.stream().filter((c) -> c.name().equalsIgnoreCase(column)).findFirst().orElse(null);
		}

	}

	/**
	 * A column.
	 *
	 * @param name the name as stored
	 * @param type the type as the database spells it (for example {@code character varying(100)},
	 * {@code int(11)})
	 * @param nullable whether it accepts NULL
	 * @param defaultValue the default expression as the database shows it, or {@code null}
	 * @param comment the column comment, or {@code null} for none (always {@code null} on SQLite)
	 */
	public record Column(String name, String type, boolean nullable, @Nullable String defaultValue,
			@Nullable String comment) {
	}

	/**
	 * An index.
	 *
	 * @param name the name as stored
	 * @param columns the columns (or expressions) in index order
	 * @param unique whether it is unique
	 * @param condition the condition of a partial index as the database shows it, or {@code null}
	 */
	public record Index(String name, List<String> columns, boolean unique, @Nullable String condition) {
	}

	/**
	 * A foreign key on one column.
	 *
	 * @param name the constraint name as stored
	 * @param column the referencing column
	 * @param targetTable the referenced table
	 * @param targetColumn the referenced column
	 * @param onDelete the {@code ON DELETE} rule in upper case ({@code NO ACTION}, {@code RESTRICT},
	 * {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT})
	 */
	public record ForeignKey(String name, String column, String targetTable, String targetColumn,
			String onDelete) {
	}

	/**
	 * A check constraint.
	 *
	 * @param name the name as stored
	 * @param columns the columns it involves
	 * @param expression the condition as the database shows it, or {@code null} where it does not
	 */
	public record Check(String name, Set<String> columns, @Nullable String expression) {
	}

	private static Map<String, List<Column>> columns(Connection connection, Vendor vendor, Set<String> tables)
			throws SQLException {
		String sql = switch (vendor) {
			case POSTGRESQL -> "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
					+ " CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END, pg_get_expr(d.adbin, d.adrelid),"
					+ " col_description(a.attrelid, a.attnum)"
					+ " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
					+ " JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
					+ " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
					+ " ORDER BY c.relname, a.attnum";
			case MARIADB, MYSQL -> "SELECT table_name, column_name, column_type, is_nullable, column_default,"
					+ " column_comment FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position";
			default -> "SELECT table_name, column_name, data_type, is_nullable, column_default,"
					+ " character_maximum_length, numeric_precision, numeric_scale, datetime_precision,"
					+ " interval_type, remarks FROM information_schema.columns WHERE table_schema = ?"
					+ " ORDER BY table_name, ordinal_position";
		};
		Map<String, List<Column>> columns = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, Introspector.namespace(connection));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String table = rows.getString(1);
					if (!tables.contains(table)) {
						continue;
					}
					String type = (vendor == Vendor.H2) ? h2Type(rows) : rows.getString(3);
					String defaultValue = rows.getString(5);
					if (vendor == Vendor.MARIADB && "NULL".equalsIgnoreCase(defaultValue)) {
						defaultValue = null;
					}
					String comment = rows.getString((vendor == Vendor.H2) ? 11 : 6);
					columns.computeIfAbsent(table, (key) -> new ArrayList<>())
						.add(new Column(rows.getString(2), type, "YES".equals(rows.getString(4)), defaultValue,
								(comment == null || comment.isEmpty()) ? null : comment));
				}
			}
		}
		return columns;
	}

	private static String h2Type(ResultSet rows) throws SQLException {
		String type = rows.getString(3);
		long length = rows.getLong(6);
		boolean hasLength = !rows.wasNull();
		int precision = rows.getInt(7);
		int scale = rows.getInt(8);
		int datetimePrecision = rows.getInt(9);
		boolean hasDatetimePrecision = !rows.wasNull();
		String interval = rows.getString(10);
		return switch (type) {
			case "CHARACTER VARYING", "CHARACTER", "BINARY VARYING", "BINARY" -> hasLength ? type + "(" + length + ")"
					: type;
			case "NUMERIC", "DECIMAL" -> type + "(" + precision + ", " + scale + ")";
			case "TIME", "TIMESTAMP" -> hasDatetimePrecision ? type + "(" + datetimePrecision + ")" : type;
			case "TIME WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE" ->
				hasDatetimePrecision ? type.replace(" WITH", "(" + datetimePrecision + ") WITH") : type;
			case "INTERVAL" -> (interval != null) ? "INTERVAL " + interval : type;
			default -> type;
		};
	}

	private static List<String> primaryKey(Connection connection, String table) throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet rows = metaData.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), table)) {
			while (rows.next()) {
				columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
			}
		}
		return List.copyOf(columns.values());
	}

	private static List<Index> indexes(Connection connection, Vendor vendor, String table,
			Map<String, String> conditions) throws SQLException {
		Map<String, String> constraints = (vendor == Vendor.H2) ? h2ConstraintsByIndex(connection, table) : Map.of();
		List<Index> indexes = new ArrayList<>();
		Introspector.indexes(connection, table).values()
			.forEach((index) -> indexes.add(new Index(constraints.getOrDefault(index.name(), index.name()),
					index.columns(), index.unique(), conditions.get(index.name()))));
		return indexes;
	}

	/**
	 * H2 names the index of a unique constraint apart from the constraint
	 * ({@code EXTRA_UNIQUE_INDEX_7}); the constraint's name is the one users know.
	 */
	private static Map<String, String> h2ConstraintsByIndex(Connection connection, String table) throws SQLException {
		String sql = "SELECT index_name, constraint_name FROM information_schema.table_constraints"
				+ " WHERE table_schema = ? AND table_name = ? AND constraint_type = 'UNIQUE' AND index_name IS NOT NULL";
		Map<String, String> names = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, Introspector.namespace(connection));
			statement.setString(2, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		return names;
	}

	private static List<ForeignKey> foreignKeys(Connection connection, String table) throws SQLException {
		List<ForeignKey> keys = new ArrayList<>();
		try (ResultSet rows = connection.getMetaData()
			.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
			while (rows.next()) {
				keys.add(new ForeignKey(rows.getString("FK_NAME"), rows.getString("FKCOLUMN_NAME"),
						rows.getString("PKTABLE_NAME"), rows.getString("PKCOLUMN_NAME"),
						LiveDetails.rule(rows.getShort("DELETE_RULE"))));
			}
		}
		return keys;
	}

}
