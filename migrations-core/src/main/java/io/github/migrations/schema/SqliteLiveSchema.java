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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What {@link LiveSchema} reads on SQLite, which has no {@code information_schema}: columns and
 * the primary key from {@code PRAGMA table_info}, indexes from {@code PRAGMA index_list} and
 * {@code PRAGMA index_info} (a unique constraint's automatic index named after the constraint of
 * the {@code CREATE TABLE} statement), foreign keys from {@code PRAGMA foreign_key_list}, and
 * check constraints from the {@code CREATE TABLE} statement in {@code sqlite_master}: named ones by
 * their name, a column's own {@code CHECK} by that column. SQLite's own tables
 * ({@code sqlite_sequence}) are left out.
 */
final class SqliteLiveSchema {

	private static final Pattern COLUMN_CHECK = Pattern.compile("\\bCHECK\\s*\\(", Pattern.CASE_INSENSITIVE);

	private static final Pattern WHERE = Pattern.compile("^\\s*WHERE\\s", Pattern.CASE_INSENSITIVE);

	private static final Pattern TABLE_CONSTRAINT = Pattern.compile(
			"^(CONSTRAINT|UNIQUE|CHECK|PRIMARY\\s+KEY|FOREIGN\\s+KEY)\\b", Pattern.CASE_INSENSITIVE);

	private SqliteLiveSchema() {
	}

