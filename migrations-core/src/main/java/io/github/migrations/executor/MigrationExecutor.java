package io.github.migrations.executor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.BadMigrationException;
import io.github.migrations.CommandException;
import io.github.migrations.HalfAppliedMigrationException;
import io.github.migrations.IrreversibleOperationException;
import io.github.migrations.MigrationException;
import io.github.migrations.SchemaEditException;
import io.github.migrations.graph.MigrationGraph;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.recorder.InterruptedMigration;
import io.github.migrations.recorder.MigrationRecorder;
import io.github.migrations.recorder.ProgressRecorder;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Plans and runs migrations with Django's executor semantics: forwards plans follow the full
 * plan's order, backwards plans compute each migration's "before" state from the applied
 * migrations only, one transaction per migration where the database can roll back DDL.
 *
 * @since 0.1
 */
public final class MigrationExecutor {

	private final Connection connection;

	private final MigrationGraph graph;

	private final Set<MigrationKey> applied;

	private final MigrationRecorder recorder;

	private final MigrationListener listener;

	private final @Nullable ProgressRecorder progress;

	/** The connection's database, once looked up (once per run, not once per migration). */
	private @Nullable Vendor vendor;

	/** Whether the database lives in this process's memory alone, once known. */
	private @Nullable Boolean diesWithProcess;

	/** The last state whose relations were all found to point at existing models. */
	private @Nullable ProjectState relationsChecked;

	/** Every migration in the order a fresh database uses, once built (the walks of a run share it). */
	private @Nullable List<PlanStep> fullPlan;

	/** How many applied migrations have been replayed to build states (for tests). */
	private int appliedReplays;

	/**
	 * Create an executor that keeps no progress record of migrations run outside a transaction.
	 * @param connection the connection to run on; not closed by the executor
	 * @param graph the migration graph (with replacements resolved against the history)
	 * @param applied the migrations the history records as applied (squashes included)
	 * @param recorder the recorder of the history table
	 * @param listener progress callbacks
	 */
	public MigrationExecutor(Connection connection, MigrationGraph graph, Set<MigrationKey> applied,
			MigrationRecorder recorder, MigrationListener listener) {
		this(connection, graph, applied, recorder, listener, null);
	}

	/**
	 * Create an executor.
	 * @param connection the connection to run on; not closed by the executor
	 * @param graph the migration graph (with replacements resolved against the history)
	 * @param applied the migrations the history records as applied (squashes included)
	 * @param recorder the recorder of the history table
	 * @param listener progress callbacks
	 * @param progress where migrations run outside a transaction note how far they got, or
	 * {@code null} for no such record
	 */
	public MigrationExecutor(Connection connection, MigrationGraph graph, Set<MigrationKey> applied,
			MigrationRecorder recorder, MigrationListener listener, @Nullable ProgressRecorder progress) {
		this.connection = connection;
		this.graph = graph;
		this.applied = new LinkedHashSet<>(applied);
		this.recorder = recorder;
		this.listener = listener;
		this.progress = progress;
	}

	/**
	 * Stop when an earlier run died in the middle of applying or unapplying a migration outside a
	 * transaction, naming it and the ways to finish or undo it. Progress rows of runs that
	 * reached their end (a migration applied that the history records as applied, one unapplied
	 * that it no longer records), or that had not started a statement, are forgotten. A fake
	 * run that records the interrupted migration as the interrupted run would have (applied, or
	 * unapplied) is let through: it is how a migration finished by hand is recorded.
	 * @param plan the plan about to run
	 * @param fake whether the plan is only recorded
	 * @throws HalfAppliedMigrationException for the first interrupted migration
	 */
	public void checkInterrupted(List<PlanStep> plan, boolean fake) {
		if (this.progress == null) {
			return;
		}
		for (InterruptedMigration interrupted : this.progress.interrupted()) {
			MigrationKey key = interrupted.key();
			boolean recordedByThisPlan = fake && recordedBy(plan, interrupted);
			boolean reachedItsEnd = this.applied.contains(key) != interrupted.backwards();
			if (reachedItsEnd || interrupted.statement() == 0) {
				this.progress.finished(key);
			}
			else if (!recordedByThisPlan) {
				throw new HalfAppliedMigrationException(
						HalfAppliedMessages.interrupted(interrupted, vendor(), this.progress, previous(key)));
			}
		}
	}

