package io.github.migrations.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that hands out another one's connections, each passed through
 * {@link #wrap(Connection)} (a proxy that records or holds back what runs on it), with the
 * helpers such proxies need. The base of the test data sources that watch the engine's JDBC
 * work, here and in the benchmarks.
 */
public abstract class ConnectionWrappingDataSource implements DataSource {

	private final DataSource target;

	/**
	 * Wrap a data source.
	 * @param target the real data source
	 */
	protected ConnectionWrappingDataSource(DataSource target) {
		this.target = target;
	}

	/**
	 * Return what stands for a connection of the real data source.
	 * @param connection the real connection
	 * @return the connection handed out
	 */
	protected abstract Connection wrap(Connection connection);

	/**
	 * Return a proxy of a JDBC interface whose calls go to a handler.
	 * @param <T> the interface
	 * @param type the interface
	 * @param handler what runs for each call
	 * @return the proxy
	 */
	public static <T> T proxy(Class<T> type, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.handle(method, args);
		return type.cast(Proxy.newProxyInstance(ConnectionWrappingDataSource.class.getClassLoader(),
				new Class<?>[] { type }, invocation));
	}

	/**
	 * Return a proxy of a statement that hands the SQL text of each {@code execute…(String…)}
	 * call to an observer before the statement runs it.
	 * @param statement the real statement
	 * @param observer what sees the SQL text
	 * @return the proxy
	 */
	public static Statement observing(Statement statement, SqlObserver observer) {
		return proxy(Statement.class, (method, args) -> {
			if (method.getName().startsWith("execute") && args != null && args.length > 0
					&& args[0] instanceof String sql) {
				observer.beforeExecute(sql);
			}
			return invoke(statement, method, args);
		});
	}

	/**
	 * Call a method on its real target, throwing what the method threw.
	 * @param target the real object
	 * @param method the method
	 * @param args the arguments
	 * @return what the method returned
	 * @throws Throwable what the method threw
	 */
	public static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
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

	/**
	 * What sees the SQL text a statement is about to run.
	 */
	@FunctionalInterface
	public interface SqlObserver {

		/**
		 * See a statement before it runs.
		 * @param sql the SQL text
		 * @throws SQLException to fail the call
		 */
		void beforeExecute(String sql) throws SQLException;

	}

	/**
	 * What a proxy does for each call.
	 */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Handle a call.
		 * @param method the method called
		 * @param args its arguments ({@code null} when it has none)
		 * @return the result
		 * @throws Throwable what the call throws
		 */
		Object handle(Method method, Object[] args) throws Throwable;

	}

}
