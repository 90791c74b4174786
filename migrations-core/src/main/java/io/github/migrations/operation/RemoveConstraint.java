package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Drop a named constraint.
 *
 * @param modelName the model name
 * @param name the constraint name
 * @since 0.1
 */
public record RemoveConstraint(String modelName, String name) implements OpaqueOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		model.constraint(this.name);
		return state.withModel(
				model.withConstraints(Operations.withoutNamed(model.constraints(), ConstraintState::name, this.name)));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState model = from.model(app, this.modelName);
		editor.removeConstraint(model, model.constraint(this.name));
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState model = to.model(app, this.modelName);
		editor.addConstraint(model, model.constraint(this.name));
	}

	@Override
	public String describe() {
		return "Remove constraint " + this.name + " from model " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment("remove", this.modelName, this.name);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.REMOVAL;
	}

}
