package io.github.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import io.github.migrations.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * A lock the database server holds for a session: a PostgreSQL advisory lock or a MariaDB/MySQL
 * named lock. It lives as long as its dedicated connection, so a killed process releases it.
 */
final class AdvisoryLock implements MigrationLock {

	private final Connection connection;

	private final String releaseSql;

	private final Object key;

	private final String owner;

	private boolean released;

	private AdvisoryLock(Connection connection, String releaseSql, Object key, String owner) {
		this.connection = connection;
		this.releaseSql = releaseSql;
		this.key = key;
		this.owner = owner;
	}

	static MigrationLock acquirePostgreSql(Connection connection, long key, Duration timeout) throws SQLException {
		String owner = "PostgreSQL backend pid " + single(connection, "SELECT pg_backend_pid()", null);
		poll(connection, "SELECT pg_try_advisory_lock(?)", key, timeout,
				() -> orReleased(postgreSqlHolder(connection, key)));
		return new AdvisoryLock(connection, "SELECT pg_advisory_unlock(?)", key, owner);
	}

	static MigrationLock acquireMySql(Connection connection, String name, Duration timeout) throws SQLException {
		String owner = "connection id " + single(connection, "SELECT CONNECTION_ID()", null);
		poll(connection, "SELECT GET_LOCK(?, 0)", name, timeout, () -> orReleased(mySqlHolder(connection, name)));
		return new AdvisoryLock(connection, "SELECT RELEASE_LOCK(?)", name, owner);
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
			single(this.connection, this.releaseSql, this.key);
		}
		catch (SQLException ex) {
			MigrationLocks.logger.log(System.Logger.Level.WARNING,
					"Could not release the migration lock; closing its connection releases it", ex);
		}
		finally {
			MigrationLocks.closeQuietly(this.connection);
		}
	}

	private static void poll(Connection connection, String trySql, Object key, Duration timeout, Holder holder)
			throws SQLException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long nextLog = 0;
		while (true) {
			Object acquired = single(connection, trySql, key);
			if (acquired != null && (Boolean.TRUE.equals(acquired) || "1".equals(acquired.toString())
					|| "t".equals(acquired.toString()))) {
				return;
			}
			long now = System.nanoTime();
			if (now - deadline >= 0) {
				throw MigrationLocks.timeout(timeout, holder.describe());
			}
			if (now - nextLog >= 0) {
				MigrationLocks.logger.log(System.Logger.Level.INFO, "Waiting for the migration lock held by {0}",
						holder.describe());
				nextLog = now + Duration.ofSeconds(10).toNanos();
			}
			MigrationLocks.sleep();
		}
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
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setObject(1, parameter);
			}
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new MigrationException("No result from " + sql);
				}
				return rows.getObject(1);
			}
		}
	}

	@FunctionalInterface
	private interface Holder {

		String describe();

	}

}
