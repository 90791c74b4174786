package io.github.migrations.operation;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ProjectState;

/**
 * Change the database one way and the state another (Django's
 * {@code SeparateDatabaseAndState}): for example adopt a table that already exists, or change a
 * column by hand while telling the state what it now is.
 *
 * @param databaseOperations operations run against the database (their state changes are only
 * used to give them the right states)
 * @param stateOperations operations applied to the state only
 * @since 0.1
 */
public record SeparateDatabaseAndState(List<Operation> databaseOperations, List<Operation> stateOperations)
		implements OpaqueOperation {

	public SeparateDatabaseAndState {
		databaseOperations = List.copyOf(databaseOperations);
		stateOperations = List.copyOf(stateOperations);
	}

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ProjectState result = state;
		for (Operation operation : this.stateOperations) {
			result = operation.stateForwards(app, result);
		}
		return result;
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ProjectState current = from;
		for (Operation operation : this.databaseOperations) {
			ProjectState next = operation.stateForwards(app, current);
			editor.setProjectState(next.withFallback(current));
			operation.databaseForwards(app, editor, current, next);
			current = next;
		}
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		List<ProjectState> states = new ArrayList<>();
		ProjectState current = to;
		for (Operation operation : this.databaseOperations) {
			states.add(current);
			current = operation.stateForwards(app, current);
		}
		states.add(current);
		for (int i = this.databaseOperations.size() - 1; i >= 0; i--) {
			editor.setProjectState(states.get(i).withFallback(states.get(i + 1)));
			this.databaseOperations.get(i).databaseBackwards(app, editor, states.get(i + 1), states.get(i));
		}
	}

	@Override
	public boolean reversible() {
		return this.databaseOperations.stream().allMatch(Operation::reversible);
	}

	@Override
	public boolean needsNonAtomicMigration() {
		return this.databaseOperations.stream().anyMatch(Operation::needsNonAtomicMigration);
	}

	@Override
	public String describe() {
		return "Custom state/database change combination";
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.MIXED;
	}

}
