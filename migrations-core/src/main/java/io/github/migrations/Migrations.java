package io.github.migrations;

import java.util.List;
import java.util.Set;

import io.github.migrations.command.CommandOutput;

/**
 * The engine's entry point: runs Django's commands against one configuration.
 * <pre>
 * Migrations migrations = Migrations.configure()
 *     .dataSource(dataSource)
 *     .modelPackages("com.example")
 *     .load();
 * migrations.migrate();
 * </pre>
 * A configured instance is immutable and thread-safe; every call reads the migration files and the
 * database afresh.
 *
 * @since 0.1
 */
public final class Migrations {

	private final MigrationsConfiguration configuration;

	Migrations(MigrationsConfiguration configuration) {
		this.configuration = configuration;
	}

	/**
	 * Start configuring an engine.
	 * @return a builder
	 */
	public static MigrationsConfiguration.Builder configure() {
		return new MigrationsConfiguration.Builder();
	}

	/**
	 * Return the configuration.
	 * @return the configuration
	 */
	public MigrationsConfiguration configuration() {
		return this.configuration;
	}

	/**
	 * Run a command line as Django's {@code manage.py} would, for example
	 * {@code ["migrate", "blog", "0002", "--plan"]}. Errors are printed, not thrown.
	 * @param args the command name and its arguments
	 * @param output where to print
	 * @return the exit code (0 for success)
	 */
	public int run(List<String> args, CommandOutput output) {
		throw new IllegalStateException("not wired yet");
	}

	/**
	 * Apply every pending migration of every app, printing nothing; what an application does at
	 * startup.
	 * @return what was applied
	 */
	public MigrateResult migrate() {
		throw new IllegalStateException("not wired yet");
	}

	/**
	 * Return each app's migrations and whether they are applied.
	 * @return the status per app, sorted by app
	 */
	public List<AppStatus> status() {
		throw new IllegalStateException("not wired yet");
	}

	/**
	 * Return the apps whose models have changes that no migration reflects yet.
	 * @return the app labels, sorted; empty when migrations are up to date
	 */
	public Set<String> appsWithUnmigratedChanges() {
		throw new IllegalStateException("not wired yet");
	}

}
