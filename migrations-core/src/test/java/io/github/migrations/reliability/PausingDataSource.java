package io.github.migrations.reliability;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.migrations.testsupport.ConnectionWrappingDataSource;

/**
 * A test hook: a {@link DataSource} whose statements run as usual, except that the first
 * statement whose SQL contains a given fragment (ignoring case) first runs a hook (print and
 * sleep, wait for a latch); the hook gets the real statement, whose connection it may use. It
 * opens the window in which a test kills the process or the connection between two statements of
 * a migration.
 */
final class PausingDataSource extends ConnectionWrappingDataSource {

	private final String fragment;

	private final Consumer<Statement> hook;

	private final AtomicBoolean fired = new AtomicBoolean();

	private PausingDataSource(DataSource target, String fragment, Consumer<Statement> hook) {
		super(target);
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
		return new PausingDataSource(target, fragment, hook);
	}

	@Override
	protected Connection wrap(Connection connection) {
		return proxy(Connection.class, (method, args) -> {
			Object result = invoke(connection, method, args);
			return (result instanceof Statement statement && method.getName().equals("createStatement"))
					? observing(statement, (sql) -> pause(statement, sql)) : result;
		});
	}

	private void pause(Statement statement, String sql) {
		if (sql.toLowerCase(Locale.ROOT).contains(this.fragment) && this.fired.compareAndSet(false, true)) {
			this.hook.accept(statement);
		}
	}

}
