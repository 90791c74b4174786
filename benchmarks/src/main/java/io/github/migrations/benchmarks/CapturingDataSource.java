package io.github.migrations.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that records what the engine does through JDBC: every SQL text run through
 * a plain {@link Statement} (the DDL), grouped by transaction as the engine commits them, and
 * counts of connections, prepared-statement executions and metadata queries. Used once, outside
 * the timed runs, to get the exact statements the plain-JDBC floor replays.
 */
public final class CapturingDataSource implements DataSource {

	private final DataSource delegate;

	private final List<SqlGroup> groups = new ArrayList<>();

	private int connections;

	private int preparedExecutions;

	private int metadataQueries;

	/**
	 * Wrap a data source.
	 * @param delegate the real data source
	 */
	public CapturingDataSource(DataSource delegate) {
		this.delegate = delegate;
	}

	/**
	 * Return the statements run through plain statements, by transaction, in order.
	 * @return the groups
	 */
	public synchronized List<SqlGroup> groups() {
		return this.groups.stream().filter((group) -> !group.statements().isEmpty()).toList();
	}

	/**
	 * Return a one-line account of the JDBC work seen.
	 * @return the summary
	 */
	public synchronized String summary() {
		int ddl = groups().stream().mapToInt((group) -> group.statements().size()).sum();
		return this.connections + " connections, " + ddl + " DDL statements in " + groups().size() + " groups, "
				+ this.preparedExecutions + " prepared-statement executions, " + this.metadataQueries
				+ " metadata queries";
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(this.delegate.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(this.delegate.getConnection(username, password));
	}

	private synchronized Connection wrap(Connection connection) {
		this.connections++;
		return proxy(Connection.class, connection, (method, args) -> {
			switch (method.getName()) {
				case "createStatement" -> {
					Statement statement = (Statement) invoke(connection, method, args);
					return proxy(Statement.class, statement, (m, a) -> {
						if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
							record(sql, !connection.getAutoCommit());
						}
						return invoke(statement, m, a);
					});
				}
				case "prepareStatement" -> {
					PreparedStatement statement = (PreparedStatement) invoke(connection, method, args);
					return proxy(PreparedStatement.class, statement, (m, a) -> {
						if (m.getName().startsWith("execute")) {
							count(true);
						}
						return invoke(statement, m, a);
					});
				}
				case "getMetaData" -> {
					DatabaseMetaData metaData = (DatabaseMetaData) invoke(connection, method, args);
					return proxy(DatabaseMetaData.class, metaData, (m, a) -> {
						if (m.getReturnType() == ResultSet.class) {
							count(false);
						}
						return invoke(metaData, m, a);
					});
				}
				case "commit", "setAutoCommit" -> {
					endGroup();
					return invoke(connection, method, args);
				}
				default -> {
					return invoke(connection, method, args);
				}
			}
		});
	}

	private synchronized void record(String sql, boolean transactional) {
		SqlGroup last = this.groups.isEmpty() ? null : this.groups.get(this.groups.size() - 1);
		if (last == null || last.closed() || last.transactional() != transactional) {
			last = new SqlGroup(transactional, new ArrayList<>());
			this.groups.add(last);
		}
		last.statements().add(sql);
	}

	private synchronized void endGroup() {
		if (!this.groups.isEmpty()) {
			SqlGroup last = this.groups.remove(this.groups.size() - 1);
			this.groups.add(last.close());
		}
	}

	private synchronized void count(boolean prepared) {
		if (prepared) {
			this.preparedExecutions++;
		}
		else {
			this.metadataQueries++;
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.handle(method, args);
		return (T) Proxy.newProxyInstance(CapturingDataSource.class.getClassLoader(), new Class<?>[] { type },
				invocation);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@FunctionalInterface
	private interface Handler {

		Object handle(Method method, Object[] args) throws Throwable;

	}

	/**
	 * Statements the engine ran together: in one transaction, or one after another in
	 * auto-commit mode.
	 *
	 * @param transactional whether they ran inside a transaction
	 * @param statements the SQL texts in order
	 * @param closed whether a commit or auto-commit change ended the group
	 */
	public record SqlGroup(boolean transactional, List<String> statements, boolean closed) {

		SqlGroup(boolean transactional, List<String> statements) {
			this(transactional, statements, false);
		}

		SqlGroup close() {
			return new SqlGroup(this.transactional, this.statements, true);
		}

	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return this.delegate.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return this.delegate.isWrapperFor(type);
	}

}
