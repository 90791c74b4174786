package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.MigrationException;

/**
 * What {@link Introspector} reads on SQLite, which has no {@code information_schema}: named
 * table constraints are parsed from the table's {@code CREATE TABLE} statement in
 * {@code sqlite_master} (as Django's SQLite introspection does), unique columns come from
 * {@code PRAGMA index_list} and {@code PRAGMA index_info}.
 */
final class SqliteIntrospection {

	private static final Pattern NAMED = Pattern.compile(
			"CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^]]+]|\\w+)\\s+(UNIQUE|CHECK|FOREIGN\\s+KEY|PRIMARY\\s+KEY)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")+)\"");

	private SqliteIntrospection() {
	}

	static boolean isSqlite(Connection connection) {
		try {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database metadata: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the named constraints of one kind in a table's definition.
	 * @param connection the connection
	 * @param table the table in any case
	 * @param type {@code UNIQUE}, {@code CHECK}, {@code FOREIGN KEY} or {@code PRIMARY KEY}
	 * @return the names, with what their parentheses hold (the condition of a check, the columns
	 * of a unique constraint)
	 */
	static Map<String, String> constraints(Connection connection, String table, String type) {
		String sql = tableSql(connection, table);
		Map<String, String> names = new LinkedHashMap<>();
		Matcher matcher = NAMED.matcher(sql);
		while (matcher.find()) {
			String kind = matcher.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
			if (kind.equals(type.toUpperCase(Locale.ROOT))) {
				names.put(unquote(matcher.group(1)), parenthesized(sql, matcher.end()));
			}
		}
		return names;
	}

	/**
	 * Return the named check constraints that name exactly one column, that one.
	 * @param connection the connection
	 * @param table the table in any case
	 * @param column the column in any case
	 * @return the names
	 */
	static Set<String> checkNames(Connection connection, String table, String column) {
		Set<String> names = new LinkedHashSet<>();
		constraints(connection, table, "CHECK").forEach((name, condition) -> {
			if (quotedNames(condition).equals(Set.of(column.toLowerCase(Locale.ROOT)))) {
				names.add(name);
			}
		});
		return names;
	}

	/**
	 * Return the unique indexes (of unique constraints and {@code CREATE UNIQUE INDEX}) on exactly
	 * one column.
	 * @param connection the connection
	 * @param table the table in any case
	 * @param column the column in any case
	 * @return the index names
	 */
	static Set<String> uniqueIndexNames(Connection connection, String table, String column) {
		Set<String> names = new LinkedHashSet<>();
		List<String> unique = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("PRAGMA index_list(" + quote(table) + ")")) {
			while (rows.next()) {
				if (rows.getInt("unique") == 1 && !"pk".equals(rows.getString("origin"))) {
					unique.add(rows.getString("name"));
				}
			}
			for (String index : unique) {
				List<String> columns = new ArrayList<>();
				try (ResultSet info = statement.executeQuery("PRAGMA index_info(" + quote(index) + ")")) {
					while (info.next()) {
						columns.add(info.getString("name"));
					}
				}
				if (columns.size() == 1 && columns.get(0).equalsIgnoreCase(column)) {
					names.add(index);
				}
			}
			return names;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the indexes of " + table + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the double-quoted names in a piece of SQL, in lower case.
	 * @param sql the SQL, for example a check's condition
	 * @return the names in order
	 */
	static Set<String> quotedNames(String sql) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = QUOTED.matcher(sql);
		while (matcher.find()) {
			names.add(matcher.group(1).replace("\"\"", "\"").toLowerCase(Locale.ROOT));
		}
		return names;
	}

	static String tableSql(Connection connection, String table) {
		String sql = "SELECT sql FROM sqlite_master WHERE type = 'table' AND lower(name) = ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, table.toLowerCase(Locale.ROOT));
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : "";
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the definition of " + table + ": " + ex.getMessage(), ex);
		}
	}

	static String parenthesized(String sql, int from) {
		int start = sql.indexOf('(', from);
		int depth = 0;
		for (int i = start; i >= 0 && i < sql.length(); i++) {
			char c = sql.charAt(i);
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			if (depth == 0) {
				return sql.substring(start + 1, i);
			}
		}
		return "";
	}

	static String unquote(String name) {
		char first = name.charAt(0);
		if (first == '"') {
			return name.substring(1, name.length() - 1).replace("\"\"", "\"");
		}
		return (first == '`' || first == '[') ? name.substring(1, name.length() - 1) : name;
	}

	static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
