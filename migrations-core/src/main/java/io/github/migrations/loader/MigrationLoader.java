package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.migrations.BadMigrationException;
import io.github.migrations.CommandException;
import io.github.migrations.InconsistentMigrationHistoryException;
import io.github.migrations.NodeNotFoundException;
import io.github.migrations.graph.MigrationGraph;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Loads migration files and builds the {@link MigrationGraph}, as Django's
 * {@code MigrationLoader}: a node per file, same-app dependencies first, then cross-app ones
 * ({@code __first__} meaning an app's root, {@code __latest__} its leaf), then squashed
 * migrations used in place of the ones they replace when all or none of those are applied, and
 * finally checks that no dependency is missing and that there is no cycle.
 * <p>
 * Instances are immutable once loaded.
 *
 * @since 0.1
 */
public final class MigrationLoader {

	private final Map<MigrationKey, Migration> diskMigrations;

	private final Map<MigrationKey, Migration> replacements;

	private final SortedSet<String> migratedApps;

	private final SortedSet<MigrationKey> appliedMigrations;

	private final MigrationGraph graph;

	/** The state at the leaves, computed once (states are immutable). */
	private volatile @Nullable ProjectState projectState;

	private MigrationLoader(Map<MigrationKey, Migration> diskMigrations, @Nullable Set<MigrationKey> applied,
			boolean replaceMigrations) {
		this.diskMigrations = Collections.unmodifiableMap(diskMigrations);
		// loops rather than lambdas: this is on the path of a fresh JVM's first call (a restart,
		// makemigrations --check), where each lambda costs a bootstrap
		SortedSet<String> apps = new TreeSet<>();
		for (MigrationKey key : diskMigrations.keySet()) {
			apps.add(key.app());
		}
		this.migratedApps = Collections.unmodifiableSortedSet(apps);
		Map<MigrationKey, Migration> replacing = new LinkedHashMap<>();
		this.graph = new MigrationGraph();
		for (Map.Entry<MigrationKey, Migration> entry : diskMigrations.entrySet()) {
			this.graph.addNode(entry.getKey(), entry.getValue());
			if (!entry.getValue().replaces().isEmpty()) {
				replacing.put(entry.getKey(), entry.getValue());
			}
		}
		this.replacements = Collections.unmodifiableMap(replacing);
		for (Map.Entry<MigrationKey, Migration> entry : diskMigrations.entrySet()) {
			addInternalDependencies(entry.getKey(), entry.getValue());
		}
		for (Map.Entry<MigrationKey, Migration> entry : diskMigrations.entrySet()) {
			addExternalDependencies(entry.getKey(), entry.getValue());
		}
		SortedSet<MigrationKey> appliedKeys = new TreeSet<>((applied != null) ? applied : Set.of());
		if (replaceMigrations) {
			for (Map.Entry<MigrationKey, Migration> entry : replacing.entrySet()) {
				List<MigrationKey> replaced = entry.getValue().replaces();
				boolean all = appliedKeys.containsAll(replaced);
				boolean none = replaced.stream().noneMatch(appliedKeys::contains);
				if (all) {
					appliedKeys.add(entry.getKey());
				}
				else {
					appliedKeys.remove(entry.getKey());
				}
				if (all || none) {
					this.graph.removeReplacedNodes(entry.getKey(), replaced);
				}
				else {
					this.graph.removeReplacementNode(entry.getKey(), replaced);
				}
			}
		}
		this.appliedMigrations = Collections.unmodifiableSortedSet(appliedKeys);
		validate();
		this.graph.ensureNotCyclic();
		this.graph.freeze();
	}

	/**
	 * Load every migration file of a source and build the graph, using squashed migrations where
	 * possible.
	 * @param source where the files come from
	 * @param applied the migrations recorded as applied, or {@code null} when there is no
	 * database (then squashed migrations are always used, as Django's loader without a connection)
	 * @return the loader
	 * @throws BadMigrationException if a file cannot be read or two files claim the same migration
	 * @throws NodeNotFoundException if a dependency names a missing migration or unknown app
	 * @throws io.github.migrations.CircularDependencyException if the dependencies form a cycle
	 */
	public static MigrationLoader load(MigrationSource source, @Nullable Set<MigrationKey> applied) {
		return load(source, applied, true);
	}

	/**
	 * Load every migration file of a source and build the graph.
	 * @param source where the files come from
	 * @param applied the migrations recorded as applied, or {@code null} when there is no database
	 * @param replaceMigrations whether to use squashed migrations in place of the ones they replace
	 * (Django's {@code replace_migrations}); {@code false} keeps both in the graph
	 * @return the loader
	 */
	public static MigrationLoader load(MigrationSource source, @Nullable Set<MigrationKey> applied,
			boolean replaceMigrations) {
		return load(source, applied, replaceMigrations, false);
	}

	/**
	 * Load every migration file of a source as {@link #load(MigrationSource, Set)} does, parsing
	 * the files on two threads where more than one processor is available: what {@code migrate}
	 * does when it must parse every file before it applies anything. The loader, and what is
	 * thrown for a bad file, are those of {@link #load(MigrationSource, Set)}: the first bad file
	 * in order.
	 * @param source where the files come from
	 * @param applied the migrations recorded as applied
	 * @return the loader
	 */
	public static MigrationLoader loadOnTwoThreads(MigrationSource source, @Nullable Set<MigrationKey> applied) {
		return load(source, applied, true, true, true);
	}

	/**
	 * Load every migration file of a source as {@link #load(MigrationSource, Set) load(source,
	 * null)} does, without a database, but without computing the files' checksums: every
	 * migration's {@link Migration#checksum()} is {@code null}. For callers that only compare
	 * the migrations' state with the models ({@code makemigrations}, the unmigrated changes): a
	 * checksum is only ever compared with a database's history, and in a fresh JVM hashing a
	 * thousand files was a sixth of reading them.
	 * @param source where the files come from
	 * @return the loader
	 */
	public static MigrationLoader loadWithoutChecksums(MigrationSource source) {
		return load(source, null, true, false, false);
	}

	private static MigrationLoader load(MigrationSource source, @Nullable Set<MigrationKey> applied,
			boolean replaceMigrations, boolean twoThreads) {
		return load(source, applied, replaceMigrations, twoThreads, true);
	}

	private static MigrationLoader load(MigrationSource source, @Nullable Set<MigrationKey> applied,
			boolean replaceMigrations, boolean twoThreads, boolean checksums) {
		Map<MigrationKey, Migration> migrations = new TreeMap<>();
		List<MigrationResource> resources = source.list();
		TwoThreadParse parsed = TwoThreadParse.parse(resources, twoThreads, checksums);
		for (int i = 0; i < resources.size(); i++) {
			Migration migration = parsed.get(i);
			Migration previous = migrations.put(migration.key(), migration);
			if (previous != null) {
				throw duplicate(migration.key(), previous, migration);
			}
		}
		return new MigrationLoader(migrations, applied, replaceMigrations);
	}

	/**
	 * Build the graph without parsing operations when every migration file is recorded as
	 * applied with the checksum it has now (a restart with nothing to do): each file is read and
	 * its checksum computed, and, when it has the layout {@code makemigrations} writes, only its
	 * dependencies and replaces are read (see {@link MigrationHeaders}). The graph, and every
	 * check made on it, is then the one {@link #load} gives; the migrations have no operations,
	 * so the loader can plan but not run anything.
	 * @param source where the files come from
	 * @param recordedChecksums the checksum recorded for each applied migration ({@code null}
	 * for a row without one)
	 * @return the loader, or {@code null} when a file is not recorded, was changed since it was
	 * applied, has no recorded checksum, or is laid out otherwise: then {@link #load} is needed
	 */
	public static @Nullable MigrationLoader loadIfUnchanged(MigrationSource source,
			Map<MigrationKey, @Nullable String> recordedChecksums) {
		return loadIfUnchanged(FileHeaders.read(source), recordedChecksums);
	}

	/**
	 * Build the graph without parsing operations from files read beforehand, as
	 * {@link #loadIfUnchanged(MigrationSource, Map)} does.
	 * @param headers the files' keys, checksums and headers
	 * @param recordedChecksums the checksum recorded for each applied migration ({@code null}
	 * for a row without one)
	 * @return the loader, or {@code null} when a file is not recorded, was changed since it was
	 * applied, has no recorded checksum, or is laid out otherwise: then {@link #load} is needed
	 */
	public static @Nullable MigrationLoader loadIfUnchanged(FileHeaders headers,
			Map<MigrationKey, @Nullable String> recordedChecksums) {
		Map<MigrationKey, Migration> migrations = new TreeMap<>();
		for (FileHeaders.Entry file : headers.files()) {
			String recorded = recordedChecksums.get(file.key());
			if (recorded == null || migrations.containsKey(file.key()) || !file.checksum().equals(recorded)
					|| file.header() == null) {
				return null;
			}
			migrations.put(file.key(), file.header());
		}
		MigrationLoader graphed = headers.graph();
		if (graphed != null) {
			return new MigrationLoader(graphed, recordedChecksums.keySet());
		}
		return new MigrationLoader(migrations, recordedChecksums.keySet(), true);
	}

	/**
	 * Build the graph of files read beforehand as {@link #loadIfUnchanged(FileHeaders, Map)}
	 * would, before the history is known, so that it can be built on the thread that reads the
	 * files: possible when no migration replaces others (otherwise the graph depends on which are
	 * applied). Any failure is left to {@link #loadIfUnchanged(FileHeaders, Map)}, which builds
	 * the graph again and throws it in its usual order.
	 * @param files the files' keys, checksums and headers
	 * @return the loader, every file taken as applied, or {@code null} when a header is missing,
	 * a migration is defined twice or replaces others, or the graph is invalid
	 */
	static @Nullable MigrationLoader graphOfHeaders(List<FileHeaders.Entry> files) {
		Map<MigrationKey, Migration> migrations = new TreeMap<>();
		for (FileHeaders.Entry file : files) {
			Migration header = file.header();
			if (header == null || !header.replaces().isEmpty() || migrations.put(file.key(), header) != null) {
				return null;
			}
		}
		try {
			return new MigrationLoader(migrations, migrations.keySet(), true);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The same files and graph as a loader without squashed migrations, with other applied
	 * migrations (the graph of such a loader does not depend on them).
	 */
	private MigrationLoader(MigrationLoader graphed, Set<MigrationKey> applied) {
		if (!graphed.replacements.isEmpty()) {
			throw new IllegalArgumentException("The graph of squashed migrations depends on the applied ones");
		}
		this.diskMigrations = graphed.diskMigrations;
		this.replacements = graphed.replacements;
		this.migratedApps = graphed.migratedApps;
		this.graph = graphed.graph;
		this.appliedMigrations = Collections.unmodifiableSortedSet(new TreeSet<>(applied));
	}

	/**
	 * Build the graph from migrations already in memory (for tests and tools).
	 * @param migrations the migrations
	 * @param applied the migrations recorded as applied, or {@code null} when there is no database
	 * @param replaceMigrations whether to use squashed migrations in place of the ones they replace
	 * @return the loader
	 */
	public static MigrationLoader of(Collection<Migration> migrations, @Nullable Set<MigrationKey> applied,
			boolean replaceMigrations) {
		Map<MigrationKey, Migration> byKey = new TreeMap<>();
		for (Migration migration : migrations) {
			Migration previous = byKey.put(migration.key(), migration);
			if (previous != null) {
				throw duplicate(migration.key(), previous, migration);
			}
		}
		return new MigrationLoader(byKey, applied, replaceMigrations);
	}

	private static BadMigrationException duplicate(MigrationKey key, Migration first, Migration second) {
		return new BadMigrationException("Migration " + key + " is defined twice: in " + first.source() + " and in "
				+ second.source() + ". Remove or rename one of the files.");
	}

	private void addInternalDependencies(MigrationKey key, Migration migration) {
		for (MigrationKey parent : migration.dependencies()) {
			if (parent.app().equals(key.app()) && !MigrationKey.FIRST.equals(parent.name())) {
				this.graph.addDependency(key, key, parent);
			}
		}
	}

	private void addExternalDependencies(MigrationKey key, Migration migration) {
		for (MigrationKey parent : migration.dependencies()) {
			if (parent.app().equals(key.app())) {
				continue;
			}
			MigrationKey resolved = checkKey(parent, key);
			if (resolved != null) {
				this.graph.addDependency(key, key, resolved);
			}
		}
	}

	private @Nullable MigrationKey checkKey(MigrationKey key, MigrationKey origin) {
		boolean special = MigrationKey.FIRST.equals(key.name()) || MigrationKey.LATEST.equals(key.name());
		if (!special || this.graph.contains(key)) {
			return key;
		}
		if (key.app().equals(origin.app())) {
			return null;
		}
		if (this.migratedApps.contains(key.app())) {
			List<MigrationKey> candidates = MigrationKey.FIRST.equals(key.name()) ? this.graph.rootNodes(key.app())
					: this.graph.leafNodes(key.app());
			if (candidates.isEmpty()) {
				throw new NodeNotFoundException("Dependency on app with no migrations: " + key.app(), key, origin);
			}
			return candidates.get(0);
		}
		throw new NodeNotFoundException("Dependency on unknown app: " + key.app(), key, origin);
	}

	private void validate() {
		try {
			this.graph.validateConsistency();
		}
		catch (NodeNotFoundException ex) {
			Map<MigrationKey, Set<MigrationKey>> reverse = new HashMap<>();
			this.replacements.forEach((key, migration) -> migration.replaces()
				.forEach((replaced) -> reverse.computeIfAbsent(replaced, (k) -> new TreeSet<>()).add(key)));
			Set<MigrationKey> candidates = reverse.get(ex.node());
			if (candidates != null && candidates.stream().noneMatch(this.graph::contains)) {
				List<String> tries = candidates.stream().map(MigrationKey::toString).toList();
				MigrationKey node = ex.node();
				throw new NodeNotFoundException("Migration " + ex.origin() + " depends on nonexistent node "
						+ node.toTuple() + ". Django tried to replace migration " + node + " with any of ["
						+ String.join(", ", tries) + "] but wasn't able to because some of the replaced migrations "
						+ "are already applied.", node, ex.origin());
			}
			throw ex;
		}
	}

	/**
	 * Return the graph.
	 * @return the frozen migration graph
	 */
	public MigrationGraph graph() {
		return this.graph;
	}

	/**
	 * Return every migration read, including squashed and replaced ones, sorted by key.
	 * @return the migrations by key
	 */
	public Map<MigrationKey, Migration> diskMigrations() {
		return this.diskMigrations;
	}

	/**
	 * Return the squashed migrations (those with {@code replaces}), sorted by key.
	 * @return the replacing migrations by key
	 */
	public Map<MigrationKey, Migration> replacements() {
		return this.replacements;
	}

	/**
	 * Return the apps that have at least one migration file, sorted.
	 * @return the app labels
	 */
	public Set<String> migratedApps() {
		return this.migratedApps;
	}

	/**
	 * Return the migrations to treat as applied (Django's {@code applied_migrations} after
	 * loading): those given to the loader, plus each squash whose replaced migrations are all
	 * applied, minus each squash for which that is not so.
	 * @return the applied migrations, sorted
	 */
	public Set<MigrationKey> appliedMigrations() {
		return this.appliedMigrations;
	}

	/**
	 * Return the apps that have more than one leaf migration, with their leaves' names sorted.
	 * @return the conflicts by app, sorted by app; empty when there are none
	 */
	public Map<String, List<String>> detectConflicts() {
		SortedMap<String, List<String>> leaves = new TreeMap<>();
		for (MigrationKey leaf : this.graph.leafNodes()) {
			List<String> names = leaves.get(leaf.app());
			if (names == null) {
				names = new ArrayList<>();
				leaves.put(leaf.app(), names);
			}
			names.add(leaf.name());
		}
		SortedMap<String, List<String>> conflicts = new TreeMap<>();
		for (Map.Entry<String, List<String>> entry : leaves.entrySet()) {
			if (entry.getValue().size() >= 2) {
				Collections.sort(entry.getValue());
				conflicts.put(entry.getKey(), entry.getValue());
			}
		}
		return Collections.unmodifiableSortedMap(conflicts);
	}

	/**
	 * Check that no applied migration has an unapplied dependency. Applied migrations unknown to
	 * the graph are ignored, and so is an unapplied squash whose replaced migrations are all
	 * applied.
	 * @param applied the migrations recorded as applied in the database
	 * @param databaseName the name of the database, for the message
	 * @throws InconsistentMigrationHistoryException for the first migration applied before one of
	 * its dependencies
	 */
	public void checkConsistentHistory(Set<MigrationKey> applied, String databaseName) {
		for (MigrationKey migration : new TreeSet<>(applied)) {
			if (!this.graph.contains(migration)) {
				continue;
			}
			for (MigrationKey parent : this.graph.parents(migration)) {
				if (applied.contains(parent)) {
					continue;
				}
				Migration squash = this.replacements.get(parent);
				if (squash != null && applied.containsAll(squash.replaces())) {
					continue;
				}
				throw new InconsistentMigrationHistoryException("Migration " + migration
						+ " is applied before its dependency " + parent + " on database '" + databaseName + "'.");
			}
		}
	}

	/**
	 * Return the project state at the end of every leaf: what the migrations say the schema is.
	 * @return the state
	 */
	public ProjectState projectState() {
		ProjectState state = this.projectState;
		if (state == null) {
			state = this.graph.makeState(this.graph.leafNodes(), true);
			this.projectState = state;
		}
		return state;
	}

	/**
	 * Return the project state after (or just before) a migration.
	 * @param node the migration
	 * @param atEnd {@code true} for the state after it, {@code false} for the state before it
	 * @return the state
	 */
	public ProjectState projectState(MigrationKey node, boolean atEnd) {
		return this.graph.makeState(List.of(node), atEnd);
	}

	/**
	 * Return the migration of an app whose name is {@code prefix} or starts with it (Django's
	 * {@code get_migration_by_prefix}); an exact name wins over prefix matches.
	 * @param app the app label
	 * @param prefix the migration name or a prefix of it, for example {@code 0002}
	 * @return the migration
	 * @throws CommandException if none or more than one migration matches
	 */
	public Migration migrationByPrefix(String app, String prefix) {
		Migration exact = this.diskMigrations.get(new MigrationKey(app, prefix));
		if (exact != null) {
			return exact;
		}
		Set<MigrationKey> matches = new LinkedHashSet<>();
		for (MigrationKey key : this.diskMigrations.keySet()) {
			if (key.app().equals(app) && key.name().startsWith(prefix)) {
				matches.add(key);
			}
		}
		if (matches.size() > 1) {
			throw new CommandException("More than one migration matches '" + prefix + "' in app '" + app
					+ "'. Please be more specific.");
		}
		if (matches.isEmpty()) {
			throw new CommandException("Cannot find a migration matching '" + prefix + "' from app '" + app + "'.");
		}
		return this.diskMigrations.get(matches.iterator().next());
	}

}
