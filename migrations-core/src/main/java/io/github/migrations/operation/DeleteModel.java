package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ProjectState;

/**
 * Delete a model and drop its table. Reversible in schema only: the rows are not restored.
 *
 * @param name the model name
 * @since 0.1
 */
public record DeleteModel(String name) implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		return state.withoutModel(app, this.name);
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.deleteModel(from.model(app, this.name));
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.createModel(to.model(app, this.name));
	}

	@Override
	public String describe() {
		return "Delete model " + this.name;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment("delete", this.name);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.REMOVAL;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		// deleting a model may affect any model that relates to it: never optimize across
		return true;
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		return Reduction.throughIf(!other.referencesModel(this.name, app));
	}

}
