package io.github.migrations.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import io.github.migrations.ChecksumMismatchException;
import io.github.migrations.CommandException;
import io.github.migrations.MigrateResult;
import io.github.migrations.autodetect.DetectingQuestioner;
import io.github.migrations.executor.MigrationExecutor;
import io.github.migrations.executor.MigrationListener;
import io.github.migrations.executor.PlanStep;
import io.github.migrations.executor.Target;
import io.github.migrations.lint.Finding;
import io.github.migrations.lint.LintMode;
import io.github.migrations.loader.FileHeaders;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.loader.MigrationSource;
import io.github.migrations.loader.ReadAhead;
import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.recorder.AppliedMigration;
import io.github.migrations.recorder.MigrationRecorder;
import io.github.migrations.recorder.ProgressRecorder;
import io.github.migrations.schema.Vendor;
import org.jspecify.annotations.Nullable;

/**
 * {@code migrate}: apply or unapply migrations to reach a target, under the migration lock.
 *
 * @since 0.1
 */
public final class Migrate {

	private final CommandContext context;

	public Migrate(CommandContext context) {
		this.context = context;
	}

	/**
	 * Options of migrate, as Django's.
	 *
	 * @param app the app to migrate, or {@code null} for all
	 * @param target a migration name (prefix) or {@code zero}, or {@code null} for the app's leaf
	 * @param plan print the plan and change nothing
	 * @param fake record or forget migrations without running them
	 * @param check exit 1 when the plan is not empty; change nothing
	 * @param fakeInitial record initial migrations as applied, without running them, when all
	 * their tables and columns already exist
	 */
	public record Options(@Nullable String app, @Nullable String target, boolean plan, boolean fake, boolean check,
			boolean fakeInitial) {

		public static Options all() {
			return new Options(null, null, false, false, false, false);
		}

	}

	/**
	 * Run migrate.
	 * @param options the options
	 * @return what was applied and unapplied
	 */
	public MigrateResult migrate(Options options) {
		return execute(options).result();
	}

	/**
	 * Run migrate and return the exit code.
	 * @param options the options
	 * @return 0, or 1 for {@code --check} with a non-empty plan
	 */
	public int run(Options options) {
		Outcome outcome = execute(options);
		return (options.check() && outcome.pending()) ? 1 : 0;
	}

	private Outcome execute(Options options) {
		// the files need no database: read them while connecting, locking and reading the history
		MigrationSource source = this.context.configuration().source();
		ReadAhead<FileHeaders> files = ReadAhead.start("migrations-read-ahead", new ReadHeaders(source));
		try {
			return this.context.withConnection("migrate", new Run(this, options, files));
		}
		finally {
			files.cancel();
		}
	}

	private Outcome execute(java.sql.Connection connection, MigrationRecorder recorder, Options options,
			ReadAhead<FileHeaders> files) {
		if (options.plan() || options.check()) {
			return run(connection, recorder, null, options, files);
		}
		try (MigrationLock lock = lock(this.context, connection);
				ProgressRecorder progress = progressRecorder(this.context)) {
			// without a progress table (no migration ever ran outside a transaction) no
			// connection of its own is opened to find no interrupted migration; the
			// history table is looked up in the same query
			progress.probeTables(connection, recorder);
			return run(connection, recorder, progress, options, files);
		}
	}

	private record Outcome(MigrateResult result, boolean pending) {
	}

	// The two steps below are classes, not lambdas, as is every step of a restart that applies
	// nothing: a lambda is a class spun on its first call, in a fresh JVM the costliest way to get
	// one, and one that Preinitialization cannot load ahead by name.

	/**
	 * Read the files' headers, on the read-ahead thread.
	 *
	 * @param source the files
	 */
	private record ReadHeaders(MigrationSource source) implements Callable<FileHeaders> {

		@Override
		public FileHeaders call() {
			return this.source.headers();
		}

	}

