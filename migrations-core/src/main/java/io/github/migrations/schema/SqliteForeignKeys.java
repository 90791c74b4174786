package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.migrations.MigrationException;

/**
 * SQLite's foreign key enforcement around schema changes, as Django's SQLite backend handles it:
 * {@code PRAGMA foreign_keys} is turned off while tables are remade (dropping a table that rows
 * refer to would fail otherwise) and on again afterwards, once {@code PRAGMA foreign_key_check}
 * has found no row that refers to nothing. The pragma cannot change inside a transaction, so it is
 * turned off before one begins. These statements run directly: they are not part of the
 * migration's SQL, as in Django's {@code sqlmigrate}.
 */
final class SqliteForeignKeys {

	private SqliteForeignKeys() {
	}

	/**
	 * Return whether the connection enforces foreign keys.
	 * @param connection the connection
	 * @return {@code true} when {@code PRAGMA foreign_keys} is on
	 */
	static boolean enabled(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
			return rows.next() && rows.getInt(1) == 1;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read PRAGMA foreign_keys: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Turn enforcement on or off (a no-op inside a transaction, as SQLite ignores it there).
	 * @param connection the connection
	 * @param on whether to enforce foreign keys
	 */
	static void set(Connection connection, boolean on) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not set PRAGMA foreign_keys: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Run work that remakes tables with enforcement off: in auto-commit mode it is turned off and
	 * on again around the work, then checked; inside a transaction it must be off already (the
	 * executor turns it off before the migration's transaction, as Django's schema editor does).
	 * @param editor the editor doing the work
	 * @param work the statements
	 * @throws MigrationException inside a transaction with enforcement on, or when rows refer to
	 * nothing afterwards
	 */
	static void whileOff(BaseSchemaEditor editor, Runnable work) {
		Connection connection = editor.connection();
		if (editor.isCollectOnly() || !enabled(connection)) {
			work.run();
			return;
		}
		try {
			if (!connection.getAutoCommit()) {
				throw new MigrationException("SQLite schema editor cannot be used while foreign key constraint checks"
						+ " are enabled. Make sure to disable them (PRAGMA foreign_keys = OFF) before beginning the"
						+ " transaction, because SQLite does not support disabling them in the middle of a"
						+ " multi-statement transaction.");
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the transaction mode: " + ex.getMessage(), ex);
		}
		set(connection, false);
		try {
			work.run();
			check(connection);
		}
		finally {
			set(connection, true);
		}
	}

	/**
	 * Fail when a row refers to a row that does not exist ({@code PRAGMA foreign_key_check}),
	 * with Django's message naming the row, the column, the value and the referenced column.
	 * @param connection the connection
	 * @throws MigrationException on the first such row
	 */
	static void check(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet violations = statement.executeQuery("PRAGMA foreign_key_check")) {
			if (!violations.next()) {
				return;
			}
			String table = violations.getString(1);
			long rowid = violations.getLong(2);
			String referenced = violations.getString(3);
			int index = violations.getInt(4);
			String[] columns = foreignKey(connection, table, index);
			throw new MigrationException("The row in table '" + table + "' with primary key '" + rowid
					+ "' has an invalid foreign key: " + table + "." + columns[0] + " contains a value '"
					+ value(connection, table, columns[0], rowid) + "' that does not have a corresponding value in "
					+ referenced + "." + columns[1] + ".");
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not check the foreign keys: " + ex.getMessage(), ex);
		}
	}

	private static String[] foreignKey(Connection connection, String table, int index) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet keys = statement.executeQuery("PRAGMA foreign_key_list(" + quote(table) + ")")) {
			while (keys.next()) {
				if (keys.getInt("id") == index) {
					return new String[] { keys.getString("from"), keys.getString("to") };
				}
			}
		}
		return new String[] { "?", "?" };
	}

	private static String value(Connection connection, String table, String column, long rowid) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + quote(column) + " FROM " + quote(table) + " WHERE rowid = ?")) {
			statement.setLong(1, rowid);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : "?";
			}
		}
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
