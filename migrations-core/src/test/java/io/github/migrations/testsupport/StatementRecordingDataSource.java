package io.github.migrations.testsupport;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that records the SQL run through plain {@link Statement}s (how schema
 * editors run DDL), so a test can compare what ran with what was planned. Prepared statements
 * (history rows, introspection, locks) are recorded only by {@link #everything}, for tests that
 * check that no text from outside reaches any SQL.
 */
public final class StatementRecordingDataSource extends ConnectionWrappingDataSource {

	private final boolean prepared;

	private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

	public StatementRecordingDataSource(DataSource target) {
		this(target, false);
	}

	private StatementRecordingDataSource(DataSource target, boolean prepared) {
		super(target);
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
	protected Connection wrap(Connection connection) {
		return proxy(Connection.class, (method, args) -> {
			Object result = invoke(connection, method, args);
			if (method.getName().equals("createStatement")) {
				return observing((Statement) result, this.executed::add);
			}
			if (this.prepared && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))) {
				this.executed.add((String) args[0]);
			}
			return result;
		});
	}

}