	/**
	 * Migrate on the connection {@link CommandContext#withConnection} opened.
	 *
	 * @param migrate the command
	 * @param options its options
	 * @param files the files' headers, being read
	 */
	private record Run(Migrate migrate, Options options, ReadAhead<FileHeaders> files)
			implements CommandContext.ConnectionWork<Outcome> {

		@Override
		public Outcome run(java.sql.Connection connection, MigrationRecorder recorder) {
			return this.migrate.execute(connection, recorder, this.options, this.files);
		}

	}

	/**
	 * Acquire the migration lock, telling the configured listeners how long it took. A session
	 * lock (PostgreSQL, MariaDB, MySQL) is taken on the migrating connection, so that a run opens
	 * no second connection for it.
	 * @param context the command context
	 * @param connection the connection the migrations run on
	 * @return the held lock; release it before closing the connection
	 */
	static MigrationLock lock(CommandContext context, java.sql.Connection connection) {
		MigrationListener listener = MigrationListener.of(context.configuration().listeners());
		long start = System.nanoTime();
		try {
			MigrationLock lock = MigrationLocks.acquire(context.dataSource("migrate"), connection,
					context.configuration().historyTable(), context.configuration().lockTimeout());
			listener.lockAcquired(Duration.ofNanos(System.nanoTime() - start));
			return lock;
		}
		catch (RuntimeException ex) {
			listener.lockFailed(Duration.ofNanos(System.nanoTime() - start), ex);
			throw ex;
		}
	}

	/**
	 * Open the record of how far migrations run outside a transaction got.
	 * @param context the command context
	 * @return the progress recorder
	 */
	static ProgressRecorder progressRecorder(CommandContext context) {
		return new ProgressRecorder(context.dataSource("migrate"), context.configuration().historyTable());
	}

	/**
	 * Load the migrations and refuse to go on when the history is inconsistent, an app has
	 * conflicting leaves, or (when validated) an applied file was changed.
	 * @param context the command context
	 * @param recorded the history rows
	 * @return the loader
	 */
	static MigrationLoader checkedLoader(CommandContext context, Map<MigrationKey, AppliedMigration> recorded) {
		// every file is parsed before anything is applied (a later broken file fails with nothing applied): on two
		// threads where there are two processors
		MigrationLoader loader = MigrationLoader.loadOnTwoThreads(context.configuration().source(), recorded.keySet());
		loader.checkConsistentHistory(recorded.keySet(), "default");
		CommandContext.checkConflicts(loader);
		if (context.configuration().validateChecksums()) {
			validateChecksums(loader, recorded);
		}
		return loader;
	}

	/**
	 * Return the listener the executor calls: the given one, then the configured ones.
	 * @param context the command context
	 * @param progress the command's own listener
	 * @return the listener
	 */
	static MigrationListener listener(CommandContext context, MigrationListener progress) {
		List<MigrationListener> listeners = new ArrayList<>();
		listeners.add(progress);
		listeners.addAll(context.configuration().listeners());
		return MigrationListener.of(listeners);
	}

	private Outcome run(java.sql.Connection connection, MigrationRecorder recorder, @Nullable ProgressRecorder progress,
			Options options, ReadAhead<FileHeaders> files) {
		// a restart with every file applied and unchanged reads no operations (see
		// MigrationLoader.loadIfUnchanged) and only the history's checksums; it is checked as a full
		// load is, and the full load follows as soon as anything is to be run, printed or compared
		// with the models
		Map<MigrationKey, @Nullable String> checksums = recorder.appliedChecksums();
		MigrationLoader unchanged = MigrationLoader.loadIfUnchanged(files.get(), checksums);
		if (unchanged != null) {
			unchanged.checkConsistentHistory(checksums.keySet(), "default");
			CommandContext.checkConflicts(unchanged);
			Outcome outcome = run(connection, recorder, progress, options, unchanged, false);
			if (outcome != null) {
				return outcome;
			}
		}
		Map<MigrationKey, AppliedMigration> recorded = checksums.isEmpty() ? Map.of() : recorder.appliedMigrations();
		return run(connection, recorder, progress, options, checkedLoader(this.context, recorded), true);
	}

