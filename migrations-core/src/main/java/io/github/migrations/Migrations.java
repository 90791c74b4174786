package io.github.migrations;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.migrations.autodetect.DetectingQuestioner;
import io.github.migrations.cli.ManagementUtility;
import io.github.migrations.command.CommandContext;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import io.github.migrations.command.ReviewedMigrate;
import io.github.migrations.command.ShowDrift;
import io.github.migrations.command.ShowMigrations;
import io.github.migrations.drift.Difference;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.lock.MigrationLocks;
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
			Map<String, List<MigrationStatus>> missing = ShowMigrations.missingFiles(loader, recorded);
			Set<String> apps = new TreeSet<>(loader.migratedApps());
			apps.addAll(missing.keySet());
			List<AppStatus> status = new ArrayList<>();
			for (AppStatus app : ShowMigrations.status(loader, recorded, new ArrayList<>(apps))) {
				List<MigrationStatus> migrations = new ArrayList<>(app.migrations());
				migrations.addAll(missing.getOrDefault(app.app(), List.of()));
				status.add(new AppStatus(app.app(), migrations));
			}
			return status;
		});
	}

	/**
	 * Return the plan that takes an app to a target, with the SQL of each step and the plan's
	 * token; nothing is changed.
	 * @param app the app label
	 * @param target a migration name, a unique prefix of one (such as {@code 0002}), or
	 * {@code zero}
	 * @return the plan
	 * @throws UnknownAppException when the app has no migrations
	 * @throws NodeNotFoundException when no migration of the app matches the target
	 */
	public MigrationPlan plan(String app, String target) {
		return new ReviewedMigrate(context(silent())).plan(app, target);
	}

	/**
	 * Take an app to a target with the plan reviewed through {@link #plan}: under the migration
	 * lock the plan is computed again and run only if its token is still {@code token}.
	 * @param app the app label
	 * @param target a migration name, a unique prefix of one, or {@code zero}
	 * @param token the token of the reviewed plan
	 * @return the plan that ran
	 * @throws StalePlanException when the plan changed since it was reviewed; nothing ran
	 * @throws IrreversibleOperationException when the plan unapplies an irreversible migration;
	 * nothing ran
	 */
	public MigrationPlan migrate(String app, String target, String token) {
		return new ReviewedMigrate(context(silent())).migrate(app, target, token);
	}

	/**
	 * Describe the process that holds the migration lock now, if any, without waiting.
	 * @return the holder, or empty
	 */
	public Optional<String> lockHolder() {
		CommandContext context = context(silent());
		return MigrationLocks.holder(context.dataSource("status"), this.configuration.historyTable());
	}

	/**
	 * Return the apps whose models have changes that no migration reflects yet.
	 * @return the app labels, sorted; empty when migrations are up to date or no models are
	 * configured
	 */
	public Set<String> appsWithUnmigratedChanges() {
		return unmigratedChanges().keySet();
	}

	/**
	 * Return, per app, the operations {@code makemigrations} would write for model changes that
	 * no migration reflects yet, as it prints them (for example {@code + Add field email to
	 * employee}).
	 * @return the operations per app, apps sorted; empty when migrations are up to date, or when
	 * no model packages or classes are configured (there is nothing to compare)
	 */
	public Map<String, List<String>> unmigratedChanges() {
		Map<String, List<String>> changes = new TreeMap<>();
		if (!this.configuration.hasModels()) {
			return changes;
		}
		CommandContext context = context(silent());
		CommandContext.ModelsAndMigrations read = context.declaredModelsAndLoader();
		context.detectChanges(read.models(), read.loader(), new DetectingQuestioner(), Set.of(), null)
			.migrations()
			.forEach((app, migrations) -> migrations.forEach((migration) -> migration.operations()
				.forEach((operation) -> changes.computeIfAbsent(app, (key) -> new ArrayList<>())
					.add(operation.formattedDescription()))));
		return changes;
	}

	/**
	 * Return how the database differs from the schema the applied migrations should have produced
	 * (tables, columns, types, nullability, defaults, indexes, constraints); the engine's own
	 * tables are left out.
	 * @return the differences, grouped by app; empty when the database matches
	 */
	public List<Difference> drift() {
		return drift(Set.of());
	}

	/**
	 * Return how the database differs from the schema the applied migrations should have
	 * produced, never reporting the given tables as unexpected.
	 * @param ignoredTables tables kept outside the migrations (any case)
	 * @return the differences, grouped by app; empty when the database matches
	 */
	public List<Difference> drift(Set<String> ignoredTables) {
		return new ShowDrift(context(silent())).differences(ignoredTables);
	}

	private CommandContext context(CommandOutput output) {
		return new CommandContext(this.configuration, output, Clock.systemDefaultZone());
	}

	private static CommandOutput silent() {
		PrintWriter discard = new PrintWriter(Writer.nullWriter());
		return new CommandOutput(discard, discard, 0);
	}

}
