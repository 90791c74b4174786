package io.github.migrations;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.autodetect.DetectingQuestioner;
import io.github.migrations.cli.ManagementUtility;
import io.github.migrations.command.CommandContext;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import io.github.migrations.command.ShowMigrations;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.recorder.AppliedMigration;

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
		return new ManagementUtility(context(output)).run(args);
	}

	/**
	 * Apply every pending migration of every app, printing nothing; what an application does at
	 * startup.
	 * @return what was applied
	 */
	public MigrateResult migrate() {
		return new Migrate(context(silent())).migrate(Migrate.Options.all());
	}

	/**
	 * Run migrate with the given options, printing Django's output.
	 * @param options the options
	 * @param output where to print
	 * @return what was applied or unapplied
	 */
	public MigrateResult migrate(Migrate.Options options, CommandOutput output) {
		return new Migrate(context(output)).migrate(options);
	}

	/**
	 * Return each app's migrations and whether they are applied.
	 * @return the status per app, sorted by app
	 */
	public List<AppStatus> status() {
		CommandContext context = context(silent());
		return context.withConnection("status", (connection, recorder) -> {
			Map<MigrationKey, AppliedMigration> recorded = recorder.appliedMigrations();
			MigrationLoader loader = context.loader(recorded.keySet());
			return ShowMigrations.status(loader, recorded, new ArrayList<>(loader.migratedApps()));
		});
	}

	/**
	 * Return the apps whose models have changes that no migration reflects yet.
	 * @return the app labels, sorted; empty when migrations are up to date
	 */
	public Set<String> appsWithUnmigratedChanges() {
		CommandContext context = context(silent());
		return context
			.detectChanges(context.declaredModels(), context.loader(null), new DetectingQuestioner(), Set.of(), null)
			.migrations()
			.keySet();
	}

	private CommandContext context(CommandOutput output) {
		return new CommandContext(this.configuration, output, Clock.systemDefaultZone());
	}

	private static CommandOutput silent() {
		PrintWriter discard = new PrintWriter(Writer.nullWriter());
		return new CommandOutput(discard, discard, 0);
	}

}
