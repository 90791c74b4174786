package io.github.migrations.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Details required to connect to the database that migrations are applied to. By default they
 * come from the {@code migrations.url}, {@code migrations.user} and {@code migrations.password}
 * properties; a bean of this type (for example one that Testcontainers' {@code @ServiceConnection}
 * creates) takes precedence over the properties.
 * <p>
 * When the JDBC URL is {@code null}, the application's {@link javax.sql.DataSource} is used, with
 * the username and password given here if any.
 *
 * @author Migrations contributors
 * @since 0.1
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

	/**
	 * JDBC URL of the database to migrate.
	 * @return the JDBC URL, or {@code null} to use the application's DataSource
	 */
	@Nullable String getJdbcUrl();

	/**
	 * Login username of the database to migrate.
	 * @return the username, or {@code null} for the application DataSource's
	 */
	@Nullable String getUsername();

	/**
	 * Login password of the database to migrate.
	 * @return the password, or {@code null}
	 */
	@Nullable String getPassword();

	/**
	 * The name of the JDBC driver class. Defaults to the class name of the driver specified in
	 * the JDBC URL, or {@code null} when no JDBC URL is configured.
	 * @return the JDBC driver class name, or {@code null}
	 * @see #getJdbcUrl()
	 * @see DatabaseDriver#fromJdbcUrl(String)
	 */
	default @Nullable String getDriverClassName() {
		String jdbcUrl = getJdbcUrl();
		return (jdbcUrl != null) ? DatabaseDriver.fromJdbcUrl(jdbcUrl).getDriverClassName() : null;
	}

}
