package io.github.migrations.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabases.Server;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds a server for a vendor: environment, then Testcontainers, then the local server. MySQL has
 * no local server (port 3306 is MariaDB's): without {@code MIGRATIONS_TEST_MYSQL_URL} and without
 * a Docker engine it is not expected, and {@link NotExpectedException} says why.
 */
final class ServerResolver {

	private static final String POSTGRESQL_LOCAL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String MARIADB_LOCAL = "jdbc:mariadb://127.0.0.1:3306/test";

	/** The MySQL image Testcontainers runs: the 8.4 long-term release. */
	static final String MYSQL_IMAGE = "mysql:8.4";

	private static Boolean dockerAvailable;

	private ServerResolver() {
	}

	static Server resolve(Vendor vendor) {
		return resolve(vendor, System::getenv);
	}

	/**
	 * Find a server for a vendor with the given environment.
	 * @param vendor the vendor
	 * @param environment the environment variables by name ({@code null} when unset)
	 * @return the server
	 * @throws NotExpectedException when MySQL is neither configured nor available through Docker
	 * @throws IllegalStateException when a configured or expected server does not work
	 */
	static Server resolve(Vendor vendor, UnaryOperator<String> environment) {
		String prefix = Server.envPrefix(vendor);
		String url = environment.apply(prefix + "_URL");
		if (url != null && !url.isBlank()) {
			Server server = new Server(url, env(environment, prefix + "_USER"), env(environment, prefix + "_PASSWORD"),
					"environment " + prefix + "_URL=" + url);
			String problem = probe(server);
			if (problem != null) {
				throw new IllegalStateException(prefix + "_URL is set but " + url + " does not work: " + problem
						+ ". Fix the URL (and " + prefix + "_USER, " + prefix + "_PASSWORD) or unset it.");
			}
			return server;
		}
		StringBuilder tried = new StringBuilder("no " + prefix + "_URL in the environment");
		if (isDockerAvailable()) {
			try {
				return container(vendor);
			}
			catch (RuntimeException ex) {
				if (vendor == Vendor.MYSQL) {
					throw new IllegalStateException("A Docker engine is available but the MySQL container (" + MYSQL_IMAGE
							+ ") did not start: " + ex.getMessage() + ". " + howToProvide(prefix, null), ex);
				}
				tried.append("; Testcontainers failed: ").append(ex.getMessage());
			}
		}
		else {
			tried.append("; no Docker engine for Testcontainers");
		}
		if (vendor == Vendor.MYSQL) {
			throw new NotExpectedException(tried + "; set " + prefix + "_URL or start a Docker engine to run them");
		}
		Server local = (vendor == Vendor.POSTGRESQL)
				? new Server(POSTGRESQL_LOCAL, "postgres", "", "local server " + POSTGRESQL_LOCAL + " (user postgres)")
				: new Server(MARIADB_LOCAL, "root", "", "local server " + MARIADB_LOCAL + " (user root)");
		String problem = probe(local);
		if (problem == null) {
			return local;
		}
		tried.append("; ").append(local.how()).append(": ").append(problem);
		throw new IllegalStateException(
				"No " + vendor.displayName() + " database for the tests (" + tried + "). " + howToProvide(prefix, local));
	}

	private static String howToProvide(String prefix, Server local) {
		return "Provide one: set " + prefix + "_URL (and " + prefix + "_USER, " + prefix
				+ "_PASSWORD) to a database whose user may create databases or schemas, start a Docker engine for"
				+ " Testcontainers" + ((local != null)
						? ", or start the local server (" + local.url() + ", user " + local.user() + ", no password)." : ".");
	}

	/**
	 * No server for a vendor is expected on this machine: its tests are skipped, not failed.
	 */
	static final class NotExpectedException extends RuntimeException {

		NotExpectedException(String message) {
			super(message);
		}

	}

	private static String env(UnaryOperator<String> environment, String name) {
		String value = environment.apply(name);
		return (value != null) ? value : "";
	}

	private static String probe(Server server) {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
			return connection.isValid(5) ? null : "connection not valid";
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	static synchronized boolean isDockerAvailable() {
		if (dockerAvailable == null) {
			try {
				dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (Throwable ex) {
				dockerAvailable = false;
			}
		}
		return dockerAvailable;
	}

	private static Server container(Vendor vendor) {
		JdbcDatabaseContainer<?> container = switch (vendor) {
			case POSTGRESQL -> new PostgreSQLContainer("postgres:16-alpine");
			case MYSQL -> new MySQLContainer(MYSQL_IMAGE).withUsername("root").withPassword("test");
			default -> new MariaDBContainer("mariadb:11").withUsername("root").withPassword("test");
		};
		container.start();
		return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"Testcontainers " + container.getDockerImageName() + " at " + container.getJdbcUrl());
	}

}
