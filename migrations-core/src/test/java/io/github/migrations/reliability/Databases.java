package io.github.migrations.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.migrations.schema.Introspector;

/**
 * What the reliability tests read back from a database (the history, the tables) and run on it by
 * hand.
 */
final class Databases {

	private Databases() {
	}

	/**
	 * Return the names of the recorded migrations, in the order they were recorded.
	 * @param dataSource the database
	 * @return the names
	 */
	static List<String> history(DataSource dataSource) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name FROM migrations_history ORDER BY id")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	/**
	 * Return the table names, in lower case.
	 * @param dataSource the database
	 * @return the names
	 */
	static List<String> tables(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return Introspector.tableNames(connection).stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
		}
	}

	/**
	 * Run statements by hand, in order, as an operator following a refusal's advice would.
	 * @param dataSource the database
	 * @param statements the statements
	 */
	static void execute(DataSource dataSource, List<String> statements) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * Return the single number a query returns.
	 * @param dataSource the database
	 * @param sql the query
	 * @return the number
	 */
	static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
