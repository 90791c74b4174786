package io.github.migrations.lock;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.migrations.LockTimeoutException;
import io.github.migrations.MigrationException;
import io.github.migrations.schema.IndexNames;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.Vendor;
import org.jspecify.annotations.Nullable;

/**
 * Acquires the lock that keeps two processes from migrating one database at once. The kind of
 * lock depends on the database:
 * <ul>
 * <li>PostgreSQL: a session advisory lock, polled with {@code pg_try_advisory_lock}; the server
 * releases it if the process dies.</li>
 * <li>MariaDB and MySQL: a named lock ({@code GET_LOCK}), polled.</li>
 * <li>Others (H2, SQLite): a row in the table {@code <historyTable>_lock} with an owner and an
 * expiry time that a heartbeat thread keeps extending; a row whose holder died expires and is
 * taken over.</li>
 * </ul>
 * The session locks are taken on the connection that migrates when the caller gives one
 * ({@link #acquire(DataSource, Connection, String, Duration)}, what {@code migrate} does: no
 * second connection), else on a connection of their own; the lock row always has a connection of
 * its own, which its heartbeat uses while the migrations run.
 * Lock keys include the schema and the history table name, so separate schemas of one server do
 * not block each other. Waiting processes poll until the timeout, then fail with a
 * {@link LockTimeoutException} naming the holder and the property to raise.
 *
 * @since 0.1
 */
public final class MigrationLocks {

	/** The configuration property that sets the timeout, named in timeout messages. */
	public static final String TIMEOUT_PROPERTY = "migrations.lock-timeout";

	static final System.Logger logger = System.getLogger(MigrationLocks.class.getName());

	static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private static volatile @Nullable String hostName;

	private MigrationLocks() {
	}

	/**
	 * Acquire the migration lock, waiting up to {@code timeout} for another holder.
	 * @param dataSource the database
	 * @param historyTable the history table name, part of the lock's identity
	 * @param timeout how long to wait for another holder
	 * @return the held lock
	 * @throws LockTimeoutException when another process holds the lock past the timeout
	 */
	public static MigrationLock acquire(DataSource dataSource, String historyTable, Duration timeout) {
		Connection connection = open(dataSource);
		boolean handedOver = false;
		try {
			Vendor vendor = Vendor.from(connection.getMetaData());
			String identity = Introspector.namespace(connection) + "." + historyTable;
			MigrationLock lock = switch (vendor) {
				case POSTGRESQL -> AdvisoryLock.acquirePostgreSql(connection, key(identity), timeout, true);
				case MARIADB, MYSQL -> AdvisoryLock.acquireMySql(connection, name(identity), timeout, true);
				default -> TableLock.acquire(connection, historyTable + "_lock", timeout, TableLock.DEFAULT_LEASE);
			};
			handedOver = true;
			return lock;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not acquire the migration lock: " + ex.getMessage(), ex);
		}
		finally {
			if (!handedOver) {
				closeQuietly(connection);
			}
		}
	}