	/** Whether a plan records an interrupted migration as its interrupted run would have. */
	private static boolean recordedBy(List<PlanStep> plan, InterruptedMigration interrupted) {
		for (PlanStep step : plan) {
			if (step.backwards() == interrupted.backwards() && step.migration().key().equals(interrupted.key())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the target that unapplies a migration and nothing before it: its parent in the same
	 * app, or {@code zero}.
	 */
	private String previous(MigrationKey key) {
		if (!this.graph.contains(key)) {
			return "zero";
		}
		return this.graph.parents(key)
			.stream()
			.filter((parent) -> parent.app().equals(key.app()))
			.map(MigrationKey::name)
			.findFirst()
			.orElse("zero");
	}

	/**
	 * Return the plan that reaches the targets (Django's {@code migration_plan}).
	 * @param targets the targets in order
	 * @param cleanStart plan as if nothing were applied
	 * @return the steps
	 */
	public List<PlanStep> migrationPlan(List<Target> targets, boolean cleanStart) {
		List<PlanStep> plan = new ArrayList<>();
		Set<MigrationKey> done = cleanStart ? new LinkedHashSet<>() : new LinkedHashSet<>(this.applied);
		for (Target target : targets) {
			if (target.isZero()) {
				for (MigrationKey root : this.graph.rootNodes(target.app())) {
					addBackwards(plan, done, this.graph.backwardsPlan(root));
				}
			}
			else if (done.contains(target.key())) {
				for (MigrationKey child : this.graph.children(target.key())) {
					if (child.app().equals(target.app())) {
						addBackwards(plan, done, this.graph.backwardsPlan(child));
					}
				}
			}
			else {
				for (MigrationKey key : this.graph.forwardsPlan(target.key())) {
					if (done.add(key)) {
						plan.add(new PlanStep(this.graph.migration(key), false));
					}
				}
			}
		}
		return plan;
	}

	private void addBackwards(List<PlanStep> plan, Set<MigrationKey> done, List<MigrationKey> keys) {
		for (MigrationKey key : keys) {
			if (done.remove(key)) {
				plan.add(new PlanStep(this.graph.migration(key), true));
			}
		}
	}

	/**
	 * Return the targets that mean "everything": every leaf of the graph.
	 * @return the leaf targets
	 */
	public List<Target> allLeaves() {
		List<MigrationKey> leaves = this.graph.leafNodes();
		List<Target> targets = new ArrayList<>(leaves.size());
		for (MigrationKey leaf : leaves) {
			targets.add(Target.of(leaf));
		}
		return List.copyOf(targets);
	}

	/**
	 * Run a plan. Forwards plans are applied in the order a fresh database would use; backwards
	 * plans are checked for irreversible operations before anything is touched.
	 * @param plan the plan from {@link #migrationPlan}
	 * @param fake record (or forget) migrations without running their operations
	 * @return the migrations run, in order
	 */
	public List<MigrationKey> migrate(List<PlanStep> plan, boolean fake) {
		return migrate(plan, fake, false);
	}

	/**
	 * Run a plan, faking initial migrations whose tables and columns already exist.
	 * @param plan the plan from {@link #migrationPlan}
	 * @param fake record (or forget) migrations without running their operations
	 * @param fakeInitial fake initial migrations whose schema is already there (Django's
	 * {@code --fake-initial})
	 * @return the migrations run, in order
	 */
	public List<MigrationKey> migrate(List<PlanStep> plan, boolean fake, boolean fakeInitial) {
		return migrate(plan, fake, fakeInitial, Map.of());
	}

	/**
	 * Run a plan whose states were already built, as {@code migrate} does after linting the plan:
	 * the plan then runs from the given states instead of replaying the applied migrations again
	 * (a backwards plan from {@link #statesBefore}, when they hold a state for each of its steps).
	 * @param plan the plan from {@link #migrationPlan}
	 * @param fake record (or forget) migrations without running their operations
	 * @param fakeInitial fake initial migrations whose schema is already there
	 * @param statesBefore states of the plan on this executor: those {@link PlanStates#finish()} keeps, or all
	 * of {@link #statesBefore} (for a backwards plan, only these are used); empty to build them
	 * @return the migrations run, in order
	 */
	public List<MigrationKey> migrate(List<PlanStep> plan, boolean fake, boolean fakeInitial,
			Map<MigrationKey, ProjectState> statesBefore) {
		if (plan.isEmpty()) {
			return List.of();
		}
		boolean forwards = directionOf(plan);
		if (!fake) {
			checkNonAtomic(plan);
			if (forwards) {
				VendorSupport.check(plan, vendor());
			}
		}
		this.recorder.ensureSchema();
		return forwards ? migrateForwards(plan, fake, fakeInitial, statesBefore) : migrateBackwards(plan, fake, statesBefore);
	}

	/**
	 * Return the SQL each step of a plan runs, without running anything: the same walk over the
	 * states as {@link #migrate}, with collect-only schema editors. A backwards step that contains
	 * an irreversible operation gets no statements. Names that the editor reads from the
	 * database (constraints, indexes) are read as the database is now, before the first step.
	 * @param plan the plan from {@link #migrationPlan}
	 * @return the statements of each step, in plan order
	 */
	public List<List<String>> collectSql(List<PlanStep> plan) {
		Map<MigrationKey, List<String>> sql = new HashMap<>();
		checkNonAtomic(plan);
		if (directionOf(plan)) {
			walkForwards(plan, Map.of(), (state, migration) -> {
				SchemaEditor editor = SchemaEditors.create(this.connection, vendor(), true);
				ProjectState after = runForwards(editor, statesThrough(state, migration), migration);
				sql.put(migration.key(), editor.collectedSql());
				return after;
			});
		}
		else {
			Map<MigrationKey, ProjectState> before = statesBefore(plan);
			for (PlanStep step : plan) {
				Migration migration = step.migration();
				if (migration.operations().stream().allMatch(Operation::reversible)) {
					SchemaEditor editor = SchemaEditors.create(this.connection, vendor(), true);
					runBackwards(editor, before.get(migration.key()), migration);
					sql.put(migration.key(), editor.collectedSql());
				}
			}
		}
		return plan.stream().map((step) -> sql.getOrDefault(step.migration().key(), List.of())).toList();
	}

	/**
	 * Return {@code true} for an all-forwards plan, {@code false} for an all-backwards one.
	 */
	private static boolean directionOf(List<PlanStep> plan) {
		boolean allForwards = plan.stream().noneMatch(PlanStep::backwards);
		boolean allBackwards = plan.stream().allMatch(PlanStep::backwards);
		if (!allForwards && !allBackwards) {
			throw new CommandException("Migration plans with both forwards and backwards migrations are not supported. "
					+ "Please split your migration process into separate plans of only forwards OR backwards migrations.");
		}
		return allForwards;
	}

	/**
	 * Refuse a plan with an atomic migration holding an operation that cannot run inside a
	 * transaction, before anything runs, on every database (the file is the same everywhere).
	 */
	private static void checkNonAtomic(List<PlanStep> plan) {
		plan.forEach((step) -> step.migration().checkTransactionMode(step.backwards()));
	}

	private List<MigrationKey> migrateForwards(List<PlanStep> plan, boolean fake, boolean fakeInitial,
			Map<MigrationKey, ProjectState> statesBefore) {
		List<MigrationKey> ran = new ArrayList<>();
		walkForwards(plan, statesBefore, (state, migration) -> {
			boolean faked = fake || (fakeInitial && detectSoftApplied(state, migration));
			ProjectState after = apply(state, migration, faked);
			ran.add(migration.key());
			return after;
		});
		return ran;
	}

	/**
	 * Walk the full plan in the order a fresh database uses, building the state from applied
	 * migrations and running the plan's migrations as they come; with the states before the
	 * plan's migrations known, the applied migrations are skipped instead of replayed.
	 */
	private void walkForwards(List<PlanStep> plan, Map<MigrationKey, ProjectState> known, StepRunner runner) {
		Set<MigrationKey> toRun = new LinkedHashSet<>();
		plan.forEach((step) -> toRun.add(step.migration().key()));
		ProjectState state = ProjectState.empty();
		boolean skipped = false;
		for (PlanStep step : fullPlan()) {
			if (toRun.isEmpty()) {
				break;
			}
			Migration migration = step.migration();
			if (toRun.remove(migration.key())) {
				state = runner.run(skipped ? knownState(known, migration.key()) : state, migration);
				skipped = false;
			}
			else if (this.applied.contains(migration.key())) {
				if (known.isEmpty()) {
					state = replayApplied(state, migration);
				}
				else {
					skipped = true;
				}
			}
		}
	}

	private static ProjectState knownState(Map<MigrationKey, ProjectState> known, MigrationKey key) {
		ProjectState state = known.get(key);
		if (state == null) {
			throw new IllegalArgumentException("The states given are not those of the plan: none for " + key);
		}
		return state;
	}

	private List<MigrationKey> migrateBackwards(List<PlanStep> plan, boolean fake, Map<MigrationKey, ProjectState> known) {
		for (PlanStep step : plan) {
			for (Operation operation : step.migration().operations()) {
				if (!operation.reversible()) {
					throw new IrreversibleOperationException("Operation " + operation.describe() + " in "
							+ step.migration().key() + " is not reversible. Nothing was unapplied. "
							+ "Give the operation a reverse, or choose a target that does not cross " + step.migration().key() + ".");
				}
			}
		}
		// the states built to lint the plan, when given, spare replaying every applied migration again
		Map<MigrationKey, ProjectState> before = coversEveryStep(known, plan) ? known : statesBefore(plan);
		List<MigrationKey> ran = new ArrayList<>();
		for (PlanStep step : plan) {
			unapply(before.get(step.migration().key()), step.migration(), fake);
			ran.add(step.migration().key());
		}
		return ran;
	}

	private static boolean coversEveryStep(Map<MigrationKey, ProjectState> states, List<PlanStep> plan) {
		if (states.isEmpty()) {
			return false;
		}
		for (PlanStep step : plan) {
			if (!states.containsKey(step.migration().key())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the project state before each migration of a plan, walking every migration in the
	 * order a fresh database uses: the applied ones and those of the plan (Django's "before"
	 * states of a backwards plan; for a forwards plan, the states the migrations run from).
	 * @param plan the plan from {@link #migrationPlan}
	 * @return the state before each migration of the plan
	 */
	public Map<MigrationKey, ProjectState> statesBefore(List<PlanStep> plan) {
		return planStates(plan).all();
	}

	/**
	 * Return the states before the migrations of a plan, built one at a time as they are asked
	 * for, by the same walk as {@link #statesBefore}: what linting a forwards plan uses, so that
	 * the state before each of thousands of pending migrations is not held at once.
	 * @param plan the plan from {@link #migrationPlan}
	 * @return the states, not built yet
	 */
	public PlanStates planStates(List<PlanStep> plan) {
		return new PlanStates(plan, fullPlan(), this.applied, this::replayApplied);
	}

	/**
	 * Return every migration of the graph in the order a fresh database uses (the plan to all
	 * leaves from a clean start), built once: it depends on the graph alone, which does not change,
	 * and linting a plan then running it walks it twice.
	 */
	private List<PlanStep> fullPlan() {
		if (this.fullPlan == null) {
			this.fullPlan = List.copyOf(migrationPlan(allLeaves(), true));
		}
		return this.fullPlan;
	}

	/**
	 * Return whether an initial migration's effects are already in the database: every table it
	 * creates and every column it adds exists, and it creates or adds at least one (Django's
	 * {@code detect_soft_applied}).
	 */
	private boolean detectSoftApplied(ProjectState state, Migration migration) {
		boolean initial = Boolean.TRUE.equals(migration.initial()) || (migration.initial() == null
				&& migration.dependencies().stream().noneMatch((dependency) -> dependency.app().equals(migration.app())));
		if (!initial) {
			return false;
		}
		ProjectState after = mutate(state, migration);
		boolean found = false;
		for (Operation operation : migration.operations()) {
			if (operation instanceof CreateModel create) {
				if (!Introspector.hasTable(this.connection, after.model(migration.app(), create.name()).table())) {
					return false;
				}
				found = true;
			}
			else if (operation instanceof AddField add) {
				ModelState model = after.model(migration.app(), add.modelName());
				if (!Introspector.hasColumn(this.connection, model.table(), add.field().column(add.name()))) {
					return false;
				}
				found = true;
			}
		}
		return found;
	}

	private static ProjectState mutate(ProjectState state, Migration migration) {
		return migration.mutateState(state);
	}

	private ProjectState replayApplied(ProjectState state, Migration migration) {
		this.appliedReplays++;
		return mutate(state, migration);
	}

	/**
	 * Return how many times an applied migration was replayed to build a state (for tests).
	 * @return the count
	 */
	int appliedReplays() {
		return this.appliedReplays;
	}

	/**
	 * Refuse, before any statement runs, a migration that leaves a relation pointing at a model
	 * no migration creates: on databases without transactional DDL its first statements would
	 * stay applied.
	 */
	private void checkRelations(Migration migration, ProjectState before, ProjectState after) {
		// when the state before was found clean, a relation can only dangle in a model that changed (or, when one
		// was removed, anywhere: then every model is looked at)
		Collection<ModelState> models = (before == this.relationsChecked) ? after.modelsChangedSince(before)
				: after.models().values();
		for (ModelState model : models) {
			model.fields().forEach((name, field) -> {
				ModelKey target = field.type().relatedModel();
				if (target != null && after.find(target) == null) {
					throw new BadMigrationException("Migration " + migration.key()
							+ ((migration.source() != null) ? " (" + migration.source() + ")" : "") + " cannot be applied: "
							+ model.app() + "." + model.name() + "." + name + " refers to " + target.app() + "."
							+ target.name() + ", which no migration it depends on creates. Add the migration that creates it"
							+ " to 'dependencies', fix the reference, or regenerate the migration with makemigrations.");
				}
			});
		}
	}

	private ProjectState apply(ProjectState state, Migration migration, boolean fake) {
		this.listener.applyStarted(migration, fake);
		long start = System.nanoTime();
		ProjectState result;
		try {
			if (fake) {
				result = mutate(state, migration);
				record(migration, 0);
				if (this.progress != null) {
					this.progress.finished(migration.key());
				}
			}
			else {
				// each operation's state, computed once: for the check before anything runs, and for the editor
				List<ProjectState> states = statesThrough(state, migration);
				checkRelations(migration, state, states.get(states.size() - 1));
				result = inTransaction(migration, true, (editor) -> {
					ProjectState after = runForwards(editor, states, migration);
					record(migration, Duration.ofNanos(System.nanoTime() - start).toMillis());
					return after;
				});
				// the same models as the state just checked
				this.relationsChecked = result;
			}
		}
		catch (RuntimeException ex) {
			this.listener.applyFailed(migration, fake, Duration.ofNanos(System.nanoTime() - start), ex);
			throw ex;
		}
		this.applied.add(migration.key());
		this.listener.applySucceeded(migration, fake, Duration.ofNanos(System.nanoTime() - start));
		return result;
	}

	private void unapply(ProjectState state, Migration migration, boolean fake) {
		this.listener.unapplyStarted(migration, fake);
		long start = System.nanoTime();
		try {
			if (fake) {
				forget(migration);
				if (this.progress != null) {
					this.progress.finished(migration.key());
				}
			}
			else {
				inTransaction(migration, false, (editor) -> {
					runBackwards(editor, state, migration);
					forget(migration);
					return null;
				});
			}
		}
		catch (RuntimeException ex) {
			this.listener.unapplyFailed(migration, fake, Duration.ofNanos(System.nanoTime() - start), ex);
			throw ex;
		}
		this.applied.remove(migration.key());
		this.listener.unapplySucceeded(migration, fake, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Return the state before a migration followed by the state after each of its operations.
	 */
	private static List<ProjectState> statesThrough(ProjectState state, Migration migration) {
		List<ProjectState> states = new ArrayList<>(migration.operations().size() + 1);
		ProjectState current = state;
		states.add(current);
		for (int i = 0; i < migration.operations().size(); i++) {
			current = migration.stateForwards(i, current);
			states.add(current);
		}
		return states;
	}

	/**
	 * Run a migration's operations forwards on an editor, then its deferred statements.
	 * @param states from {@link #statesThrough}
	 * @return the state after the migration
	 */
	private static ProjectState runForwards(SchemaEditor editor, List<ProjectState> states, Migration migration) {
		for (int i = 0; i < migration.operations().size(); i++) {
			ProjectState current = states.get(i);
			ProjectState next = states.get(i + 1);
			editor.setProjectState(next.withFallback(current));
			migration.operations().get(i).databaseForwards(migration.app(), editor, current, next);
		}
		editor.flushDeferred();
		return states.get(states.size() - 1);
	}

	/**
	 * Run a migration's operations backwards, last first, on an editor, then its deferred
	 * statements.
	 * @param state the state before the migration
	 */
	private static void runBackwards(SchemaEditor editor, ProjectState state, Migration migration) {
		List<ProjectState> states = statesThrough(state, migration);
		List<Operation> operations = migration.operations();
		for (int i = operations.size() - 1; i >= 0; i--) {
			editor.setProjectState(states.get(i).withFallback(states.get(i + 1)));
			operations.get(i).databaseBackwards(migration.app(), editor, states.get(i + 1), states.get(i));
		}
		editor.flushDeferred();
	}

	private void record(Migration migration, long millis) {
		for (MigrationKey replaced : migration.replaces()) {
			this.recorder.recordApplied(replaced, null, millis);
		}
		this.recorder.recordApplied(migration.key(), migration.checksum(), millis);
	}

	private void forget(Migration migration) {
		for (MigrationKey replaced : migration.replaces()) {
			this.recorder.recordUnapplied(replaced);
		}
		this.recorder.recordUnapplied(migration.key());
	}

	private <T> T inTransaction(Migration migration, boolean forwards, EditorWork<T> work) {
		try {
			BaseSchemaEditor editor = SchemaEditors.create(this.connection, vendor(), false);
			boolean atomic = migration.atomic() && editor.vendor().transactionalDdl();
			ProgressRecorder tracker = atomic ? null : this.progress;
			// a database that dies with this process is read again only after a failure this run sees: its row is
			// written then, not before every statement
			boolean eager = tracker != null && !diesWithProcess();
			int[] started = { 0 };
			if (eager) {
				tracker.started(migration.key(), !forwards);
				editor.beforeExecute((sql) -> tracker.running(migration.key(), ++started[0], sql));
			}
			else if (tracker != null) {
				editor.beforeExecute((sql) -> started[0]++);
			}
			boolean autoCommit = this.connection.getAutoCommit();
			if (atomic) {
				editor.beforeTransaction();
				this.connection.setAutoCommit(false);
			}
			try {
				T result = work.run(editor);
				if (atomic) {
					this.connection.commit();
				}
				if (eager) {
					tracker.finished(migration.key());
				}
				return result;
			}
			catch (RuntimeException ex) {
				if (atomic) {
					rollback(ex);
				}
				int completed = (ex instanceof SchemaEditException) ? started[0] - 1 : started[0];
				if (tracker != null && completed == 0) {
					forgetQuietly(tracker, migration.key());
				}
				else if (tracker != null && !eager) {
					noteInterrupted(tracker, migration.key(), !forwards, editor, ex);
				}
				throw failure(migration, forwards, editor, atomic, tracker, ex);
			}
			finally {
				restoreAutoCommit(autoCommit);
				if (atomic) {
					editor.afterTransaction();
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Database error while running " + migration.key() + ": " + ex.getMessage(),
					ex);
		}
	}

	private void rollback(RuntimeException failure) {
		try {
			this.connection.rollback();
		}
		catch (SQLException ex) {
			// the connection is gone (the server rolls back what it had); report the first failure
			failure.addSuppressed(ex);
		}
	}

	private void restoreAutoCommit(boolean autoCommit) {
		try {
			this.connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			// the connection is gone; the failure being thrown says so
		}
	}

	/**
	 * Write the row a failed migration would have left had its progress been noted before each
	 * statement: the last statement that started is the one running.
	 */
	private static void noteInterrupted(ProgressRecorder tracker, MigrationKey key, boolean backwards,
			SchemaEditor editor, RuntimeException failure) {
		List<String> sql = editor.collectedSql();
		try {
			tracker.started(key, backwards);
			tracker.running(key, sql.size(), sql.get(sql.size() - 1));
		}
		catch (MigrationException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * Return whether the database lives in this process's memory alone (an embedded H2
	 * {@code mem:} database), so that a run that dies takes it along and no later run reads what
	 * this one noted before a statement.
	 */
	private boolean diesWithProcess() {
		if (this.diesWithProcess == null) {
			try {
				String url = this.connection.getMetaData().getURL();
				this.diesWithProcess = url != null && url.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:h2:mem:");
			}
			catch (SQLException ex) {
				this.diesWithProcess = false;
			}
		}
		return this.diesWithProcess;
	}

	private static void forgetQuietly(ProgressRecorder tracker, MigrationKey key) {
		try {
			tracker.finished(key);
		}
		catch (MigrationException ex) {
			// the database is gone; the next run names the migration instead
		}
	}

	private Vendor vendor() {
		if (this.vendor == null) {
			try {
				this.vendor = Vendor.from(this.connection.getMetaData());
			}
			catch (SQLException ex) {
				throw new MigrationException("Could not read the database metadata: " + ex.getMessage(), ex);
			}
		}
		return this.vendor;
	}

	private RuntimeException failure(Migration migration, boolean forwards, SchemaEditor editor, boolean atomic,
			@Nullable ProgressRecorder progress, RuntimeException ex) {
		if (!(ex instanceof SchemaEditException failed)) {
			return ex;
		}
		int number = editor.collectedSql().size();
		String outcome;
		if (atomic) {
			outcome = forwards ? "The migration was rolled back; nothing of it was applied."
					: "The migration was rolled back; nothing of it was unapplied and it is still recorded as applied.";
		}
		else if (forwards) {
			outcome = HalfAppliedMessages.failed(migration.key(), number, editor.vendor(), progress);
		}
		else {
			outcome = HalfAppliedMessages.failedBackwards(migration.key(), number, editor.vendor(), progress,
					previous(migration.key()));
		}
		return new SchemaEditException("Migration " + migration.key() + (forwards ? "" : " (unapplying)")
				+ " failed at " + (forwards ? "" : "backwards ") + "statement #" + number + ": " + failed.getMessage()
				+ "\n" + outcome, failed.sql(), failed);
	}

	@FunctionalInterface
	private interface StepRunner {

		ProjectState run(ProjectState state, Migration migration);

	}

	@FunctionalInterface
	private interface EditorWork<T> {

		T run(SchemaEditor editor);

	}

}
