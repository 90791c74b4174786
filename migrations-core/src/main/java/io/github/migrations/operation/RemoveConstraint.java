package io.github.migrations.operation;

import java.util.Locale;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Drop a named constraint.
 *
 * @param modelName the model name
 * @param name the constraint name
 * @since 0.1
 */
public record RemoveConstraint(String modelName, String name) implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		model.constraint(this.name);
		return state.withModel(model.withConstraints(
				model.constraints().stream().filter((constraint) -> !constraint.name().equals(this.name)).toList()));
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
		return "remove_" + this.modelName.toLowerCase(Locale.ROOT) + "_" + this.name.toLowerCase(Locale.ROOT);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.REMOVAL;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		// as Django's IndexOperation: no operation is optimized across an index operation
		return true;
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		return Reduction.BLOCKED;
	}

}