	/**
	 * Plan and run; with a loader that has no operations ({@code complete} false), return
	 * {@code null} instead of doing anything that needs them.
	 */
	private @Nullable Outcome run(java.sql.Connection connection, MigrationRecorder recorder,
			@Nullable ProgressRecorder progress, Options options, MigrationLoader loader, boolean complete) {
		CommandOutput out = this.context.output();
		Set<MigrationKey> applied = loader.appliedMigrations();
		MigrationExecutor executor = new MigrationExecutor(connection, loader.graph(), applied, recorder,
				listener(this.context, new ProgressPrinter(out)), progress);
		List<Target> targets = targets(loader, executor, options);
		List<PlanStep> plan = executor.migrationPlan(targets, false);
		boolean notice = out.verbosity() > 0 && hasModels();
		if (!complete && (!plan.isEmpty() || (notice && !options.plan() && !options.check()))) {
			return null;
		}
		Outcome nothing = new Outcome(new MigrateResult(List.of(), List.of()), !plan.isEmpty());
		LintMode lint = this.context.configuration().lint();
		if (options.plan()) {
			printPlan(plan, PlanLint.lint(connection, executor, plan, lint).findings());
			return nothing;
		}
		if (options.check()) {
			return nothing;
		}
		if (progress != null && !recorder.hasTable()) {
			// a fresh database: nothing ran here yet, so no run can have been interrupted
			progress.historyMissing();
		}
		executor.checkInterrupted(plan, options.fake());
		PlanLint.Linted linted = options.fake() ? new PlanLint.Linted(List.of(), Map.of())
				: PlanLint.lint(connection, executor, plan, lint);
		List<Finding> findings = linted.findings();
		if (!findings.isEmpty()) {
			Vendor vendor = PlanLint.vendor(connection);
			PlanLint.refuseBlocking(findings, lint, vendor);
			printFindings(findings, vendor);
		}
		printHeader(options, targets);
		out.println("Running migrations:");
		if (plan.isEmpty()) {
			out.println("  No migrations to apply.");
			// the notice costs reading the models and detecting changes: skip it when nothing is printed
			Set<String> changed = notice ? unmigratedApps(loader) : Set.of();
			if (!changed.isEmpty()) {
				out.println("  Your models in app(s): " + String.join(", ", changed.stream().map((a) -> "'" + a + "'").toList())
						+ " have changes that are not yet reflected in a migration, and so won't be applied.");
				out.println("  Run 'makemigrations' to make new migrations, and then re-run 'migrate' to apply them.");
			}
			return nothing;
		}
		boolean backwards = plan.get(0).backwards();
		if (backwards) {
			out.println("  Rendering model states... DONE");
		}
		List<MigrationKey> ran = executor.migrate(plan, options.fake(), options.fakeInitial(), linted.statesBefore());
		return new Outcome(backwards ? new MigrateResult(List.of(), ran, findings)
				: new MigrateResult(ran, List.of(), findings), true);
	}

	private boolean hasModels() {
		return this.context.configuration().hasModels();
	}

	private Set<String> unmigratedApps(MigrationLoader loader) {
		return this.context.detectChanges(this.context.declaredModels(), loader, new DetectingQuestioner(), Set.of(), null)
			.migrations()
			.keySet();
	}

	private static void validateChecksums(MigrationLoader loader, Map<MigrationKey, AppliedMigration> recorded) {
		for (AppliedMigration row : recorded.values()) {
			Migration migration = loader.diskMigrations().get(row.key());
			if (migration == null || row.checksum() == null || migration.checksum() == null) {
				continue;
			}
			if (!row.checksum().equals(migration.checksum())) {
				throw new ChecksumMismatchException("Migration " + row.key() + " was changed after it was applied: "
						+ migration.source() + " has checksum " + migration.checksum() + " but " + row.checksum()
						+ " was recorded when it was applied.\nRestore the file as it was applied (git history), or, if the change is deliberate and the database already matches it, "
						+ "accept it by setting migrations.validate-checksums=false for one run.");
			}
		}
	}

