package io.github.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.LockTimeoutException;
import io.github.migrations.MigrationException;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import org.jspecify.annotations.Nullable;

/**
 * A lock kept as the single row of a lock table ({@code id = 1}, {@code owner},
 * {@code acquired_at}, {@code expires_at} in epoch milliseconds), for databases without session
 * locks. The holder's heartbeat thread extends the expiry every third of the lease; a row whose
 * expiry has passed belongs to a dead process and is taken over.
 *
 * @since 0.1
 */
public final class TableLock implements MigrationLock {

	/** How long a row stays valid without a heartbeat. */
	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

	private static final Pattern OWNER = Pattern.compile("pid (\\d+) on (\\S+) \\(.*\\)");

	private final Connection connection;

	private final BaseSchemaEditor names;

	private final String table;

	private final String owner;

	private final Duration lease;

	private final ScheduledExecutorService heartbeat;

	private boolean released;

	private TableLock(Connection connection, BaseSchemaEditor names, String table, String owner, Duration lease) {
		this.connection = connection;
		this.names = names;
		this.table = table;
		this.owner = owner;
		this.lease = lease;
		this.heartbeat = Executors.newSingleThreadScheduledExecutor(new Heartbeat(null));
		long period = Math.max(lease.toMillis() / 3, 10);
		this.heartbeat.scheduleAtFixedRate(new Heartbeat(this), period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * The heartbeat's thread factory (without a lock) and its beat: a class, not lambdas, so that
	 * {@link io.github.migrations.Preinitialization} can load it ahead of a restart.
	 *
	 * @param lock the lock to renew, or {@code null} for the thread factory
	 */
	private record Heartbeat(@Nullable TableLock lock) implements ThreadFactory, Runnable {

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "migration-lock-heartbeat");
			thread.setDaemon(true);
			return thread;
		}

		@Override
		public void run() {
			TableLock lock = this.lock;
			if (lock != null) {
				lock.beat();
			}
		}

	}

	/**
	 * Acquire the lock row of a table, creating the table if needed.
	 * @param connection a connection dedicated to the lock, in auto-commit mode; closed on
	 * release, or at once when the lock cannot be acquired
	 * @param table the lock table name, unquoted
	 * @param timeout how long to wait for another holder
	 * @param lease how long the row stays valid without a heartbeat
	 * @return the held lock
	 * @throws LockTimeoutException when another process holds the lock past the timeout
	 */
	public static TableLock acquire(Connection connection, String table, Duration timeout, Duration lease) {
		try {
			return poll(connection, table, timeout, lease);
		}
		catch (RuntimeException ex) {
			MigrationLocks.closeQuietly(connection);
			throw ex;
		}
	}

	private static TableLock poll(Connection connection, String table, Duration timeout, Duration lease) {
		BaseSchemaEditor names = SchemaEditors.create(connection, false);
		ensureTable(connection, table);
		String owner = MigrationLocks.describeSelf();
		String quoted = names.quoteName(table);
		String insert = "INSERT INTO " + quoted + " (" + names.quoteName("id") + ", " + names.quoteName("owner") + ", "
				+ names.quoteName("acquired_at") + ", " + names.quoteName("expires_at") + ") VALUES (1, ?, ?, ?)";
		String takeOver = "UPDATE " + quoted + " SET " + names.quoteName("owner") + " = ?, "
				+ names.quoteName("acquired_at") + " = ?, " + names.quoteName("expires_at") + " = ? WHERE "
				+ names.quoteName("id") + " = 1 AND " + names.quoteName("expires_at") + " < ?";
		String takeOverDead = "UPDATE " + quoted + " SET " + names.quoteName("owner") + " = ?, "
				+ names.quoteName("acquired_at") + " = ?, " + names.quoteName("expires_at") + " = ? WHERE "
				+ names.quoteName("id") + " = 1 AND " + names.quoteName("owner") + " = ?";
		long deadline = System.nanoTime() + timeout.toNanos();
		long nextLog = 0;
		while (true) {
			long now = System.currentTimeMillis();
			if (update(connection, insert, owner, now, now + lease.toMillis()) == 1) {
				return new TableLock(connection, names, table, owner, lease);
			}
			if (update(connection, takeOver, owner, now, now + lease.toMillis(), now) == 1) {
				MigrationLocks.logger.log(System.Logger.Level.WARNING,
						"Took over the migration lock in {0}: its holder stopped renewing it", table);
				return new TableLock(connection, names, table, owner, lease);
			}
			String dead = deadHolder(connection, names, table);
			if (dead != null && update(connection, takeOverDead, owner, now, now + lease.toMillis(), dead) == 1) {
				MigrationLocks.logger.log(System.Logger.Level.WARNING,
						"Took over the migration lock in {0}: its holder, {1}, is no longer running", table, dead);
				return new TableLock(connection, names, table, owner, lease);
			}
			long nanos = System.nanoTime();
			if (nanos - deadline >= 0) {
				throw MigrationLocks.timeout(timeout, holder(connection, names, table));
			}
			if (nanos - nextLog >= 0) {
				MigrationLocks.logger.log(System.Logger.Level.INFO, "Waiting for the migration lock held by {0}",
						holder(connection, names, table));
				nextLog = nanos + Duration.ofSeconds(10).toNanos();
			}
			MigrationLocks.sleep();
		}
	}

