package io.github.migrations.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.migrations.CommandException;
import io.github.migrations.UnknownAppException;
import io.github.migrations.autodetect.MigrationNamer;
import io.github.migrations.drift.AppliedState;
import io.github.migrations.drift.Difference;
import io.github.migrations.drift.DriftAdoption;
import io.github.migrations.drift.DriftDetector;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.recorder.ProgressRecorder;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.ProjectState;
import io.github.migrations.writer.MigrationWriter;
import org.jspecify.annotations.Nullable;

/**
 * {@code drift}: compare the schema the applied migrations should have produced with the live
 * database and print the differences per app; exit status 1 when there are any. The engine's own
 * tables (history, progress, lock) and the history tables of Flyway and Liquibase are never
 * reported.
 *
 * @since 0.1
 */
public final class ShowDrift {

	/**
	 * The history tables of Flyway and Liquibase, which projects moving from them (or running
	 * them beside the engine) keep; never drift.
	 */
	public static final Set<String> OTHER_TOOLS_TABLES = Set.of("flyway_schema_history", "databasechangelog",
			"databasechangeloglock");

	/** The app heading of tables that belong to no known app. */
	public static final String NO_APP = "(no app)";

	private final CommandContext context;

	public ShowDrift(CommandContext context) {
		this.context = context;
	}

	/**
	 * Options of drift.
	 *
	 * @param apps the apps to report; empty for all
	 * @param ignoredTables tables never reported as unexpected
	 * @param write write, per app, a migration whose state-only operations make the recorded
	 * state say what the database has (see {@link DriftAdoption})
	 * @param tableApp the app whose migration adopts unexpected tables of no app, or {@code null}
	 */
	public record Options(Set<String> apps, Set<String> ignoredTables, boolean write, @Nullable String tableApp) {

		public Options {
			apps = Set.copyOf(apps);
			ignoredTables = Set.copyOf(ignoredTables);
		}

		/**
		 * Options without an app for unexpected tables.
		 * @param apps the apps to report; empty for all
		 * @param ignoredTables tables never reported as unexpected
		 * @param write whether to write the adopting migrations
		 */
		public Options(Set<String> apps, Set<String> ignoredTables, boolean write) {
			this(apps, ignoredTables, write, null);
		}

	}

	/**
	 * Run the command.
	 * @param options the options
	 * @return 0 without differences, 1 with
	 */
	public int run(Options options) {
		Found found = find(options.ignoredTables());
		Map<String, List<Difference>> byApp = byApp(found.differences());
		for (String app : options.apps()) {
			if (!byApp.containsKey(app) && !knownApps().contains(app)) {
				throw new UnknownAppException("No installed app with label '" + app + "'.");
			}
		}
		if (!options.apps().isEmpty()) {
			byApp.keySet().retainAll(options.apps());
		}
		CommandOutput out = this.context.output();
		if (byApp.isEmpty()) {
			out.println("No differences between the applied migrations and the database.");
			return 0;
		}
		out.println("The database differs from the schema of the applied migrations:");
		byApp.forEach((app, differences) -> {
			out.println(app);
			differences.forEach((difference) -> out.println("  " + difference.describe()));
		});
		if (!options.write()) {
			return 1;
		}
		List<Difference> shown = byApp.values().stream().flatMap(List::stream).toList();
		return write(adopt(shown, options), found.loader());
	}

	private DriftAdoption adopt(List<Difference> shown, Options options) {
		DriftDetector detector = new DriftDetector(ignored(options.ignoredTables()));
		return this.context.withConnection("drift", (connection, recorder) -> {
			MigrationLoader loader = this.context.loader(recorder.appliedMigrations().keySet());
			ProjectState state = AppliedState.of(loader.graph(), loader.appliedMigrations());
			return DriftAdoption.of(shown, new DriftAdoption.Source(state, LiveSchema.read(connection),
					SchemaEditors.create(connection, true), detector, options.tableApp()));
		});
	}

