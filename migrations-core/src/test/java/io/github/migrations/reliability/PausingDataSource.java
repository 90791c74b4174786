package io.github.migrations.reliability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * A test hook: a {@link DataSource} whose statements run as usual, except that the first
 * statement whose SQL contains a given fragment (ignoring case) first runs a hook (print and
 * sleep, wait for a latch); the hook gets the real statement, whose connection it may use. It
 * opens the window in which a test kills the process or the connection between two statements of
 * a migration.
 */
final class PausingDataSource {

	private final String fragment;

	private final Consumer<Statement> hook;

	private final AtomicBoolean fired = new AtomicBoolean();

	private PausingDataSource(String fragment, Consumer<Statement> hook) {
		this.fragment = fragment.toLowerCase(Locale.ROOT);
		this.hook = hook;
	}

	/**
	 * Wrap a data source.
	 * @param target the real data source
	 * @param fragment the text that marks the statement to hold back
	 * @param hook what to run before that statement, once
	 * @return the wrapping data source
	 */
	static DataSource wrap(DataSource target, String fragment, Consumer<Statement> hook) {
		PausingDataSource pausing = new PausingDataSource(fragment, hook);
		return proxy(DataSource.class, target, (result, method) -> (result instanceof Connection connection)
				? proxy(Connection.class, connection, pausing::statements, null) : result, null);
	}

	private Object statements(Object result, Method method) {
		return (result instanceof Statement statement && method.getName().equals("createStatement"))
				? proxy(Statement.class, statement, (value, called) -> value, this::pause) : result;
	}

	private void pause(Statement statement, Method method, Object[] args) {
		if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql
				&& sql.toLowerCase(Locale.ROOT).contains(this.fragment) && this.fired.compareAndSet(false, true)) {
			this.hook.accept(statement);
		}
	}

	private static <T> T proxy(Class<T> type, T target, Wrapper wrapper, Before<T> before) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (before != null) {
				before.run(target, method, args);
			}
			try {
				return wrapper.wrap(method.invoke(target, args), method);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return type.cast(Proxy.newProxyInstance(PausingDataSource.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

	@FunctionalInterface
	private interface Wrapper {

		Object wrap(Object result, Method method);

	}

	@FunctionalInterface
	private interface Before<T> {

		void run(T target, Method method, Object[] args);

	}

}
