package io.github.migrations.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that records the SQL run through plain {@link Statement}s (how schema
 * editors run DDL), so a test can compare what ran with what was planned. Prepared statements
 * (history rows, introspection, locks) are recorded only by {@link #everything}, for tests that
 * check that no text from outside reaches any SQL.
 */
public final class StatementRecordingDataSource implements DataSource {

	private final DataSource target;

	private final boolean prepared;

	private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

	public StatementRecordingDataSource(DataSource target) {
		this(target, false);
	}

	private StatementRecordingDataSource(DataSource target, boolean prepared) {
		this.target = target;
		this.prepared = prepared;
	}

	/**
	 * Return a data source that also records the SQL text of prepared and callable statements
	 * (not their bound values).
	 * @param target the data source to record
	 * @return the recording data source
	 */
	public static StatementRecordingDataSource everything(DataSource target) {
		return new StatementRecordingDataSource(target, true);
	}

	/**
	 * Return the statements run so far and forget them.
	 * @return the statements in the order they ran
	 */
	public List<String> drain() {
		synchronized (this.executed) {
			List<String> copy = List.copyOf(this.executed);
			this.executed.clear();
			return copy;
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(this.target.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(this.target.getConnection(username, password));
	}

	private Connection wrap(Connection connection) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object result = invoke(connection, method, args);
			if (method.getName().equals("createStatement")) {
				return recording((Statement) result);
			}
			if (this.prepared && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))) {
				this.executed.add((String) args[0]);
			}
			return result;
		};
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				handler);
	}

	private Statement recording(Statement statement) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().startsWith("execute") && args != null && args.length > 0
					&& args[0] instanceof String sql) {
				this.executed.add(sql);
			}
			return invoke(statement, method, args);
		};
		return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Statement.class },
				handler);
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return this.target.isWrapperFor(type);
	}

}