	private int write(DriftAdoption adoption, MigrationLoader loader) {
		CommandOutput out = this.context.output();
		Path root = this.context.configuration().writeDirectory();
		if (!adoption.operations().isEmpty() && root == null) {
			throw new CommandException("drift --write cannot write files here: no migrations directory is configured. "
					+ "Run it from the build (./mvnw migrations:drift -Dargs=--write).");
		}
		MigrationWriter writer = new MigrationWriter(CommandContext.VERSION, this.context.clock());
		adoption.operations().forEach((app, operations) -> {
			List<MigrationKey> leaves = loader.graph().leafNodes(app);
			MigrationKey leaf = leaves.isEmpty() ? null : leaves.get(leaves.size() - 1);
			int number = (leaf != null) ? MigrationNamer.parseNumber(leaf.name()) + 1 : 1;
			Migration migration = Migration.of(new MigrationKey(app, MigrationNamer.name(number, "adopt_drift")),
					(leaf != null) ? List.of(leaf) : List.of(),
					List.of(new SeparateDatabaseAndState(List.of(), operations)), false);
			writer.write(migration, root);
			out.println("Migrations for '" + app + "':");
			out.println("  " + PathDisplay.of(root.resolve(MigrationWriter.relativePath(migration.key()))));
			operations.forEach((operation) -> out.println("    " + operation.formattedDescription() + " (state only)"));
		});
		List<String> changes = adoption.modelChanges();
		if (!changes.isEmpty()) {
			out.println("Change the models the same way, or the next makemigrations undoes this:");
			changes.forEach((line) -> out.println("  " + line));
		}
		if (adoption.leftOver().isEmpty()) {
			return 0;
		}
		out.println("Not written (the state cannot say it; each line says what to do):");
		adoption.leftOver()
			.forEach((notWritten) -> out.println("  " + notWritten.difference().describe() + ": " + notWritten.reason()));
		return 1;
	}

	/**
	 * Return the differences between the applied migrations' schema and the database.
	 * @param ignoredTables tables never reported as unexpected, besides the engine's own
	 * @return the differences, grouped by app
	 */
	public List<Difference> differences(Set<String> ignoredTables) {
		return find(ignoredTables).differences();
	}

	private Set<String> ignored(Set<String> ignoredTables) {
		String history = this.context.configuration().historyTable();
		Set<String> ignored = new TreeSet<>(ignoredTables);
		ignored.addAll(List.of(history, ProgressRecorder.tableName(history), history + "_lock"));
		ignored.addAll(OTHER_TOOLS_TABLES);
		return ignored;
	}

	private Found find(Set<String> ignoredTables) {
		Set<String> ignored = ignored(ignoredTables);
		return this.context.withConnection("drift", (connection, recorder) -> {
			MigrationLoader loader = this.context.loader(recorder.appliedMigrations().keySet());
			ProjectState state = AppliedState.of(loader.graph(), loader.appliedMigrations());
			return new Found(loader, state, new DriftDetector(ignored).detect(connection, state));
		});
	}

	private record Found(MigrationLoader loader, ProjectState state, List<Difference> differences) {
	}

	/**
	 * Group differences by app, apps sorted, tables of no app last under {@link #NO_APP}.
	 * @param differences the differences
	 * @return the differences per app
	 */
	public static Map<String, List<Difference>> byApp(List<Difference> differences) {
		Map<String, List<Difference>> byApp = new LinkedHashMap<>();
		differences.stream()
			.filter((difference) -> difference.app() != null)
			.forEach((difference) -> byApp.computeIfAbsent(Objects.requireNonNull(difference.app()),
					(key) -> new ArrayList<>()).add(difference));
		differences.stream()
			.filter((difference) -> difference.app() == null)
			.forEach((difference) -> byApp.computeIfAbsent(NO_APP, (key) -> new ArrayList<>()).add(difference));
		return byApp;
	}

	private Set<String> knownApps() {
		return this.context.knownApps(this.context.declaredModels(), this.context.loader(null));
	}

}