	/**
	 * Return the model of a lock table.
	 * @param table the table name
	 * @return the model state
	 */
	public static ModelState lockModel(String table) {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", new FieldState(new FieldType.IntegerField(), false, null, false, false, null, true));
		fields.put("owner", FieldState.of(new FieldType.CharField(255)));
		fields.put("acquired_at", FieldState.of(new FieldType.BigIntegerField()));
		fields.put("expires_at", FieldState.of(new FieldType.BigIntegerField()));
		return new ModelState("migrations", "Lock", fields, table);
	}

	@Override
	public String owner() {
		return this.owner;
	}

	@Override
	public synchronized void close() {
		if (this.released) {
			return;
		}
		this.released = true;
		this.heartbeat.shutdownNow();
		String delete = "DELETE FROM " + this.names.quoteName(this.table) + " WHERE " + this.names.quoteName("id")
				+ " = 1 AND " + this.names.quoteName("owner") + " = ?";
		try {
			update(this.connection, delete, this.owner);
		}
		catch (MigrationException ex) {
			MigrationLocks.logger.log(System.Logger.Level.WARNING,
					"Could not release the migration lock; it expires in " + MigrationLocks.format(this.lease), ex);
		}
		finally {
			MigrationLocks.closeQuietly(this.connection);
		}
	}

	private synchronized void beat() {
		if (this.released) {
			return;
		}
		String sql = "UPDATE " + this.names.quoteName(this.table) + " SET " + this.names.quoteName("expires_at")
				+ " = ? WHERE " + this.names.quoteName("id") + " = 1 AND " + this.names.quoteName("owner") + " = ?";
		try {
			if (update(this.connection, sql, System.currentTimeMillis() + this.lease.toMillis(), this.owner) == 0) {
				MigrationLocks.logger.log(System.Logger.Level.WARNING,
						"The migration lock in {0} was taken over by another process", this.table);
			}
		}
		catch (RuntimeException ex) {
			MigrationLocks.logger.log(System.Logger.Level.WARNING, "Could not renew the migration lock", ex);
		}
	}

	private static void ensureTable(Connection connection, String table) {
		if (Introspector.hasTable(connection, table)) {
			return;
		}
		try (BaseSchemaEditor editor = SchemaEditors.create(connection, false)) {
			editor.createModel(lockModel(table));
		}
		catch (MigrationException ex) {
			if (!Introspector.hasTable(connection, table)) {
				throw ex;
			}
		}
	}

	/**
	 * Return the owner of the lock row when it is a process on this host that no longer runs (a
	 * process killed while migrating), so that its lease need not be waited out.
	 */
	private static @Nullable String deadHolder(Connection connection, BaseSchemaEditor names, String table) {
		String sql = "SELECT " + names.quoteName("owner") + " FROM " + names.quoteName(table) + " WHERE "
				+ names.quoteName("id") + " = 1";
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			if (!rows.next()) {
				return null;
			}
			String owner = rows.getString(1);
			Matcher matcher = OWNER.matcher(owner);
			if (!matcher.matches() || !matcher.group(2).equals(MigrationLocks.hostName())) {
				return null;
			}
			long pid = Long.parseLong(matcher.group(1));
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			return alive ? null : owner;
		}
		catch (SQLException | NumberFormatException ex) {
			return null;
		}
	}

	private static String holder(Connection connection, BaseSchemaEditor names, String table) {
		String holder = describeRow(connection, names, table, false);
		return (holder != null) ? holder : "another process (it released the lock just now)";
	}

	/**
	 * Describe the holder of the lock row of a table, if a live one holds it.
	 * @param connection the connection to read with
	 * @param table the lock table name, unquoted
	 * @return the description, or {@code null} when the table or the row is missing or the row
	 * has expired
	 */
	static @Nullable String currentHolder(Connection connection, String table) {
		if (!Introspector.hasTable(connection, table)) {
			return null;
		}
		return describeRow(connection, SchemaEditors.create(connection, false), table, true);
	}

	private static @Nullable String describeRow(Connection connection, BaseSchemaEditor names, String table,
			boolean liveOnly) {
		String sql = "SELECT " + names.quoteName("owner") + ", " + names.quoteName("acquired_at") + ", "
				+ names.quoteName("expires_at") + " FROM " + names.quoteName(table) + " WHERE "
				+ names.quoteName("id") + " = 1";
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			if (rows.next() && (!liveOnly || rows.getLong(3) >= System.currentTimeMillis())) {
				return rows.getString(1) + " (since " + Instant.ofEpochMilli(rows.getLong(2)) + ", lease until "
						+ Instant.ofEpochMilli(rows.getLong(3)) + ", recorded in table " + table + ")";
			}
			return null;
		}
		catch (SQLException ex) {
			return "another process (could not read " + table + ": " + ex.getMessage() + ")";
		}
	}

	private static int update(Connection connection, String sql, Object... parameters) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			if (sql.startsWith("INSERT") && isDuplicate(ex)) {
				return 0;
			}
			throw new MigrationException("Could not update the migration lock: " + ex.getMessage(), ex);
		}
	}

	private static boolean isDuplicate(SQLException ex) {
		String state = ex.getSQLState();
		String message = ex.getMessage();
		return (state != null && state.startsWith("23")) || ex instanceof java.sql.SQLIntegrityConstraintViolationException
				|| (message != null && message.contains("SQLITE_CONSTRAINT"));
	}

}
