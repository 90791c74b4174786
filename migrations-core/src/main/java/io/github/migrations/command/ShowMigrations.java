package io.github.migrations.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.migrations.AppStatus;
import io.github.migrations.ChecksumState;
import io.github.migrations.MigrationStatus;
import io.github.migrations.UnknownAppException;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.recorder.AppliedMigration;
import org.jspecify.annotations.Nullable;

/**
 * {@code showmigrations}: list each app's migrations with {@code [X]} for applied, or the whole
 * plan with {@code --plan}. Does not check consistency, as Django.
 *
 * @since 0.1
 */
public final class ShowMigrations {

	private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private final CommandContext context;

	public ShowMigrations(CommandContext context) {
		this.context = context;
	}

	/**
	 * Options of showmigrations.
	 *
	 * @param apps the apps to show; empty for all
	 * @param plan show the plan instead of the list
	 * @param drift also compare the database with the schema of the applied migrations and print
	 * a one-line notice when they differ (reads the schema's metadata: about 3 ms per table)
	 */
	public record Options(Set<String> apps, boolean plan, boolean drift) {

		public Options {
			apps = Set.copyOf(apps);
		}

		/**
		 * Options without the drift notice.
		 * @param apps the apps to show; empty for all
		 * @param plan show the plan instead of the list
		 */
		public Options(Set<String> apps, boolean plan) {
			this(apps, plan, false);
		}

	}

	/**
	 * Run the command.
	 * @param options the options
	 * @return the exit code
	 */
	public int run(Options options) {
		int code = list(options);
		if (options.drift()) {
			printDriftNotice(options.apps());
		}
		return code;
	}

	private int list(Options options) {
		return this.context.withConnection("showmigrations", (connection, recorder) -> {
			Map<MigrationKey, AppliedMigration> recorded = recorder.appliedMigrations();
			MigrationLoader loader = this.context.loader(recorded.keySet());
			Set<MigrationKey> applied = loader.appliedMigrations();
			if (options.plan()) {
				printPlan(loader, applied, options.apps());
				return 0;
			}
			List<String> apps = new ArrayList<>(options.apps().isEmpty() ? loader.migratedApps() : new TreeSet<>(options.apps()));
			Set<String> known = options.apps().isEmpty() ? Set.of() : this.context.knownApps(this.context.declaredModels(), loader);
			for (String app : options.apps()) {
				if (!known.contains(app)) {
					throw new UnknownAppException("No installed app with label '" + app + "'.");
				}
			}
			for (AppStatus status : status(loader, recorded, apps)) {
				printApp(loader, status);
			}
			return 0;
		});
	}

	private void printDriftNotice(Set<String> apps) {
		Set<String> differing = new LinkedHashSet<>(ShowDrift.byApp(new ShowDrift(this.context).differences(Set.of())).keySet());
		if (!apps.isEmpty()) {
			differing.retainAll(apps);
		}
		if (!differing.isEmpty()) {
			this.context.output()
				.println("Note: the database differs from the schema of the applied migrations (" + String.join(", ", differing)
						+ "); run 'drift' to see how.");
		}
	}

	private void printApp(MigrationLoader loader, AppStatus status) {
		CommandOutput out = this.context.output();
		out.println(status.app());
		if (status.migrations().isEmpty()) {
			out.println(" (no migrations)");
		}
		for (MigrationStatus migration : status.migrations()) {
			Migration node = loader.graph().migration(new MigrationKey(status.app(), migration.name()));
			String title = node.replaces().isEmpty() ? migration.name()
					: migration.name() + " (" + node.replaces().size() + " squashed migrations)";
			String suffix = (migration.applied() && out.verbosity() >= 2 && migration.appliedAt() != null)
					? " (applied at " + APPLIED_AT.format(migration.appliedAt()) + ")" : "";
			out.println(" [" + (migration.applied() ? "X" : " ") + "] " + title + suffix);
		}
	}

	/**
	 * Return each app's migrations in plan order with their applied state.
	 * @param loader the loader (built with the applied migrations)
	 * @param recorded the history rows
	 * @param apps the apps to report
	 * @return the status per app
	 */
	public static List<AppStatus> status(MigrationLoader loader, Map<MigrationKey, AppliedMigration> recorded,
			List<String> apps) {
		Set<MigrationKey> applied = loader.appliedMigrations();
		List<AppStatus> result = new ArrayList<>();
		for (String app : apps) {
			Set<MigrationKey> shown = new LinkedHashSet<>();
			for (MigrationKey leaf : loader.graph().leafNodes(app)) {
				for (MigrationKey key : loader.graph().forwardsPlan(leaf)) {
					if (key.app().equals(app)) {
						shown.add(key);
					}
				}
			}
			List<MigrationStatus> migrations = new ArrayList<>();
			for (MigrationKey key : shown) {
				AppliedMigration row = recorded.get(key);
				String checksum = loader.graph().migration(key).checksum();
				boolean isApplied = applied.contains(key);
				migrations.add(new MigrationStatus(key.name(), isApplied, (row != null) ? row.appliedAt() : null,
						checksum, isApplied ? checksumState(row, checksum) : null));
			}
			result.add(new AppStatus(app, migrations));
		}
		return result;
	}

	private static ChecksumState checksumState(@Nullable AppliedMigration row, @Nullable String checksum) {
		if (row == null || row.checksum() == null || checksum == null) {
			return ChecksumState.NOT_RECORDED;
		}
		return row.checksum().equals(checksum) ? ChecksumState.OK : ChecksumState.CHANGED;
	}

	/**
	 * Return the migrations the history records but no file has any more (and no squash on disk
	 * replaces), per app, in the order they were recorded.
	 * @param loader the loader
	 * @param recorded the history rows
	 * @return the missing migrations per app, apps sorted
	 */
	public static Map<String, List<MigrationStatus>> missingFiles(MigrationLoader loader,
			Map<MigrationKey, AppliedMigration> recorded) {
		Set<MigrationKey> replaced = new HashSet<>();
		loader.diskMigrations().values().forEach((migration) -> replaced.addAll(migration.replaces()));
		Map<String, List<MigrationStatus>> missing = new TreeMap<>();
		for (AppliedMigration row : recorded.values()) {
			MigrationKey key = row.key();
			if (!loader.diskMigrations().containsKey(key) && !replaced.contains(key)) {
				missing.computeIfAbsent(key.app(), (app) -> new ArrayList<>())
					.add(new MigrationStatus(key.name(), true, row.appliedAt(), null, ChecksumState.FILE_MISSING));
			}
		}
		return missing;
	}

	private void printPlan(MigrationLoader loader, Set<MigrationKey> applied, Set<String> apps) {
		CommandOutput out = this.context.output();
		Set<MigrationKey> seen = new LinkedHashSet<>();
		List<MigrationKey> leaves = apps.isEmpty() ? loader.graph().leafNodes()
				: loader.graph().leafNodes().stream().filter((leaf) -> apps.contains(leaf.app())).toList();
		for (MigrationKey leaf : leaves) {
			seen.addAll(loader.graph().forwardsPlan(leaf));
		}
		if (seen.isEmpty()) {
			out.println("(no migrations)");
		}
		for (MigrationKey key : seen) {
			String deps = "";
			if (out.verbosity() >= 2) {
				List<String> parents = loader.graph().parents(key).stream().sorted().map(MigrationKey::toString).toList();
				deps = parents.isEmpty() ? "" : " ... (" + String.join(", ", parents) + ")";
			}
			out.println("[" + (applied.contains(key) ? "X" : " ") + "]  " + key + deps);
		}
	}

}
