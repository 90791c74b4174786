package io.github.migrations.testcontainers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A {@link PostgreSQLContainer} that starts nothing and points at a running PostgreSQL server, in
 * a schema of its own that {@link #start()} creates empty and {@link #stop()} drops. The server
 * is found as the other tests find it (core's {@code TestDatabases}): the environment's
 * {@code MIGRATIONS_TEST_POSTGRESQL_URL} (with {@code _USER} and {@code _PASSWORD}), else the
 * local server (127.0.0.1:5432, database {@code test}, user {@code postgres}, no password).
 * Everything that Spring Boot's {@code @ServiceConnection} support reads from a container (JDBC
 * URL, user, password, driver, image name) is answered as a started container would.
 *
 * @author Migrations contributors
 */
class LocalPostgreSQLContainer extends PostgreSQLContainer {

	static final String URL_VARIABLE = "MIGRATIONS_TEST_POSTGRESQL_URL";

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private final String serverUrl;

	private final String user;

	private final String password;

	private final String schema;

	private boolean running;

	private LocalPostgreSQLContainer(String serverUrl, String user, String password, String schema) {
		super(IMAGE + ":15");
		this.serverUrl = serverUrl;
		this.user = user;
		this.password = password;
		this.schema = schema;
	}

	/**
	 * Return a container on the server that the environment names, else on the local one.
	 * @param environment the environment variables
	 * @param schema the schema to create and drop
	 * @return the container, not started
	 */
	static LocalPostgreSQLContainer fromEnvironment(Map<String, String> environment, String schema) {
		return new LocalPostgreSQLContainer(environment.getOrDefault(URL_VARIABLE, LOCAL_URL),
				environment.getOrDefault("MIGRATIONS_TEST_POSTGRESQL_USER", "postgres"),
				environment.getOrDefault("MIGRATIONS_TEST_POSTGRESQL_PASSWORD", ""), schema);
	}

	@Override
	public void start() {
		execute("drop schema if exists " + this.schema + " cascade", "create schema " + this.schema);
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.running) {
			execute("drop schema if exists " + this.schema + " cascade");
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public String getJdbcUrl() {
		return this.serverUrl + (this.serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + this.schema;
	}

	@Override
	public String getUsername() {
		return this.user;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getDatabaseName() {
		return "test";
	}

	@Override
	public String getDockerImageName() {
		return IMAGE + ":15";
	}

	private void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(this.serverUrl, this.user, this.password);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot use the PostgreSQL server at " + this.serverUrl
					+ " (set " + URL_VARIABLE + ", _USER and _PASSWORD for another one): " + ex.getMessage(), ex);
		}
	}

}
