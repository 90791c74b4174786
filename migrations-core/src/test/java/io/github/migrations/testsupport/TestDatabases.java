package io.github.migrations.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.github.migrations.schema.Vendor;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests. For each vendor the server is found once per JVM, in this order:
 * <ol>
 * <li>an explicit JDBC URL from the environment: {@code MIGRATIONS_TEST_POSTGRESQL_URL} (with
 * {@code _USER} and {@code _PASSWORD}), {@code MIGRATIONS_TEST_MARIADB_URL},
 * {@code MIGRATIONS_TEST_MYSQL_URL} (likewise);</li>
 * <li>a Testcontainers container, when a Docker engine is available ({@code mysql:8.4} for
 * MySQL);</li>
 * <li>the local server: PostgreSQL at {@code 127.0.0.1:5432/test} as {@code postgres}, MariaDB at
 * {@code 127.0.0.1:3306/test} as {@code root}, both without a password. MySQL has none.</li>
 * </ol>
 * If none works, the test fails with a message saying how to provide one. The one exception is
 * MySQL when neither its URL nor a Docker engine is there: it is not expected on this machine, and
 * its tests are skipped (a JUnit assumption) saying so; with the URL set or Docker present, a
 * MySQL that does not work fails them. Which server each vendor used, or why it was not expected,
 * is logged and written to {@link VendorReport#FILE}.
 * <p>
 * Every call returns a fresh, isolated place that {@link TestDatabase#close()} drops: a new
 * schema on PostgreSQL, a new database on MariaDB, a new in-memory database on H2, a new file on
 * SQLite.
 */
public final class TestDatabases {

	private static final Map<Vendor, Server> servers = new EnumMap<>(Vendor.class);

	private static final Map<Vendor, String> notExpected = new EnumMap<>(Vendor.class);

	private static boolean h2Announced;

	private static boolean sqliteAnnounced;

	private TestDatabases() {
	}

	/**
	 * Return a fresh H2 in-memory database with default settings (unquoted names upper case).
	 * @return the database
	 */
	public static TestDatabase h2() {
		return h2("");
	}

	/**
	 * Return a fresh H2 in-memory database with extra URL settings, for example
	 * {@code ;DATABASE_TO_LOWER=TRUE} or {@code ;MODE=PostgreSQL}.
	 * @param settings the settings appended to the URL, each starting with {@code ;}
	 * @return the database
	 */
	public static TestDatabase h2(String settings) {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings;
		synchronized (TestDatabases.class) {
			if (!h2Announced) {
				h2Announced = true;
				VendorReport.ran(Vendor.H2, "in-memory databases (" + org.h2.engine.Constants.FULL_VERSION + ")");
			}
		}
		SimpleDataSource dataSource = new SimpleDataSource(url, "sa", "");
		return new TestDatabase(Vendor.H2, dataSource, "H2 " + url, () -> {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
		});
	}

	/**
	 * Return a fresh H2 database in a file under a folder: it outlives the process that migrates
	 * it, as a server database does (an embedded {@code mem:} database dies with the process).
	 * @param directory the folder, which the caller deletes
	 * @return the database
	 */
	public static TestDatabase h2File(Path directory) {
		String url = "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
		SimpleDataSource dataSource = new SimpleDataSource(url, "sa", "");
		return new TestDatabase(Vendor.H2, dataSource, "H2 " + url, () -> {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
		});
	}

	/**
	 * Return a fresh SQLite database in a file under {@code target/sqlite} (a file, not memory,
	 * so that every connection sees the same database), enforcing foreign keys as Django's
	 * connections do; closing it deletes the file.
	 * @return the database
	 */
	public static TestDatabase sqlite() {
		Path directory = Path.of("target", "sqlite").toAbsolutePath();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + directory, ex);
		}
		Path file = directory.resolve("mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".db");
		String url = "jdbc:sqlite:" + file + "?foreign_keys=on";
		synchronized (TestDatabases.class) {
			if (!sqliteAnnounced) {
				sqliteAnnounced = true;
				VendorReport.ran(Vendor.SQLITE, "database files in " + directory);
			}
		}
		return new TestDatabase(Vendor.SQLITE, new SimpleDataSource(url, null, null), "SQLite file " + file, () -> {
			for (String suffix : new String[] { "", "-journal", "-wal", "-shm" }) {
				try {
					Files.deleteIfExists(Path.of(file + suffix));
				}
				catch (IOException ex) {
					throw new java.sql.SQLException("Could not delete " + file + suffix, ex);
				}
			}
		});
	}

	/**
	 * Return a fresh schema in a PostgreSQL database; connections use it as their current schema.
	 * @return the database
	 */
	public static TestDatabase postgresql() {
		Server server = server(Vendor.POSTGRESQL);
		String schema = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		server.execute("CREATE SCHEMA " + schema);
		String url = server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
		return new TestDatabase(Vendor.POSTGRESQL, new SimpleDataSource(url, server.user(), server.password()),
				"PostgreSQL schema " + schema + " via " + server.how(),
				() -> server.execute("DROP SCHEMA " + schema + " CASCADE"));
	}

	/**
	 * Return a fresh database on a MariaDB server.
	 * @return the database
	 */
	public static TestDatabase mariadb() {
		return database(Vendor.MARIADB);
	}

	/**
	 * Return a fresh database on a MySQL server; skips the test (a JUnit assumption) when no MySQL
	 * is expected on this machine.
	 * @return the database
	 */
	public static TestDatabase mysql() {
		return database(Vendor.MYSQL);
	}

	private static TestDatabase database(Vendor vendor) {
		Server server = server(vendor);
		String database = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		server.execute("CREATE DATABASE " + database);
		String url = server.url().replaceFirst("^(jdbc:(?:mariadb|mysql)://[^/?]+)(/[^?]*)?", "$1/" + database);
		return new TestDatabase(vendor, new SimpleDataSource(url, server.user(), server.password()),
				vendor.displayName() + " database " + database + " via " + server.how(),
				() -> server.execute("DROP DATABASE " + database));
	}

	/**
	 * Return a fresh place in a database of the given vendor.
	 * @param vendor the vendor
	 * @return the database
	 */
	public static TestDatabase of(Vendor vendor) {
		return switch (vendor) {
			case H2 -> h2();
			case POSTGRESQL -> postgresql();
			case MARIADB -> mariadb();
			case MYSQL -> mysql();
			case SQLITE -> sqlite();
		};
	}

	private static synchronized Server server(Vendor vendor) {
		Server server = servers.get(vendor);
		String skipped = notExpected.get(vendor);
		// Skipped, not failed, only for MySQL without MIGRATIONS_TEST_MYSQL_URL or Docker (issue 4:
		// MySQL 8 "where Docker exists"); the vendor report names it. PostgreSQL and MariaDB fail.
		if (skipped != null) {
			Assumptions.abort(vendor.displayName() + " not expected here: " + skipped);
		}
		if (server == null) {
			try {
				server = ServerResolver.resolve(vendor);
			}
			catch (ServerResolver.NotExpectedException ex) {
				notExpected.put(vendor, ex.getMessage());
				VendorReport.notExpected(vendor, ex.getMessage());
				// only MySQL is ever "not expected" (ServerResolver); reported, never silent
				Assumptions.abort(vendor.displayName() + " not expected here: " + ex.getMessage());
			}
			catch (RuntimeException ex) {
				VendorReport.unreachable(vendor, ex.getMessage());
				throw ex;
			}
			VendorReport.ran(vendor, server.how());
			servers.put(vendor, server);
		}
		return server;
	}

	/**
	 * A database server tests can create schemas or databases on.
	 *
	 * @param url the JDBC URL of an existing database on it
	 * @param user the user name
	 * @param password the password
	 * @param how how it was found, for the report
	 */
	record Server(String url, String user, String password, String how) {

		void execute(String sql) {
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not run '" + sql + "' on " + this.how + ": " + ex.getMessage(), ex);
			}
		}

		static String envPrefix(Vendor vendor) {
			return "MIGRATIONS_TEST_" + vendor.name().toUpperCase(Locale.ROOT);
		}

	}

}
