package io.github.migrations.drift;

import java.util.Set;

import io.github.migrations.graph.MigrationGraph;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.state.ProjectState;

/**
 * The project state the applied migrations produce: the applied nodes of the graph replayed in
 * plan order (as Django's {@code _create_project_state(with_applied_migrations=True)}). This is
 * the schema the database should have, whatever is still pending.
 *
 * @since 0.1
 */
public final class AppliedState {

	private AppliedState() {
	}

	/**
	 * Replay the applied migrations of a graph.
	 * @param graph the graph
	 * @param applied the applied migrations (nodes not in the graph are ignored)
	 * @return the state after them
	 */
	public static ProjectState of(MigrationGraph graph, Set<MigrationKey> applied) {
		ProjectState state = ProjectState.empty();
		for (MigrationKey key : graph.plan(graph.leafNodes(), true)) {
			if (applied.contains(key)) {
				state = graph.migration(key).mutateState(state);
			}
		}
		return state;
	}

}
