package io.github.migrations.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.lint.LintMode;
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
	 * Whether to enable the migrations auto-configuration.
	 */
	private boolean enabled = true;

	/**
	 * Whether to apply pending migrations while the application starts. When false, the engine
	 * is still configured (for the actuator endpoint and the command mode) but the database is
	 * left as it is.
	 */
	private boolean migrateOnStartup = true;

	/**
	 * Migration to reach at startup; by default every app is migrated to its latest migration.
	 */
	private final Target target = new Target();

	/**
	 * Whether to record initial migrations as applied, without running them, when all their
	 * tables and columns already exist (Django's --fake-initial), to adopt an existing database.
	 */
	private boolean fakeInitial;

	/**
	 * What to do at startup when models have changes that no migration reflects yet.
	 */
	private UnmigratedChanges unmigratedChanges = UnmigratedChanges.WARN;

	/**
	 * Command to run instead of starting the application normally, for example 'migrate blog
	 * 0002' or 'showmigrations'. The application prints the command's output, starts no web
	 * server, applies nothing at startup and exits with the command's status.
	 */
	private @Nullable String command;

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
	 * Whether to open the first connection of the application's DataSource on a thread of its
	 * own as soon as that bean exists, so that the pool starts while other beans are created.
	 * Helps only when the DataSource is created well before the migrations run.
	 */
	private boolean connectionWarmUp;

	/**
	 * What to do with pending operations that lock a live table or break the instances still
	 * running (see docs/lint.md): 'warn' shows them (migrate --plan, makemigrations, the
	 * endpoint's plan); 'fail' also refuses to migrate, before anything is applied, when an
	 * error is not acknowledged in its migration file; 'ignore' does not look.
	 */
	private LintMode lint = LintMode.WARN;

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

	public boolean isMigrateOnStartup() {
		return this.migrateOnStartup;
	}

	public void setMigrateOnStartup(boolean migrateOnStartup) {
		this.migrateOnStartup = migrateOnStartup;
	}

	public Target getTarget() {
		return this.target;
	}

	public boolean isFakeInitial() {
		return this.fakeInitial;
	}

	public void setFakeInitial(boolean fakeInitial) {
		this.fakeInitial = fakeInitial;
	}

	public UnmigratedChanges getUnmigratedChanges() {
		return this.unmigratedChanges;
	}

	public void setUnmigratedChanges(UnmigratedChanges unmigratedChanges) {
		this.unmigratedChanges = unmigratedChanges;
	}

	public @Nullable String getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable String command) {
		this.command = command;
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

	public boolean isConnectionWarmUp() {
		return this.connectionWarmUp;
	}

	public void setConnectionWarmUp(boolean connectionWarmUp) {
		this.connectionWarmUp = connectionWarmUp;
	}

	public LintMode getLint() {
		return this.lint;
	}

	public void setLint(LintMode lint) {
		this.lint = lint;
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

	/**
	 * The migration to reach at startup, as Django's {@code migrate app_label migration_name}.
	 */
	public static class Target {

		/**
		 * Label of the app to migrate at startup. When not set, every app is migrated to its
		 * latest migration.
		 */
		private @Nullable String app;

		/**
		 * Migration of the target app to reach: a name, a unique prefix such as '0002', or
		 * 'zero' to unapply all of the app's migrations. Applied migrations after it are
		 * unapplied. When not set, the app's latest migration.
		 */
		private @Nullable String migration;

		public @Nullable String getApp() {
			return this.app;
		}

		public void setApp(@Nullable String app) {
			this.app = app;
		}

		public @Nullable String getMigration() {
			return this.migration;
		}

		public void setMigration(@Nullable String migration) {
			this.migration = migration;
		}

	}

	/**
	 * What to do at startup when models have changes that no migration reflects yet.
	 */
	public enum UnmigratedChanges {

		/**
		 * Do not look for unmigrated changes.
		 */
		IGNORE,

		/**
		 * Log a warning naming the apps, as Django's migrate does; the look runs after
		 * migrating, on a background thread, so startup does not wait for it.
		 */
		WARN,

		/**
		 * Fail startup before anything is migrated.
		 */
		FAIL

	}

}
