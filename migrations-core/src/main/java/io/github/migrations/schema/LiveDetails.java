package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@link LiveSchema} reads besides JDBC metadata on PostgreSQL, MariaDB, MySQL and H2: check
 * constraints with their expressions, the conditions of partial indexes (PostgreSQL), and the
 * {@code ON DELETE} rule of foreign keys in words.
 */
final class LiveDetails {

	private static final String POSTGRESQL_CHECKS = "SELECT cl.relname, co.conname, pg_get_constraintdef(co.oid),"
			+ " (SELECT string_agg(a.attname, ',') FROM pg_attribute a WHERE a.attrelid = co.conrelid"
			+ " AND a.attnum = ANY (co.conkey)) FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid"
			+ " JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE co.contype = 'c' AND n.nspname = ?";

	private static final String MARIADB_CHECKS = "SELECT table_name, constraint_name, check_clause"
			+ " FROM information_schema.check_constraints WHERE constraint_schema = ?";

	private static final String MYSQL_CHECKS = "SELECT tc.table_name, cc.constraint_name, cc.check_clause"
			+ " FROM information_schema.check_constraints cc JOIN information_schema.table_constraints tc"
			+ " ON tc.constraint_schema = cc.constraint_schema AND tc.constraint_name = cc.constraint_name"
			+ " WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = ?";

	private static final String H2_CHECKS = "SELECT tc.table_name, tc.constraint_name, cc.check_clause,"
			+ " ccu.column_name FROM information_schema.table_constraints tc"
			+ " LEFT JOIN information_schema.check_constraints cc"
			+ " ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name"
			+ " LEFT JOIN information_schema.constraint_column_usage ccu"
			+ " ON ccu.constraint_schema = tc.constraint_schema AND ccu.constraint_name = tc.constraint_name"
			+ " WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = ?";

	private static final String POSTGRESQL_CONDITIONS = "SELECT ic.relname, pg_get_expr(i.indpred, i.indrelid)"
			+ " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
			+ " JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE i.indpred IS NOT NULL AND n.nspname = ?";

	private LiveDetails() {
	}

	/**
	 * Return the check constraints of every table of the current schema, keyed by lower-case
	 * table name, then by constraint name ({@code NOT NULL} constraints excluded).
	 */
	static Map<String, Map<String, LiveSchema.Check>> checks(Connection connection, Vendor vendor)
			throws SQLException {
		boolean mysql = vendor == Vendor.MARIADB || vendor == Vendor.MYSQL;
		String sql = switch (vendor) {
			case POSTGRESQL -> POSTGRESQL_CHECKS;
			case MARIADB -> MARIADB_CHECKS;
			case MYSQL -> MYSQL_CHECKS;
			default -> H2_CHECKS;
		};
		Map<String, Map<String, Set<String>>> columns = new LinkedHashMap<>();
		Map<String, String> expressions = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, Introspector.namespace(connection));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String table = rows.getString(1).toLowerCase(Locale.ROOT);
					String name = rows.getString(2);
					if (Introspector.isNotNullConstraint(name)) {
						continue;
					}
					Set<String> involved = columns.computeIfAbsent(table, (key) -> new LinkedHashMap<>())
						.computeIfAbsent(name, (key) -> new LinkedHashSet<>());
					String expression = rows.getString(3);
					if (expression != null) {
						expressions.put(table + "\u0000" + name, expression(vendor, expression));
					}
					if (mysql) {
						involved.addAll(Introspector.backtickedNames(expression));
					}
					else if (vendor == Vendor.POSTGRESQL) {
						String names = rows.getString(4);
						if (names != null) {
							involved.addAll(java.util.List.of(names.split(",")));
						}
					}
					else if (rows.getString(4) != null) {
						involved.add(rows.getString(4));
					}
				}
			}
		}
		Map<String, Map<String, LiveSchema.Check>> checks = new LinkedHashMap<>();
		columns.forEach((table, byName) -> byName.forEach((name, involved) -> checks
			.computeIfAbsent(table, (key) -> new LinkedHashMap<>())
			.put(name, new LiveSchema.Check(name, Set.copyOf(involved), expressions.get(table + "\u0000" + name)))));
		return checks;
	}

	/**
	 * Return the condition of each partial index of the current schema by index name; empty on
	 * databases without partial indexes.
	 */
	static Map<String, String> indexConditions(Connection connection, Vendor vendor) throws SQLException {
		Map<String, String> conditions = new LinkedHashMap<>();
		if (vendor != Vendor.POSTGRESQL) {
			return conditions;
		}
		try (PreparedStatement statement = connection.prepareStatement(POSTGRESQL_CONDITIONS)) {
			statement.setString(1, Introspector.namespace(connection));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					conditions.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		return conditions;
	}

	/**
	 * Return a JDBC {@code DELETE_RULE} in words.
	 */
	static String rule(short rule) {
		return switch (rule) {
			case DatabaseMetaData.importedKeyCascade -> "CASCADE";
			case DatabaseMetaData.importedKeySetNull -> "SET NULL";
			case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
			case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
			default -> "NO ACTION";
		};
	}

	/**
	 * Return a check's condition without PostgreSQL's {@code CHECK (…)} wrapping and
	 * {@code NOT VALID} suffix.
	 */
	private static String expression(Vendor vendor, String text) {
		if (vendor != Vendor.POSTGRESQL) {
			return text;
		}
		String expression = text.trim();
		if (expression.endsWith(" NOT VALID")) {
			expression = expression.substring(0, expression.length() - " NOT VALID".length());
		}
		if (expression.regionMatches(true, 0, "CHECK ", 0, 6)) {
			expression = expression.substring(6).trim();
		}
		return expression;
	}

}
