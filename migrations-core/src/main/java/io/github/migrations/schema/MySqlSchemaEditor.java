package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.MigrationException;
import io.github.migrations.state.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * Schema editor for MySQL 8.0.16 and later: the MariaDB editor (Django's {@code mysql/schema.py}
 * serves both) with what Django does differently when {@code mysql_is_mariadb} is false.
 * <ul>
 * <li>UUIDs are {@code char(32)}, written as 32 hexadecimal digits without dashes (MariaDB 10.7+
 * has a {@code uuid} type).</li>
 * <li>Defaults of text, blob and JSON columns are written as expressions in parentheses,
 * {@code DEFAULT ('…')} (Django's {@code _column_default_sql}); MySQL accepts no literal default
 * there. JSON is MySQL's own {@code json} type, which checks documents by itself.</li>
 * <li>Column checks (the {@code >= 0} of positive integers) are table constraints MySQL names
 * {@code <table>_chk_<n>}: a {@code MODIFY} does not restate them (it would add a second one),
 * they are dropped with {@code DROP CHECK}, and, since MySQL refuses to rename a column a check
 * uses, dropped before a rename and added again after it under Django's {@code _check} name.</li>
 * <li>MySQL takes no {@code ALTER COLUMN … SET DEFAULT} on a text, blob or JSON column: a one-off
 * default never becomes their column default (Django's {@code skip_default_on_alter}); rows are
 * filled by an {@code UPDATE} after the column is added or before it becomes NOT NULL; their
 * database default is changed by a {@code MODIFY} restating the column.</li>
 * </ul>
 * Older servers are refused: MySQL enforces check constraints from 8.0.16, and accepts expression
 * defaults from 8.0.13.
 *
 * @since 0.1
 */
public class MySqlSchemaEditor extends MariaDbSchemaEditor {

	/** The oldest MySQL version the editor accepts, as major, minor, patch. */
	private static final int[] MINIMUM_VERSION = { 8, 0, 16 };

	private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

	/**
	 * Create an editor.
	 * @param connection the connection to a MySQL 8.0.16+ database
	 * @param collectOnly whether statements are only collected, never executed
	 * @throws MigrationException for an older MySQL server
	 */
	public MySqlSchemaEditor(Connection connection, boolean collectOnly) {
		super(connection, collectOnly, Map.of(FieldType.UUIDField.class, "char(32)"));
		try {
			requireSupportedVersion(connection.getMetaData().getDatabaseProductVersion());
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database metadata: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Refuse a MySQL server older than 8.0.16.
	 * @param version the server version as the driver reports it, such as {@code 8.4.3} or
	 * {@code 8.0.36-0ubuntu0.22.04.1}
	 * @throws MigrationException for an older or unreadable version
	 */
	static void requireSupportedVersion(String version) {
		Matcher matcher = VERSION.matcher(version.trim());
		if (!matcher.find()) {
			throw new MigrationException("Could not read the MySQL server version '" + version
					+ "'; MySQL 8.0.16 or later is required.");
		}
		for (int i = 0; i < MINIMUM_VERSION.length; i++) {
			int part = Integer.parseInt(matcher.group(i + 1));
			if (part != MINIMUM_VERSION[i]) {
				if (part < MINIMUM_VERSION[i]) {
					throw new MigrationException("MySQL " + version
							+ " is not supported: MySQL 8.0.16 or later is required (it enforces check constraints"
							+ " and accepts expression defaults). Upgrade the server, for example to MySQL 8.4 LTS.");
				}
				return;
			}
		}
	}

	@Override
	public Vendor vendor() {
		return Vendor.MYSQL;
	}

	@Override
	protected String uuidLiteral(UUID uuid) {
		return "'" + uuid.toString().replace("-", "") + "'";
	}

	@Override
	protected String columnDefaultSql(String type, String literal) {
		return isLimitedType(type) ? "(" + literal + ")" : literal;
	}

	@Override
	protected boolean skipDefaultOnAlter(String type) {
		return isLimitedType(type);
	}

	@Override
	protected boolean checksRestatedByModify() {
		return false;
	}

	@Override
	protected boolean columnChecksFollowRenames() {
		return false;
	}

	@Override
	protected String sqlDeleteCheck(String table, String name) {
		return "ALTER TABLE " + table + " DROP CHECK " + name;
	}

	@Override
	protected String sqlAlterColumnDefault(String column, String type, @Nullable String defaultSql,
			String definition) {
		if (isLimitedType(type)) {
			return "MODIFY " + column + " " + definition;
		}
		return super.sqlAlterColumnDefault(column, type, defaultSql, definition);
	}

}
