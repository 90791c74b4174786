package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Drop a named index.
 *
 * @param modelName the model name
 * @param name the index name
 * @since 0.1
 */
public record RemoveIndex(String modelName, String name) implements OpaqueOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		model.index(this.name);
		return state.withModel(model.withIndexes(Operations.withoutNamed(model.indexes(), IndexState::name, this.name)));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState model = from.model(app, this.modelName);
		editor.removeIndex(model, model.index(this.name));
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState model = to.model(app, this.modelName);
		editor.addIndex(model, model.index(this.name));
	}

	@Override
	public String describe() {
		return "Remove index " + this.name + " from " + this.modelName;
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
