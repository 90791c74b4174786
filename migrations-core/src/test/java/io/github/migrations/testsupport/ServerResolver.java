package io.github.migrations.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabases.Server;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds a server for a vendor: environment, then Testcontainers, then the local server.
 */
final class ServerResolver {

	private static final String POSTGRESQL_LOCAL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String MARIADB_LOCAL = "jdbc:mariadb://127.0.0.1:3306/test";

	private static Boolean dockerAvailable;

	private ServerResolver() {
	}

	static Server resolve(Vendor vendor) {
		String prefix = Server.envPrefix(vendor);
		String url = System.getenv(prefix + "_URL");
		if (url != null && !url.isBlank()) {
			Server server = new Server(url, env(prefix + "_USER", ""), env(prefix + "_PASSWORD", ""),
					"environment " + prefix + "_URL=" + url);
			String problem = probe(server);
			if (problem != null) {
				throw new IllegalStateException(prefix + "_URL is set but " + url + " does not work: " + problem);
			}
			return server;
		}
		StringBuilder tried = new StringBuilder("no " + prefix + "_URL in the environment");
		if (isDockerAvailable()) {
			try {
				return container(vendor);
			}
			catch (RuntimeException ex) {
				tried.append("; Testcontainers failed: ").append(ex.getMessage());
			}
		}
		else {
			tried.append("; no Docker engine for Testcontainers");
		}
		Server local = (vendor == Vendor.POSTGRESQL)
				? new Server(POSTGRESQL_LOCAL, "postgres", "", "local server " + POSTGRESQL_LOCAL + " (user postgres)")
				: new Server(MARIADB_LOCAL, "root", "", "local server " + MARIADB_LOCAL + " (user root)");
		String problem = probe(local);
		if (problem == null) {
			return local;
		}
		tried.append("; ").append(local.how()).append(": ").append(problem);
		throw new IllegalStateException("No " + vendor.displayName() + " database for the tests (" + tried
				+ "). Provide one: set " + prefix + "_URL (and " + prefix + "_USER, " + prefix
				+ "_PASSWORD) to a database the tests may create schemas in, start a Docker engine for Testcontainers,"
				+ " or start the local server (" + local.url() + ", user " + local.user() + ", no password).");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
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

	private static synchronized boolean isDockerAvailable() {
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
		JdbcDatabaseContainer<?> container = (vendor == Vendor.POSTGRESQL) ? new PostgreSQLContainer("postgres:16-alpine")
				: new MariaDBContainer("mariadb:11").withUsername("root").withPassword("test");
		container.start();
		return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"Testcontainers " + container.getDockerImageName() + " at " + container.getJdbcUrl());
	}

}
