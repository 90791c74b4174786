package io.github.migrations.executor;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * The project state before each migration of a plan, built one migration at a time as they are
 * asked for, by the walk {@link MigrationExecutor#statesBefore} makes (every migration in the order
 * a fresh database uses, the applied ones replayed): linting a plan of thousands of pending
 * migrations holds the state before the one being linted, not the state before each of them
 * (each its own map of thousands of models) until the last is linted. A state asked for is
 * forgotten; one the walk passed before it was asked for is held until then.
 * <p>
 * A plan migration is checked against the state before it ({@link Migration#mutateState}) when
 * the walk reaches it, before its state is handed out; {@link #finish()} walks to the end, so
 * that a migration that does not fit fails before anything of the plan is applied.
 *
 * @since 0.1
 */
public final class PlanStates {

	private final Iterator<PlanStep> walk;

	private final Set<MigrationKey> toRun = new LinkedHashSet<>();

	private final Set<MigrationKey> applied;

	private final Replay replay;

	/** States of plan migrations the walk passed that were not asked for yet. */
	private final Map<MigrationKey, ProjectState> ahead = new HashMap<>();

	/** States a run of a forwards plan starts a migration from (see {@link #finish()}). */
	private final Map<MigrationKey, ProjectState> needed = new HashMap<>();

	private ProjectState state = ProjectState.empty();

	/** Whether the walk skipped applied migrations since the last plan migration. */
	private boolean skipped;

	PlanStates(List<PlanStep> plan, List<PlanStep> fullPlan, Set<MigrationKey> applied, Replay replay) {
		plan.forEach((step) -> this.toRun.add(step.migration().key()));
		this.walk = fullPlan.iterator();
		this.applied = applied;
		this.replay = replay;
	}

	/**
	 * Return the state before a migration of the plan, walking on as far as it; each state is
	 * handed out once.
	 * @param key a migration of the plan
	 * @return the state before it, or {@code null} when the walk does not reach it (or handed it
	 * out already)
	 */
	public @Nullable ProjectState before(MigrationKey key) {
		ProjectState found = this.ahead.remove(key);
		while (found == null && step()) {
			found = this.ahead.remove(key);
		}
		return found;
	}

	/**
	 * Walk to the end, and return the states a run of the (forwards) plan starts a migration
	 * from: those of the migrations that follow applied ones, which the run skips instead of
	 * replaying (see {@link MigrationExecutor#migrate(List, boolean, boolean, Map)}).
	 * @return the states the run needs
	 */
	public Map<MigrationKey, ProjectState> finish() {
		while (step()) {
			this.ahead.clear();
		}
		this.ahead.clear();
		return this.needed;
	}

	/**
	 * Walk to the end and return the state before every migration of the plan not handed out yet.
	 * @return the states by migration
	 */
	Map<MigrationKey, ProjectState> all() {
		while (step()) {
			// every state is kept in ahead
		}
		return this.ahead;
	}

	/**
	 * Walk on to the next migration of the plan, keeping the state before it.
	 * @return whether there was one
	 */
	private boolean step() {
		while (!this.toRun.isEmpty() && this.walk.hasNext()) {
			Migration migration = this.walk.next().migration();
			MigrationKey key = migration.key();
			if (this.toRun.remove(key)) {
				this.ahead.put(key, this.state);
				if (this.skipped) {
					this.needed.put(key, this.state);
				}
				this.skipped = false;
				this.state = migration.mutateState(this.state);
				return true;
			}
			if (this.applied.contains(key)) {
				this.state = this.replay.replay(this.state, migration);
				this.skipped = true;
			}
		}
		return false;
	}

	/**
	 * How the executor replays an applied migration (it counts them, for tests).
	 */
	@FunctionalInterface
	interface Replay {

		ProjectState replay(ProjectState state, Migration migration);

	}

}
