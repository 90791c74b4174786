package io.github.migrations.testcontainers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A {@link PostgreSQLContainer} for machines without Docker: it starts nothing and points at the
 * local PostgreSQL server (127.0.0.1:5432, database {@code test}, user {@code postgres}), in a
 * schema of its own that {@link #start()} creates empty and {@link #stop()} drops. Everything
 * that Spring Boot's {@code @ServiceConnection} support reads from a container (JDBC URL, user,
 * password, driver, image name) is answered as a started container would.
 *
 * @author Migrations contributors
 */
class LocalPostgreSQLContainer extends PostgreSQLContainer {

	private static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private final String schema;

	private boolean running;

	LocalPostgreSQLContainer(String schema) {
		super(IMAGE + ":15");
		this.schema = schema;
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
		return SERVER_URL + "?currentSchema=" + this.schema;
	}

	@Override
	public String getUsername() {
		return "postgres";
	}

	@Override
	public String getPassword() {
		return "";
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
		try (Connection connection = DriverManager.getConnection(SERVER_URL, getUsername(), getPassword());
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot use the local PostgreSQL at " + SERVER_URL
					+ " (no Docker here, so the test needs it): " + ex.getMessage(), ex);
		}
	}

}
