package io.github.migrations.benchmarks;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.migrations.testsupport.ConnectionWrappingDataSource;

/**
 * A {@link DataSource} that records what the engine does through JDBC: the DDL it runs through
 * plain {@link Statement}s, cut into one group per migration at the {@code INSERT} that records
 * the migration in the history table, and counts of connections, prepared-statement executions
 * and metadata queries. Used once, outside the timed runs, to get the exact statements the
 * plain-JDBC floor, Flyway and Liquibase replay.
 */
public final class CapturingDataSource extends ConnectionWrappingDataSource {

	private final String historyTable;

	private final List<SqlGroup> groups = new ArrayList<>();

	private final List<String> pending = new ArrayList<>();

	private final List<String> historySetup = new ArrayList<>();

	private boolean pendingTransactional;

	private int connections;

	private int preparedExecutions;

	private int metadataQueries;

	/**
	 * Wrap a data source.
	 * @param delegate the real data source
	 * @param historyTable the engine's history table, whose statements are not migration DDL
	 */
	public CapturingDataSource(DataSource delegate, String historyTable) {
		super(delegate);
		this.historyTable = historyTable.toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the DDL of each migration, in the order they ran.
	 * @return the groups
	 */
	public synchronized List<SqlGroup> groups() {
		return List.copyOf(this.groups);
	}

	/**
	 * Return the statements that created the history table (not those of its lock or progress
	 * tables).
	 * @return the statements
	 */
	public synchronized List<String> historySetup() {
		return List.copyOf(this.historySetup);
	}

	/**
	 * Return a one-line account of the JDBC work seen.
	 * @return the summary
	 */
	public synchronized String summary() {
		int ddl = this.groups.stream().mapToInt((group) -> group.statements().size()).sum();
		return this.connections + " connections, " + ddl + " DDL statements in " + this.groups.size()
				+ " migrations, " + this.preparedExecutions + " prepared-statement executions, "
				+ this.metadataQueries + " metadata queries";
	}

	@Override
	protected synchronized Connection wrap(Connection connection) {
		this.connections++;
		return proxy(Connection.class, (method, args) -> {
			switch (method.getName()) {
				case "createStatement" -> {
					return observing((Statement) invoke(connection, method, args),
							(sql) -> statement(sql, !connection.getAutoCommit()));
				}
				case "prepareStatement" -> {
					PreparedStatement statement = (PreparedStatement) invoke(connection, method, args);
					String sql = (String) args[0];
					return proxy(PreparedStatement.class, (m, a) -> {
						if (m.getName().startsWith("execute")) {
							prepared(sql);
						}
						return invoke(statement, m, a);
					});
				}
				case "getMetaData" -> {
					DatabaseMetaData metaData = (DatabaseMetaData) invoke(connection, method, args);
					return proxy(DatabaseMetaData.class, (m, a) -> {
						if (m.getReturnType() == ResultSet.class) {
							metadata();
						}
						return invoke(metaData, m, a);
					});
				}
				default -> {
					return invoke(connection, method, args);
				}
			}
		});
	}

	private synchronized void statement(String sql, boolean transactional) {
		String lower = sql.toLowerCase(Locale.ROOT);
		if (lower.contains(this.historyTable)) {
			if (lower.startsWith("create") && !lower.contains(this.historyTable + "_")) {
				this.historySetup.add(sql);
			}
			return;
		}
		this.pending.add(sql);
		this.pendingTransactional = transactional;
	}

	private synchronized void prepared(String sql) {
		this.preparedExecutions++;
		String lower = sql.toLowerCase(Locale.ROOT);
		boolean records = (lower.startsWith("insert into") || lower.startsWith("delete from"))
				&& lower.contains(this.historyTable) && !lower.contains(this.historyTable + "_lock");
		if (records && !this.pending.isEmpty()) {
			this.groups.add(new SqlGroup(this.pendingTransactional, List.copyOf(this.pending), sql));
			this.pending.clear();
		}
	}

	private synchronized void metadata() {
		this.metadataQueries++;
	}

	/**
	 * The DDL of one migration.
	 *
	 * @param transactional whether it ran inside a transaction
	 * @param statements the SQL texts in order
	 * @param record the prepared statement that recorded the migration in the history table
	 */
	public record SqlGroup(boolean transactional, List<String> statements, String record) {
	}

}
