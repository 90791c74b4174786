package io.github.migrations.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.benchmarks.CapturingDataSource.SqlGroup;

/**
 * The floor the engine is compared with: the very statements the engine ran, replayed through
 * plain JDBC on one connection, one transaction per group where the engine used one.
 */
public final class PlainJdbcFloor {

	private PlainJdbcFloor() {
	}

	/**
	 * Open one connection and run the statements.
	 * @param dataSource where to run them
	 * @param groups the statements by transaction
	 * @throws SQLException on a database error
	 */
	public static void run(DataSource dataSource, List<SqlGroup> groups) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (SqlGroup group : groups) {
				connection.setAutoCommit(!group.transactional());
				for (String sql : group.statements()) {
					statement.execute(sql);
				}
				if (group.transactional()) {
					connection.commit();
				}
			}
			connection.setAutoCommit(true);
		}
	}

}
