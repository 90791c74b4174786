package io.github.migrations.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties for Django-style migrations.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	/**
	 * Whether to enable migrations and apply pending ones at startup.
	 */
	private boolean enabled = true;

	/**
	 * Location of migration files, holding one folder per app. Use the 'classpath:' prefix for
	 * the classpath (all jars are searched) or 'file:' for the file system.
	 */
	private String location = "classpath:db/migrations";

	/**
	 * Comma-separated list of packages to scan for '@Model' classes. When empty, the
	 * auto-configuration packages (those of the '@SpringBootApplication' class) are scanned.
	 */
	private List<String> modelPackages = new ArrayList<>();

	/**
	 * Name of the table that records applied migrations.
	 */
	private String table = "migrations_history";

	/**
	 * Maximum time to wait for another process that holds the migration lock. If a duration
	 * suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = Duration.ofSeconds(60);

	/**
	 * Whether to refuse to migrate when an applied migration file has changed since it was
	 * applied.
	 */
	private boolean validateChecksums = true;

	/**
	 * JDBC URL of the database to migrate. If not set, the application's DataSource is used.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate, for example one allowed to run DDL.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public List<String> getModelPackages() {
		return this.modelPackages;
	}

	public void setModelPackages(List<String> modelPackages) {
		this.modelPackages = modelPackages;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

}
