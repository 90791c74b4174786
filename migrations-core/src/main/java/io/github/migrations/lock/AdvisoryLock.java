package io.github.migrations.lock;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.github.migrations.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * A lock the database server holds for a session: a PostgreSQL advisory lock or a MariaDB/MySQL
 * named lock. It lives as long as the session it was taken in, so a killed process releases it.
 * It is taken either on a connection of its own, closed on release, or on the connection that
 * migrates ({@link MigrationLocks#acquire(javax.sql.DataSource, Connection, String, Duration)}),
 * left open on release: the lock is not transactional, so the migrations' commits and rollbacks
 * leave it held.
 */
final class AdvisoryLock implements MigrationLock {

	private static final Duration SLICE = Duration.ofSeconds(1);

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final Connection connection;

	private final String releaseSql;

	private final Object key;

	private final String owner;

	/** Whether the connection is the lock's own, closed on release. */
	private final boolean ownConnection;

	private boolean released;

	private AdvisoryLock(Connection connection, String releaseSql, Object key, String owner, boolean ownConnection) {
		this.connection = connection;
		this.releaseSql = releaseSql;
		this.key = key;
		this.owner = owner;
		this.ownConnection = ownConnection;
	}

	/**
	 * Take a PostgreSQL session advisory lock, polling.
	 * @param connection the session to hold it, in auto-commit mode while this method runs
	 * @param key the lock's key
	 * @param timeout how long to wait for another holder
	 * @param ownConnection whether the connection is the lock's own, to close on release
	 * @return the held lock
	 */
	static MigrationLock acquirePostgreSql(Connection connection, long key, Duration timeout, boolean ownConnection)
			throws SQLException {
		// the first try also names this session: one round trip when the lock is free
		Object[] first = row(connection, "SELECT pg_try_advisory_lock(?), pg_backend_pid()", key);
		String owner = "PostgreSQL backend pid " + first[1];
		// Polled with the non-blocking try-lock, never pg_advisory_lock(): a session blocked in a
		// lock wait holds a snapshot, and CREATE INDEX CONCURRENTLY run by the holder in a
		// non-atomic migration would wait for every waiting follower (Flyway's deadlock).
		if (!acquired(first[0])) {
			// the lambdas are linked only when the lock is taken: not on a restart that finds it free
			wait(connection, timeout, (slice) -> {
				if (acquired(single(connection, "SELECT pg_try_advisory_lock(?)", key))) {
					return true;
				}
				if (!slice.isZero()) {
					MigrationLocks.sleep();
				}
				return false;
			}, () -> orReleased(postgreSqlHolder(connection, key)));
		}
		return new AdvisoryLock(connection, "SELECT pg_advisory_unlock(?)", key, owner, ownConnection);
	}

	/**
	 * Take a MariaDB/MySQL named lock, waiting on the server in slices.
	 * @param connection the session to hold it, in auto-commit mode while this method runs
	 * @param name the lock's name
	 * @param timeout how long to wait for another holder
	 * @param ownConnection whether the connection is the lock's own, to close on release
	 * @return the held lock
	 */
	static MigrationLock acquireMySql(Connection connection, String name, Duration timeout, boolean ownConnection)
			throws SQLException {
		Object[] first = row(connection, "SELECT GET_LOCK(?, 0), CONNECTION_ID()", name);
		String owner = "connection id " + first[1];
		if (!acquired(first[0])) {
			wait(connection, timeout,
					(slice) -> acquired(single(connection, "SELECT GET_LOCK(?, " + BigDecimal.valueOf(slice.toMillis(), 3) + ")", name)),
					() -> orReleased(mySqlHolder(connection, name)));
		}
		return new AdvisoryLock(connection, "SELECT RELEASE_LOCK(?)", name, owner, ownConnection);
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
		try {
			// takes effect at once, also inside a transaction (the lock is not transactional)
			single(this.connection, this.releaseSql, this.key);
		}
		catch (SQLException ex) {
			if (this.ownConnection) {
				MigrationLocks.logger.log(System.Logger.Level.WARNING,
						"Could not release the migration lock; closing its connection releases it", ex);
			}
			else if (isClosed(this.connection)) {
				// the migrating connection was lost, and the lock with its session: nothing to undo
				MigrationLocks.logger.log(System.Logger.Level.DEBUG,
						"Migration lock not released: its connection is closed, which released it", ex);
			}
			else {
				// a pool must not hand a session that may still hold the lock out again
				MigrationLocks.logger.log(System.Logger.Level.WARNING, "Could not release the migration lock ("
						+ ex.getMessage() + "); aborting the migrating connection, which releases it");
				abortQuietly(this.connection);
			}
		}
		finally {
			if (this.ownConnection) {
				MigrationLocks.closeQuietly(this.connection);
			}
		}
	}

	private static boolean isClosed(Connection connection) {
		try {
			return connection.isClosed();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static void abortQuietly(Connection connection) {
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException | RuntimeException ex) {
			MigrationLocks.logger.log(System.Logger.Level.DEBUG, "Could not abort the migrating connection", ex);
		}
	}

	/**
	 * When the first try (made by the caller, at once) did not get the lock, wait on the server in
	 * slices of up to a second (the server hands the lock over the moment it is released), logging
	 * the holder every ten seconds.
	 */
	private static void wait(Connection connection, Duration timeout, Attempt attempt, Holder holder)
			throws SQLException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long nextLog = 0;
		while (true) {
			long now = System.nanoTime();
			if (now - nextLog >= 0) {
				MigrationLocks.logger.log(System.Logger.Level.INFO, "Waiting for the migration lock held by {0}",
						holder.describe());
				nextLog = now + Duration.ofSeconds(10).toNanos();
			}
			Duration left = Duration.ofNanos(deadline - now);
			if (left.isNegative() || left.isZero()) {
				throw MigrationLocks.timeout(timeout, holder.describe());
			}
			Duration slice = (left.compareTo(SLICE) < 0) ? Duration.ofMillis(Math.max(1, left.toMillis())) : SLICE;
			if (attempt.acquire(slice)) {
				return;
			}
			if (Thread.currentThread().isInterrupted()) {
				throw new MigrationException("Interrupted while waiting for the migration lock");
			}
		}
	}

	private static boolean acquired(@Nullable Object result) {
		return result != null
				&& (Boolean.TRUE.equals(result) || "1".equals(result.toString()) || "t".equals(result.toString()));
	}

	private static String orReleased(@Nullable String holder) {
		return (holder != null) ? holder : "another session (it released the lock just now)";
	}

	/**
	 * Describe the session that holds a PostgreSQL advisory lock.
	 * @return the description, or {@code null} when no session holds it
	 */
	static @Nullable String postgreSqlHolder(Connection connection, long key) {
		String sql = "SELECT a.pid, a.application_name, a.client_addr, a.backend_start FROM pg_locks l"
				+ " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
				+ " AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet rows = statement.executeQuery()) {
				if (rows.next()) {
					String application = rows.getString(2);
					String address = rows.getString(3);
					return "PostgreSQL backend pid " + rows.getInt(1)
							+ ((application != null && !application.isEmpty()) ? " (application_name '" + application + "')"
									: "")
							+ " from " + ((address != null) ? address : "a local socket") + ", connected since "
							+ rows.getTimestamp(4);
				}
			}
			return null;
		}
		catch (SQLException ex) {
			return "another session (could not read pg_locks: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Describe the session that holds a MariaDB/MySQL named lock.
	 * @return the description, or {@code null} when no session holds it
	 */
	static @Nullable String mySqlHolder(Connection connection, String name) {
		try {
			Object id = single(connection, "SELECT IS_USED_LOCK(?)", name);
			if (id == null) {
				return null;
			}
			String sql = "SELECT user, host, db, command, time FROM information_schema.processlist WHERE id = ?";
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setLong(1, Long.parseLong(id.toString()));
				try (ResultSet rows = statement.executeQuery()) {
					if (rows.next()) {
						return "connection id " + id + " (user " + rows.getString(1) + " from " + rows.getString(2)
								+ ", database " + rows.getString(3) + ", " + rows.getString(4) + " for "
								+ rows.getLong(5) + "s)";
					}
				}
			}
			return "connection id " + id;
		}
		catch (SQLException | NumberFormatException ex) {
			return "another session (could not read the holder: " + ex.getMessage() + ")";
		}
	}

	private static @Nullable Object single(Connection connection, String sql, @Nullable Object parameter) throws SQLException {
		return row(connection, sql, parameter)[0];
	}

	private static @Nullable Object[] row(Connection connection, String sql, @Nullable Object parameter)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setObject(1, parameter);
			}
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new MigrationException("No result from " + sql);
				}
				@Nullable Object[] row = new Object[rows.getMetaData().getColumnCount()];
				for (int i = 0; i < row.length; i++) {
					row[i] = rows.getObject(i + 1);
				}
				return row;
			}
		}
	}

	@FunctionalInterface
	private interface Attempt {

		boolean acquire(Duration wait) throws SQLException;

	}

	@FunctionalInterface
	private interface Holder {

		String describe();

	}

}
