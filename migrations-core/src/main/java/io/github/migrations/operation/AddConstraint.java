package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Add a named constraint (unique or check).
 *
 * @param modelName the model name
 * @param constraint the constraint
 * @since 0.1
 */
public record AddConstraint(String modelName, ConstraintState constraint) implements OpaqueOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		return state.withModel(model.withConstraints(Operations.withAdded(model.constraints(), this.constraint,
				ConstraintState::name, "a constraint", app + "." + this.modelName)));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.addConstraint(to.model(app, this.modelName), this.constraint);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.removeConstraint(from.model(app, this.modelName), this.constraint);
	}

	@Override
	public String describe() {
		return "Create constraint " + this.constraint.name() + " on model " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment(this.modelName, this.constraint.name());
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ADDITION;
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof RemoveConstraint remove && Operations.sameName(remove.modelName(), this.modelName)
				&& remove.name().equals(this.constraint.name())) {
			return Reduction.replace();
		}
		return Reduction.BLOCKED;
	}

}
