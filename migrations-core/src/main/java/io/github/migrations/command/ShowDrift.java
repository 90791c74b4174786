package io.github.migrations.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.migrations.UnknownAppException;
import io.github.migrations.drift.AppliedState;
import io.github.migrations.drift.Difference;
import io.github.migrations.drift.DriftDetector;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.recorder.ProgressRecorder;
import io.github.migrations.state.ProjectState;

/**
 * {@code drift}: compare the schema the applied migrations should have produced with the live
 * database and print the differences per app; exit status 1 when there are any. The engine's own
 * tables (history, progress, lock) are never reported.
 *
 * @since 0.1
 */
public final class ShowDrift {

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
	 */
	public record Options(Set<String> apps, Set<String> ignoredTables) {

		public Options {
			apps = Set.copyOf(apps);
			ignoredTables = Set.copyOf(ignoredTables);
		}

	}

	/**
	 * Run the command.
	 * @param options the options
	 * @return 0 without differences, 1 with
	 */
	public int run(Options options) {
		Map<String, List<Difference>> byApp = byApp(differences(options.ignoredTables()));
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
		return 1;
	}

	/**
	 * Return the differences between the applied migrations' schema and the database.
	 * @param ignoredTables tables never reported as unexpected, besides the engine's own
	 * @return the differences, grouped by app
	 */
	public List<Difference> differences(Set<String> ignoredTables) {
		String history = this.context.configuration().historyTable();
		Set<String> ignored = new TreeSet<>(ignoredTables);
		ignored.addAll(List.of(history, ProgressRecorder.tableName(history), history + "_lock"));
		return this.context.withConnection("drift", (connection, recorder) -> {
			MigrationLoader loader = this.context.loader(recorder.appliedMigrations().keySet());
			ProjectState state = AppliedState.of(loader.graph(), loader.appliedMigrations());
			return new DriftDetector(ignored).detect(connection, state);
		});
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