	static LiveSchema read(Connection connection) throws SQLException {
		Map<String, LiveSchema.Table> tables = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			for (String name : Introspector.tableNames(connection)) {
				if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
					continue;
				}
				List<LiveSchema.Column> columns = new ArrayList<>();
				Map<Integer, String> primaryKey = new TreeMap<>();
				try (ResultSet rows = statement
					.executeQuery("PRAGMA table_info(" + SqliteIntrospection.quote(name) + ")")) {
					while (rows.next()) {
						String column = rows.getString("name");
						columns.add(new LiveSchema.Column(column, rows.getString("type"), rows.getInt("notnull") == 0,
								rows.getString("dflt_value"), null));
						if (rows.getInt("pk") > 0) {
							primaryKey.put(rows.getInt("pk"), column);
						}
					}
				}
				if (primaryKey.size() == 1) {
					rowidAlias(columns, primaryKey.values().iterator().next());
				}
				String sql = SqliteIntrospection.tableSql(connection, name);
				tables.put(name, new LiveSchema.Table(name, columns, List.copyOf(primaryKey.values()),
						indexes(connection, statement, name), foreignKeys(statement, name), checks(connection, name, sql)));
			}
		}
		return new LiveSchema(Vendor.SQLITE, tables);
	}

	/**
	 * An {@code INTEGER PRIMARY KEY} column is the table's rowid: it never holds NULL (a NULL
	 * inserted becomes the next rowid), although {@code PRAGMA table_info} says it accepts NULL
	 * unless declared {@code NOT NULL}.
	 */
	private static void rowidAlias(List<LiveSchema.Column> columns, String key) {
		for (int i = 0; i < columns.size(); i++) {
			LiveSchema.Column column = columns.get(i);
			if (column.name().equals(key) && column.type().equalsIgnoreCase("integer") && column.nullable()) {
				columns.set(i, new LiveSchema.Column(column.name(), column.type(), false, column.defaultValue(),
						column.comment()));
			}
		}
	}

	private static List<LiveSchema.Index> indexes(Connection connection, Statement statement, String table)
			throws SQLException {
		Map<String, Boolean> unique = new LinkedHashMap<>();
		Map<String, String> origin = new LinkedHashMap<>();
		try (ResultSet rows = statement.executeQuery("PRAGMA index_list(" + SqliteIntrospection.quote(table) + ")")) {
			while (rows.next()) {
				unique.put(rows.getString("name"), rows.getInt("unique") == 1);
				origin.put(rows.getString("name"), rows.getString("origin"));
			}
		}
		Map<String, String> constraintsByColumns = new LinkedHashMap<>();
		SqliteIntrospection.constraints(connection, table, "UNIQUE")
			.forEach((name, columns) -> constraintsByColumns.put(
					String.join(",", SqliteIntrospection.quotedNames(columns)), name));
		List<LiveSchema.Index> indexes = new ArrayList<>();
		for (Map.Entry<String, Boolean> entry : unique.entrySet()) {
			if ("pk".equals(origin.get(entry.getKey()))) {
				continue;
			}
			List<String> columns = new ArrayList<>();
			try (ResultSet rows = statement
				.executeQuery("PRAGMA index_info(" + SqliteIntrospection.quote(entry.getKey()) + ")")) {
				while (rows.next()) {
					columns.add(rows.getString("name"));
				}
			}
			String name = entry.getKey();
			if ("u".equals(origin.get(name))) {
				String key = String.join(",", columns.stream().map((c) -> c.toLowerCase(Locale.ROOT)).toList());
				name = constraintsByColumns.getOrDefault(key, name);
			}
			indexes.add(new LiveSchema.Index(name, List.copyOf(columns), entry.getValue(),
					"c".equals(origin.get(entry.getKey())) ? condition(connection, entry.getKey()) : null));
		}
		return indexes;
	}

	/**
	 * Return the condition of a {@code CREATE INDEX … WHERE …} statement, or {@code null}.
	 */
	private static @Nullable String condition(Connection connection, String index) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")) {
			statement.setString(1, index);
			try (ResultSet rows = statement.executeQuery()) {
				String sql = rows.next() ? rows.getString(1) : null;
				if (sql == null) {
					return null;
				}
				int on = sql.indexOf('(');
				String rest = (on < 0) ? "" : sql.substring(on + SqliteIntrospection.parenthesized(sql, on).length() + 2);
				Matcher where = WHERE.matcher(rest);
				return where.find() ? rest.substring(where.end()).trim() : null;
			}
		}
	}

	private static List<LiveSchema.ForeignKey> foreignKeys(Statement statement, String table) throws SQLException {
		List<LiveSchema.ForeignKey> keys = new ArrayList<>();
		try (ResultSet rows = statement
			.executeQuery("PRAGMA foreign_key_list(" + SqliteIntrospection.quote(table) + ")")) {
			while (rows.next()) {
				String column = rows.getString("from");
				// SQLite keeps no name for a key declared in the column
				keys.add(new LiveSchema.ForeignKey("REFERENCES of " + column, column, rows.getString("table"),
						rows.getString("to"), rows.getString("on_delete").toUpperCase(Locale.ROOT)));
			}
		}
		return keys;
	}

	private static List<LiveSchema.Check> checks(Connection connection, String table, String sql) {
		List<LiveSchema.Check> checks = new ArrayList<>();
		SqliteIntrospection.constraints(connection, table, "CHECK")
			.forEach((name, condition) -> checks.add(new LiveSchema.Check(name, quotedNames(condition), condition)));
		int open = sql.indexOf('(');
		if (open < 0) {
			return checks;
		}
		for (String definition : topLevelParts(SqliteIntrospection.parenthesized(sql, open))) {
			boolean tableConstraint = TABLE_CONSTRAINT.matcher(definition).find();
			if (tableConstraint && !definition.regionMatches(true, 0, "CHECK", 0, 5)) {
				continue;
			}
			Matcher check = COLUMN_CHECK.matcher(definition);
			while (check.find()) {
				String condition = SqliteIntrospection.parenthesized(definition, check.end() - 1);
				Set<String> columns = tableConstraint ? quotedNames(condition)
						: Set.of(SqliteIntrospection.unquote(definition.split("\\s+", 2)[0]));
				checks.add(new LiveSchema.Check("CHECK (" + condition + ")", columns, condition));
			}
		}
		return checks;
	}

	private static Set<String> quotedNames(String condition) {
		return new LinkedHashSet<>(SqliteIntrospection.quotedNames(condition));
	}

	/**
	 * Split the body of a {@code CREATE TABLE} statement at the commas outside parentheses and
	 * quotes.
	 */
	private static List<String> topLevelParts(String body) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		char quote = 0;
		int start = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (quote != 0) {
				quote = (c == quote) ? 0 : quote;
			}
			else if (c == '"' || c == '\'' || c == '`') {
				quote = c;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(body.substring(start, i).trim());
				start = i + 1;
			}
		}
		parts.add(body.substring(start).trim());
		return parts;
	}

}
