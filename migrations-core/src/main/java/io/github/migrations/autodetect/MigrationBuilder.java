package io.github.migrations.autodetect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.migrations.CommandException;
import io.github.migrations.autodetect.GeneratedOperations.Generated;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.Operation;
import io.github.migrations.optimize.MigrationOptimizer;
import org.jspecify.annotations.Nullable;

/**
 * Cuts the sorted operations of every app into migrations, as Django's
 * {@code _build_migration_list}, {@code _optimize_migrations} and {@code arrange_for_graph}: an
 * app's operations are taken from the front while what they need in other apps is already in a
 * migration; when no app can progress, the first blocked one is cut there ("chop mode"), which is
 * how foreign keys between apps that reference each other end up in two migrations of one app.
 */
final class MigrationBuilder {

	private final Map<String, List<Generated>> operations;

	private final Function<String, @Nullable MigrationKey> leafOf;

	private final Set<String> existingApps;

	private final Map<String, List<Draft>> migrations = new TreeMap<>();

	/**
	 * @param operations the sorted operations per app
	 * @param leafOf the current leaf of an app, or {@code null} when it has none
	 * @param existingApps the apps that have models in the migrations' state
	 */
	MigrationBuilder(Map<String, List<Generated>> operations, Function<String, @Nullable MigrationKey> leafOf,
			Set<String> existingApps) {
		this.operations = new TreeMap<>();
		operations.forEach((app, list) -> this.operations.put(app, new ArrayList<>(list)));
		this.leafOf = leafOf;
		this.existingApps = existingApps;
	}

	/**
	 * Build the migrations, optimize them and give them their final names.
	 * @param migrationName a name fragment given by the user, or {@code null}
	 * @param now the local time, for automatic names
	 * @return the new migrations per app, in order
	 */
	Map<String, List<Migration>> build(@Nullable String migrationName, LocalDateTime now) {
		chop();
		return arrange(migrationName, now);
	}

	private void chop() {
		int remaining = remaining();
		boolean chopMode = false;
		while (remaining > 0) {
			for (String app : this.operations.keySet()) {
				List<Generated> list = this.operations.get(app);
				List<Generated> chopped = new ArrayList<>();
				Set<MigrationKey> dependencies = new LinkedHashSet<>();
				while (!list.isEmpty()) {
					Set<MigrationKey> needed = satisfiedDependencies(app, list.get(0), chopMode);
					if (needed == null) {
						break;
					}
					chopped.add(list.remove(0));
					dependencies.addAll(needed);
				}
				if (chopped.isEmpty() && dependencies.isEmpty()) {
					continue;
				}
				if (list.isEmpty() || chopMode) {
					List<Draft> drafts = this.migrations.computeIfAbsent(app, (key) -> new ArrayList<>());
					String name = "auto_" + (drafts.size() + 1);
					drafts.add(new Draft(name, dependencies, chopped.stream().map(Generated::operation).toList()));
					chopMode = false;
				}
				else {
					list.addAll(0, chopped);
				}
			}
			int now = remaining();
			if (now == remaining) {
				if (chopMode) {
					throw new CommandException("Cannot resolve operation dependencies: " + this.operations);
				}
				chopMode = true;
			}
			remaining = now;
		}
	}

	/**
	 * Return the migrations an operation needs in other apps, or {@code null} when one of them is
	 * not written yet.
	 */
	private @Nullable Set<MigrationKey> satisfiedDependencies(String app, Generated operation, boolean chopMode) {
		Set<MigrationKey> needed = new LinkedHashSet<>();
		for (OperationDependency dependency : operation.dependencies()) {
			if (dependency.app().equals(app)) {
				continue;
			}
			for (Generated other : this.operations.getOrDefault(dependency.app(), List.of())) {
				if (dependency.isSatisfiedBy(other.operation())) {
					return null;
				}
			}
			List<Draft> written = this.migrations.get(dependency.app());
			if (written != null) {
				needed.add(new MigrationKey(dependency.app(), written.get(written.size() - 1).name));
			}
			else if (chopMode) {
				MigrationKey leaf = this.leafOf.apply(dependency.app());
				needed.add((leaf != null) ? leaf : new MigrationKey(dependency.app(), MigrationKey.FIRST));
			}
			else {
				return null;
			}
		}
		return needed;
	}

	private int remaining() {
		return this.operations.values().stream().mapToInt(List::size).sum();
	}

	private Map<String, List<Migration>> arrange(@Nullable String migrationName, LocalDateTime now) {
		Map<MigrationKey, MigrationKey> names = new LinkedHashMap<>();
		Map<String, List<Draft>> named = new TreeMap<>();
		for (Map.Entry<String, List<Draft>> entry : this.migrations.entrySet()) {
			String app = entry.getKey();
			MigrationKey leaf = this.leafOf.apply(app);
			int number = (leaf != null) ? MigrationNamer.parseNumber(leaf.name()) + 1 : 1;
			boolean initial = !this.existingApps.contains(app);
			List<Draft> drafts = new ArrayList<>();
			Draft previous = null;
			for (Draft draft : entry.getValue()) {
				Set<MigrationKey> dependencies = new LinkedHashSet<>(draft.dependencies);
				if (previous != null) {
					dependencies.add(new MigrationKey(app, previous.name));
				}
				else if (leaf != null) {
					dependencies.add(leaf);
				}
				List<Operation> optimized = MigrationOptimizer.optimize(draft.operations, app);
				String fragment;
				if (migrationName != null) {
					fragment = migrationName;
				}
				else if (previous == null && leaf == null) {
					fragment = "initial";
				}
				else {
					fragment = MigrationNamer.suggestName(optimized, initial, now);
				}
				String name = MigrationNamer.name(number++, fragment);
				names.put(new MigrationKey(app, draft.name), new MigrationKey(app, name));
				previous = draft;
				drafts.add(new Draft(name, dependencies, optimized));
			}
			named.put(app, drafts);
		}
		Map<String, List<Migration>> result = new TreeMap<>();
		named.forEach((app, drafts) -> {
			boolean initial = !this.existingApps.contains(app);
			List<Migration> list = new ArrayList<>();
			for (Draft draft : drafts) {
				Set<MigrationKey> dependencies = new TreeSet<>();
				draft.dependencies.forEach((dependency) -> dependencies.add(names.getOrDefault(dependency, dependency)));
				list.add(Migration.of(new MigrationKey(app, draft.name), List.copyOf(dependencies), draft.operations,
						initial));
			}
			result.put(app, list);
		});
		return result;
	}

	private record Draft(String name, Set<MigrationKey> dependencies, List<Operation> operations) {
	}

}