	/**
	 * Acquire the migration lock for a run on {@code connection}, waiting up to {@code timeout}
	 * for another holder. On PostgreSQL, MariaDB and MySQL the session lock is taken on that
	 * connection, which is left open on release (the server still releases the lock if the
	 * process dies, with the connection); the connection is in auto-commit mode while the lock is
	 * taken (the unlock takes effect at once in any mode). Elsewhere the lock row gets a
	 * connection of its own from {@code dataSource}, as {@link #acquire(DataSource, String, Duration)}.
	 * @param dataSource the database
	 * @param connection the connection the migrations run on, to the same database
	 * @param historyTable the history table name, part of the lock's identity
	 * @param timeout how long to wait for another holder
	 * @return the held lock; release it before closing the connection
	 * @throws LockTimeoutException when another process holds the lock past the timeout
	 */
	public static MigrationLock acquire(DataSource dataSource, Connection connection, String historyTable,
			Duration timeout) {
		try {
			Vendor vendor = Vendor.from(connection.getMetaData());
			if (vendor != Vendor.POSTGRESQL && vendor != Vendor.MARIADB && vendor != Vendor.MYSQL) {
				return acquire(dataSource, historyTable, timeout);
			}
			String identity = Introspector.namespace(connection) + "." + historyTable;
			return autoCommitted(connection, new SessionLock(connection, vendor, identity, timeout));
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not acquire the migration lock: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Run work on a connection in auto-commit mode, so that no transaction stays open while it
	 * runs (a follower polling inside a transaction would hold a snapshot that a
	 * {@code CREATE INDEX CONCURRENTLY} of the holder waits for), then put the mode back.
	 */
	static <T> T autoCommitted(Connection connection, Work<T> work) throws SQLException {
		if (connection.getAutoCommit()) {
			return work.run();
		}
		connection.setAutoCommit(true);
		try {
			return work.run();
		}
		finally {
			connection.setAutoCommit(false);
		}
	}

	/**
	 * Work on a connection.
	 *
	 * @param <T> the result
	 */
	@FunctionalInterface
	interface Work<T> {

		T run() throws SQLException;

	}

	/**
	 * Take the session lock of a PostgreSQL, MariaDB or MySQL connection: a class, not a lambda,
	 * so that {@link io.github.migrations.Preinitialization} can load it ahead of a restart.
	 *
	 * @param connection the session to hold the lock
	 * @param vendor its database
	 * @param identity the lock's identity
	 * @param timeout how long to wait for another holder
	 */
	private record SessionLock(Connection connection, Vendor vendor, String identity, Duration timeout)
			implements Work<MigrationLock> {

		@Override
		public MigrationLock run() throws SQLException {
			return (this.vendor == Vendor.POSTGRESQL)
					? AdvisoryLock.acquirePostgreSql(this.connection, key(this.identity), this.timeout, false)
					: AdvisoryLock.acquireMySql(this.connection, name(this.identity), this.timeout, false);
		}

	}

	/**
	 * Describe the process that holds the migration lock now, without waiting for it.
	 * @param dataSource the database
	 * @param historyTable the history table name, part of the lock's identity
	 * @return the holder's description, or empty when nobody holds the lock
	 */
	public static Optional<String> holder(DataSource dataSource, String historyTable) {
		Connection connection = open(dataSource);
		try {
			Vendor vendor = Vendor.from(connection.getMetaData());
			String identity = Introspector.namespace(connection) + "." + historyTable;
			return Optional.ofNullable(switch (vendor) {
				case POSTGRESQL -> AdvisoryLock.postgreSqlHolder(connection, key(identity));
				case MARIADB, MYSQL -> AdvisoryLock.mySqlHolder(connection, name(identity));
				default -> TableLock.currentHolder(connection, historyTable + "_lock");
			});
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the migration lock: " + ex.getMessage(), ex);
		}
		finally {
			closeQuietly(connection);
		}
	}

	static Connection open(DataSource dataSource) {
		try {
			Connection connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			return connection;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not open a connection for the migration lock: " + ex.getMessage(), ex);
		}
	}

	static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.log(System.Logger.Level.DEBUG, "Could not close the lock connection", ex);
		}
	}

	static long key(String identity) {
		String digest = IndexNames.digest("io.github.migrations:", identity);
		return Long.parseUnsignedLong(digest.substring(0, 16), 16);
	}

	static String name(String identity) {
		String name = "migrations:" + identity;
		return (name.length() <= 64) ? name : "migrations:" + IndexNames.digest(identity);
	}

	static String describeSelf() {
		return "pid " + ProcessHandle.current().pid() + " on " + hostName() + " ("
				+ UUID.randomUUID().toString().substring(0, 8) + ")";
	}

	/**
	 * Return this host's name, looked up once per process (the JDK keeps it for five seconds
	 * only; a lookup took ~4 ms here, ~80 ms as the first of a JVM).
	 */
	static String hostName() {
		String host = hostName;
		if (host == null) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				return "unknown-host";
			}
			hostName = host;
		}
		return host;
	}

	static LockTimeoutException timeout(Duration timeout, String holder) {
		return new LockTimeoutException("Could not acquire the migration lock within " + format(timeout)
				+ ": it is held by " + holder + ". Another process is migrating this database; wait for it to finish,"
				+ " stop it, or raise '" + TIMEOUT_PROPERTY + "'.");
	}

	static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	static void sleep() {
		try {
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock", ex);
		}
	}

}
