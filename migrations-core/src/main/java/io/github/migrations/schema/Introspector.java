package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads what exists in the current schema of a connection through JDBC metadata: tables,
 * columns, and the constraints and indexes the schema editors must find by name before dropping
 * them (as Django's {@code _constraint_names} does). Names are returned as the database stores
 * them; lookups match names case-insensitively, so callers may pass Django's lower-case names to a
 * database that folds unquoted names to upper case.
 *
 * @since 0.1
 */
public final class Introspector {

	private static final String[] TABLE_TYPES = { "TABLE", "BASE TABLE" };

	private static final Pattern BACKTICKED = Pattern.compile("`((?:[^`]|``)+)`");

	private static final Pattern NOT_NULL = Pattern.compile("\\d+_\\d+_\\d+_not_null");

	private Introspector() {
	}

	/**
	 * Return the tables of the connection's current schema, named as stored.
	 * @param connection the connection
	 * @return the table names in the order the driver lists them
	 */
	public static Set<String> tableNames(Connection connection) {
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			Set<String> names = new LinkedHashSet<>();
			try (ResultSet tables = metaData.getTables(catalog(connection), schemaPattern(connection), "%",
					TABLE_TYPES)) {
				while (tables.next()) {
					names.add(tables.getString("TABLE_NAME"));
				}
			}
			return names;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not list tables: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return whether a table exists in the current schema, with its name as given or in the case
	 * the database stores unquoted names in (see {@link #storedTableName}).
	 * @param connection the connection
	 * @param table the table name in any case
	 * @return {@code true} if the table exists
	 */
	public static boolean hasTable(Connection connection, String table) {
		return storedTableName(connection, table).isPresent();
	}

	/**
	 * Return the name of a table as the database stores it. The table is looked up by name, not
	 * found in a list of every table of the schema (one metadata query each took 20–50 ms on a
	 * PostgreSQL with a thousand tables in the schema, or thousands of relations in others): first
	 * in the case the database stores unquoted names in (upper case on H2, lower case on
	 * PostgreSQL), then as given; a driver whose name patterns ignore case (MariaDB, SQLite) finds
	 * any spelling at once. PostgreSQL's catalog is asked for both spellings in one query.
	 * @param connection the connection
	 * @param table the table name in any case
	 * @return the stored name, or empty when there is no such table
	 */
	public static Optional<String> storedTableName(Connection connection, String table) {
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			if (Vendor.from(metaData) == Vendor.POSTGRESQL) {
				return find(postgreSqlTables(connection, spellings(metaData, table)), table);
			}
			String catalog = catalog(connection);
			String schema = schemaPattern(connection);
			for (String spelling : spellings(metaData, table)) {
				Set<String> names = new LinkedHashSet<>();
				try (ResultSet tables = metaData.getTables(catalog, schema, escape(connection, spelling), TABLE_TYPES)) {
					while (tables.next()) {
						names.add(tables.getString("TABLE_NAME"));
					}
				}
				Optional<String> found = find(names, table);
				if (found.isPresent()) {
					return found;
				}
			}
			return Optional.empty();
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not look up table " + table + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return which of some tables exist in the current schema, looked up together: one metadata
	 * query lists the tables whose names start with the given names' common prefix (a history table
	 * and the tables named after it), in the case the database stores unquoted names in, and a
	 * second, with the prefix as given, only when some are missing and that spelling differs; on
	 * PostgreSQL one catalog query for the names themselves. Names match as in
	 * {@link #storedTableName}.
	 * @param connection the connection
	 * @param tables the table names in any case
	 * @return those of {@code tables} (as given) that exist
	 */
	public static Set<String> existingTables(Connection connection, Collection<String> tables) {
		Set<String> existing = new LinkedHashSet<>();
		if (tables.isEmpty()) {
			return existing;
		}
		String prefix = commonPrefix(tables);
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			if (Vendor.from(metaData) == Vendor.POSTGRESQL) {
				Set<String> spellings = new LinkedHashSet<>();
				for (String table : tables) {
					spellings.addAll(spellings(metaData, table));
				}
				Set<String> names = postgreSqlTables(connection, spellings);
				for (String table : tables) {
					if (find(names, table).isPresent()) {
						existing.add(table);
					}
				}
				return existing;
			}
			String catalog = catalog(connection);
			String schema = schemaPattern(connection);
			for (String spelling : spellings(metaData, prefix)) {
				Set<String> names = new LinkedHashSet<>();
				try (ResultSet found = metaData.getTables(catalog, schema, escape(connection, spelling) + "%",
						TABLE_TYPES)) {
					while (found.next()) {
						names.add(found.getString("TABLE_NAME"));
					}
				}
				for (String table : tables) {
					if (find(names, table).isPresent()) {
						existing.add(table);
					}
				}
				if (existing.size() == tables.size()) {
					break;
				}
			}
			return existing;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not look up tables " + tables + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return those of the given names that are tables of the current schema, straight from the
	 * catalog by name: an index scan of {@code pg_class}, where {@code getTables} (and any pattern
	 * that ignores case) reads the whole catalog table, which servers that create and drop many
	 * tables bloat (on this build machine 49 MB for 700 rows: 200 ms a look-up), and without the
	 * round trip of {@code Connection.getSchema()}.
	 */
	private static Set<String> postgreSqlTables(Connection connection, Collection<String> spellings)
			throws SQLException {
		String sql = "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname IN ("
				+ String.join(", ", Collections.nCopies(spellings.size(), "CAST(? AS name)")) + ")";
		Set<String> names = new LinkedHashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int index = 1;
			for (String spelling : spellings) {
				statement.setString(index++, spelling);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		return names;
	}

	private static String commonPrefix(Collection<String> names) {
		String prefix = names.iterator().next();
		for (String name : names) {
			int length = 0;
			while (length < prefix.length() && length < name.length()
					&& Character.toLowerCase(prefix.charAt(length)) == Character.toLowerCase(name.charAt(length))) {
				length++;
			}
			prefix = prefix.substring(0, length);
		}
		return prefix;
	}

	private static Set<String> spellings(DatabaseMetaData metaData, String table) throws SQLException {
		Set<String> spellings = new LinkedHashSet<>();
		if (metaData.storesUpperCaseIdentifiers()) {
			spellings.add(table.toUpperCase(Locale.ROOT));
		}
		else if (metaData.storesLowerCaseIdentifiers()) {
			spellings.add(table.toLowerCase(Locale.ROOT));
		}
		spellings.add(table);
		return spellings;
	}

	/**
	 * Return the columns of a table, named as stored, in column order.
	 * @param connection the connection
	 * @param table the table name in any case
	 * @return the column names, empty when there is no such table
	 */
	public static Set<String> columnNames(Connection connection, String table) {
		Set<String> names = new LinkedHashSet<>();
		Optional<String> stored = storedTableName(connection, table);
		if (stored.isEmpty()) {
			return names;
		}
		try (ResultSet columns = connection.getMetaData()
			.getColumns(catalog(connection), schemaPattern(connection), escape(connection, stored.get()), "%")) {
			while (columns.next()) {
				names.add(columns.getString("COLUMN_NAME"));
			}
			return names;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not list columns of " + table + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return whether a table has a column, matching both names case-insensitively.
	 * @param connection the connection
	 * @param table the table name in any case
	 * @param column the column name in any case
	 * @return {@code true} if the column exists
	 */
	public static boolean hasColumn(Connection connection, String table, String column) {
		return find(columnNames(connection, table), column).isPresent();
	}

	/**
	 * Return the element of {@code names} equal to {@code name} ignoring case.
	 * @param names the names as stored
	 * @param name the name to look for
	 * @return the stored spelling, or empty
	 */
	public static Optional<String> find(Iterable<String> names, String name) {
		for (String candidate : names) {
			if (candidate.equals(name)) {
				return Optional.of(candidate);
			}
		}
		for (String candidate : names) {
			if (candidate.equalsIgnoreCase(name)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Return the names of the foreign key constraints on one column of a table.
	 * @param connection the connection
	 * @param table the table name in any case
	 * @param column the column name in any case
	 * @return the constraint names as stored
	 */
	public static Set<String> foreignKeyNames(Connection connection, String table, String column) {
		Set<String> names = new LinkedHashSet<>();
		Optional<String> stored = storedTableName(connection, table);
		if (stored.isEmpty()) {
			return names;
		}
		try (ResultSet keys = connection.getMetaData()
			.getImportedKeys(catalog(connection), schema(connection), stored.get())) {
			while (keys.next()) {
				if (column.equalsIgnoreCase(keys.getString("FKCOLUMN_NAME"))) {
					names.add(keys.getString("FK_NAME"));
				}
			}
			return names;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read foreign keys of " + table + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the names of the single-column unique constraints on one column of a table.
	 * @param connection the connection
	 * @param table the table name in any case
	 * @param column the column name in any case
	 * @return the constraint names as stored
	 */
	public static Set<String> uniqueConstraintNames(Connection connection, String table, String column) {
		if (SqliteIntrospection.isSqlite(connection)) {
			return SqliteIntrospection.uniqueIndexNames(connection, table, column);
		}
		String sql = "SELECT tc.constraint_name, kcu.column_name FROM information_schema.table_constraints tc"
				+ " JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name"
				+ " AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name"
				+ " WHERE tc.constraint_type = 'UNIQUE' AND tc.table_schema = ? AND lower(tc.table_name) = ?";
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, namespace(connection));
			statement.setString(2, table.toLowerCase(Locale.ROOT));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.computeIfAbsent(rows.getString(1), (name) -> new ArrayList<>()).add(rows.getString(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read unique constraints of " + table + ": " + ex.getMessage(), ex);
		}
		Set<String> names = new LinkedHashSet<>();
		columns.forEach((name, cols) -> {
			if (cols.size() == 1 && cols.get(0).equalsIgnoreCase(column)) {
				names.add(name);
			}
		});
		return names;
	}

	/**
	 * Return the names of the single-column, non-unique indexes on one column of a table.
	 * Indexes a database creates by itself to back a constraint may be among them.
	 * @param connection the connection
	 * @param table the table name in any case
	 * @param column the column name in any case
	 * @return the index names as stored
	 */
	public static Set<String> indexNames(Connection connection, String table, String column) {
		Set<String> names = new LinkedHashSet<>();
		Optional<String> stored = storedTableName(connection, table);
		if (stored.isEmpty()) {
			return names;
		}
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try (ResultSet indexes = connection.getMetaData()
			.getIndexInfo(catalog(connection), schema(connection), stored.get(), false, false)) {
			while (indexes.next()) {
				String name = indexes.getString("INDEX_NAME");
				if (name != null && indexes.getBoolean("NON_UNIQUE")) {
					columns.computeIfAbsent(name, (key) -> new ArrayList<>()).add(indexes.getString("COLUMN_NAME"));
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read indexes of " + table + ": " + ex.getMessage(), ex);
		}
		columns.forEach((name, cols) -> {
			if (cols.size() == 1 && cols.get(0).equalsIgnoreCase(column)) {
				names.add(name);
			}
		});
		return names;
	}

	/**
	 * Return the names of the check constraints that involve exactly one column of a table (the
	 * checks Django attaches to a field, such as {@code "col" >= 0}).
	 * @param connection the connection
	 * @param table the table name in any case
	 * @param column the column name in any case
	 * @return the constraint names as stored
	 */
	public static Set<String> checkConstraintNames(Connection connection, String table, String column) {
		if (SqliteIntrospection.isSqlite(connection)) {
			return SqliteIntrospection.checkNames(connection, table, column);
		}
		Map<String, Set<String>> columns = checkColumns(connection, table);
		Set<String> names = new LinkedHashSet<>();
		columns.forEach((name, cols) -> {
			if (cols.size() == 1 && cols.iterator().next().equalsIgnoreCase(column)) {
				names.add(name);
			}
		});
		return names;
	}

	private static Map<String, Set<String>> checkColumns(Connection connection, String table) {
		Map<String, Set<String>> columns = new LinkedHashMap<>();
		Vendor vendor = vendor(connection);
		boolean mysql = vendor == Vendor.MARIADB || vendor == Vendor.MYSQL;
		String sql = (vendor == Vendor.MARIADB)
				? "SELECT constraint_name, check_clause FROM information_schema.check_constraints"
						+ " WHERE constraint_schema = ? AND lower(table_name) = ?"
				// MySQL's check_constraints has no table_name: check names are unique in a schema
				: (vendor == Vendor.MYSQL) ? "SELECT cc.constraint_name, cc.check_clause"
						+ " FROM information_schema.check_constraints cc JOIN information_schema.table_constraints tc"
						+ " ON tc.constraint_schema = cc.constraint_schema AND tc.constraint_name = cc.constraint_name"
						+ " WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = ? AND lower(tc.table_name) = ?"
				: "SELECT tc.constraint_name, ccu.column_name FROM information_schema.table_constraints tc"
						+ " JOIN information_schema.constraint_column_usage ccu"
						+ " ON ccu.constraint_schema = tc.constraint_schema AND ccu.constraint_name = tc.constraint_name"
						+ " WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = ? AND lower(tc.table_name) = ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, namespace(connection));
			statement.setString(2, table.toLowerCase(Locale.ROOT));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					Set<String> cols = columns.computeIfAbsent(rows.getString(1), (name) -> new LinkedHashSet<>());
					if (mysql) {
						cols.addAll(backtickedNames(rows.getString(2)));
					}
					else {
						cols.add(rows.getString(2));
					}
				}
			}
			return columns;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read check constraints of " + table + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the names of the constraints of one kind on a table, from
	 * {@code information_schema.table_constraints} ({@code NOT NULL} constraints excluded).
	 * @param connection the connection
	 * @param table the table name in any case
	 * @param type {@code PRIMARY KEY}, {@code UNIQUE}, {@code FOREIGN KEY} or {@code CHECK}
	 * @return the constraint names as stored
	 */
	public static Set<String> constraintNames(Connection connection, String table, String type) {
		if (SqliteIntrospection.isSqlite(connection)) {
			return new LinkedHashSet<>(SqliteIntrospection.constraints(connection, table, type).keySet());
		}
		String sql = "SELECT constraint_name FROM information_schema.table_constraints"
				+ " WHERE constraint_type = ? AND table_schema = ? AND lower(table_name) = ?";
		Set<String> names = new LinkedHashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, type);
			statement.setString(2, namespace(connection));
			statement.setString(3, table.toLowerCase(Locale.ROOT));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String name = rows.getString(1);
					if (!isNotNullConstraint(name)) {
						names.add(name);
					}
				}
			}
			return names;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read constraints of " + table + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return every index of a table (those backing primary keys and unique constraints included),
	 * by name as stored, with its columns in order.
	 * @param connection the connection
	 * @param table the table name in any case
	 * @return the indexes
	 */
	public static Map<String, Index> indexes(Connection connection, String table) {
		Map<String, Index> indexes = new LinkedHashMap<>();
		Optional<String> stored = storedTableName(connection, table);
		if (stored.isEmpty()) {
			return indexes;
		}
		Map<String, Map<Integer, String>> columns = new LinkedHashMap<>();
		Map<String, Boolean> unique = new LinkedHashMap<>();
		try (ResultSet rows = connection.getMetaData()
			.getIndexInfo(catalog(connection), schema(connection), stored.get(), false, false)) {
			while (rows.next()) {
				String name = rows.getString("INDEX_NAME");
				if (name != null) {
					columns.computeIfAbsent(name, (key) -> new java.util.TreeMap<>())
						.put(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
					unique.put(name, !rows.getBoolean("NON_UNIQUE"));
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read indexes of " + table + ": " + ex.getMessage(), ex);
		}
		columns.forEach((name, cols) -> indexes.put(name, new Index(name, List.copyOf(cols.values()), unique.get(name))));
		return indexes;
	}

	/**
	 * Return what JDBC metadata says about a column.
	 * @param connection the connection
	 * @param table the table name in any case
	 * @param column the column name in any case
	 * @return the column, or empty when there is no such column
	 */
	public static Optional<Column> column(Connection connection, String table, String column) {
		Optional<String> stored = storedTableName(connection, table);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		try (ResultSet columns = connection.getMetaData()
			.getColumns(catalog(connection), schemaPattern(connection), escape(connection, stored.get()), "%")) {
			while (columns.next()) {
				if (columns.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
					return Optional.of(new Column(columns.getString("COLUMN_NAME"), columns.getInt("DATA_TYPE"),
							columns.getString("TYPE_NAME"), "YES".equals(columns.getString("IS_NULLABLE")), columns.getString("COLUMN_DEF"),
							columns.getString("REMARKS")));
				}
			}
			return Optional.empty();
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read column " + table + "." + column + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return whether a constraint name is one PostgreSQL gives the {@code NOT NULL} constraints it
	 * lists among the check constraints.
	 * @param name the constraint name
	 * @return {@code true} for a {@code NOT NULL} constraint
	 */
	static boolean isNotNullConstraint(String name) {
		return NOT_NULL.matcher(name).matches();
	}

	/**
	 * Return the names quoted with backticks in a MariaDB check clause: the columns it involves.
	 * @param clause the clause
	 * @return the names, unquoted, in order
	 */
	static Set<String> backtickedNames(String clause) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = BACKTICKED.matcher(clause);
		while (matcher.find()) {
			names.add(matcher.group(1).replace("``", "`"));
		}
		return names;
	}

	private static Vendor vendor(Connection connection) {
		try {
			return Vendor.from(connection.getMetaData());
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database metadata: " + ex.getMessage(), ex);
		}
	}

	/**
	 * An index as JDBC metadata describes it.
	 *
	 * @param name the name as stored
	 * @param columns the column names in index order
	 * @param unique whether the index is unique
	 */
	public record Index(String name, List<String> columns, boolean unique) {
	}

	/**
	 * A column as JDBC metadata describes it.
	 *
	 * @param name the name as stored
	 * @param jdbcType the JDBC type ({@link java.sql.Types})
	 * @param typeName the database type name
	 * @param nullable whether it accepts NULL
	 * @param defaultValue the default expression, or {@code null}
	 * @param comment the comment, or {@code null}
	 */
	public record Column(String name, int jdbcType, String typeName, boolean nullable, @Nullable String defaultValue,
			@Nullable String comment) {
	}

	/**
	 * Return the schema (or, on databases without schemas, the catalog) that holds the
	 * connection's tables.
	 * @param connection the connection
	 * @return the schema or database name
	 */
	public static String namespace(Connection connection) {
		try {
			String schema = connection.getSchema();
			if (schema != null) {
				return schema;
			}
			String catalog = connection.getCatalog();
			if (catalog != null) {
				return catalog;
			}
			if (SqliteIntrospection.isSqlite(connection)) {
				return "main";
			}
			throw new MigrationException("The connection has neither a current schema nor a current catalog");
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the current schema: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable String catalog(Connection connection) throws SQLException {
		return connection.getCatalog();
	}

	private static @Nullable String schema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	private static @Nullable String schemaPattern(Connection connection) throws SQLException {
		String schema = connection.getSchema();
		return (schema != null) ? escape(connection, schema) : null;
	}

	private static String escape(Connection connection, String name) throws SQLException {
		String escape = connection.getMetaData().getSearchStringEscape();
		if (escape == null || escape.isEmpty()) {
			return name;
		}
		return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
	}

}