	private List<Target> targets(MigrationLoader loader, MigrationExecutor executor, Options options) {
		String app = options.app();
		if (app == null) {
			return executor.allLeaves();
		}
		if (!loader.migratedApps().contains(app)) {
			Set<String> known = this.context.knownApps(this.context.declaredModels(), loader);
			if (known.contains(app)) {
				throw new CommandException("App '" + app + "' does not have migrations. Run makemigrations " + app + " first.");
			}
			throw new CommandException("No installed app with label '" + app + "'.");
		}
		String target = options.target();
		if (target == null) {
			return loader.graph().leafNodes(app).stream().map(Target::of).toList();
		}
		if (target.equals("zero")) {
			return List.of(Target.zero(app));
		}
		return List.of(Target.of(loader.migrationByPrefix(app, target).key()));
	}

	private void printHeader(Options options, List<Target> targets) {
		CommandOutput out = this.context.output();
		out.println("Operations to perform:");
		if (options.target() != null && "zero".equals(options.target())) {
			out.println("  Unapply all migrations: " + options.app());
		}
		else if (options.target() != null) {
			out.println("  Target specific migration: " + targets.get(0).name() + ", from " + options.app());
		}
		else {
			Set<String> apps = new TreeSet<>();
			for (Target target : targets) {
				apps.add(target.app());
			}
			out.println("  Apply all migrations: " + (apps.isEmpty() ? "(none)" : String.join(", ", apps)));
		}
	}

	private void printPlan(List<PlanStep> plan, List<Finding> findings) {
		CommandOutput out = this.context.output();
		out.println("Planned operations:");
		if (plan.isEmpty()) {
			out.println("  No planned migration operations.");
		}
		for (PlanStep step : plan) {
			Migration migration = step.migration();
			out.println(migration.key().toString());
			for (int i = 0; i < migration.operations().size(); i++) {
				out.println("    " + (step.backwards() ? "Undo " : "") + migration.operations().get(i).describe());
				PlanLint.print(out, PlanLint.of(findings, migration.key(), i + 1), "      ", null);
			}
		}
	}

	/**
	 * Print the findings of the steps about to run (lint mode {@code warn}, or {@code fail} with
	 * only warnings and acknowledged errors), before the progress lines.
	 */
	private void printFindings(List<Finding> findings, Vendor vendor) {
		CommandOutput out = this.context.output();
		out.println("Unsafe operations on a live " + vendor.displayName() + " database (see docs/lint.md):");
		@Nullable Finding previous = null;
		for (Finding finding : findings) {
			if (previous == null || !previous.migration().equals(finding.migration())
					|| previous.operation() != finding.operation()) {
				out.println("  " + finding.migration() + ", operation " + finding.operation() + ": "
						+ finding.operationDescription());
			}
			PlanLint.print(out, List.of(finding), "    ", null);
			previous = finding;
		}
	}

	/**
	 * Prints Django's progress lines.
	 */
	private record ProgressPrinter(CommandOutput out) implements MigrationListener {

		@Override
		public void applyStarted(Migration migration, boolean fake) {
			start("  Applying " + migration.key() + "...");
		}

		@Override
		public void applySucceeded(Migration migration, boolean fake, Duration duration) {
			end(fake, duration);
		}

		@Override
		public void unapplyStarted(Migration migration, boolean fake) {
			start("  Unapplying " + migration.key() + "...");
		}

		@Override
		public void unapplySucceeded(Migration migration, boolean fake, Duration duration) {
			end(fake, duration);
		}

		private void start(String text) {
			if (this.out.verbosity() >= 1) {
				this.out.out().print(text);
				this.out.out().flush();
			}
		}

		private void end(boolean fake, Duration duration) {
			if (this.out.verbosity() >= 1) {
				String elapsed = (this.out.verbosity() >= 2) ? String.format(" (%.3fs)", duration.toNanos() / 1e9) : "";
				this.out.out().println((fake ? " FAKED" : " OK") + elapsed);
			}
		}

	}

}
