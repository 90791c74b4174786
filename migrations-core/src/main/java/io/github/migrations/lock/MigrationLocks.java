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

/**
 * Acquires the lock that keeps two processes from migrating one database at once. The kind of
 * lock depends on the database:
 * <ul>
 * <li>PostgreSQL: a session advisory lock on a dedicated connection, polled with
 * {@code pg_try_advisory_lock}; the server releases it if the process dies.</li>
 * <li>MariaDB and MySQL: a named lock ({@code GET_LOCK}) on a dedicated connection, polled.</li>
 * <li>Others (H2, SQLite): a row in the table {@code <historyTable>_lock} with an owner and an
 * expiry time that a heartbeat thread keeps extending; a row whose holder died expires and is
 * taken over.</li>
 * </ul>
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
				case POSTGRESQL -> AdvisoryLock.acquirePostgreSql(connection, key(identity), timeout);
				case MARIADB, MYSQL -> AdvisoryLock.acquireMySql(connection, name(identity), timeout);
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

	static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "unknown-host";
		}
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
