package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Remove a field (column) from a model. Reversible in schema only: the values are not restored.
 *
 * @param modelName the model name
 * @param name the field name
 * @since 0.1
 */
public record RemoveField(String modelName, String name) implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		return state.withModel(model.withoutField(this.name));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState model = from.model(app, this.modelName);
		editor.removeField(model, this.name, model.field(this.name));
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState model = to.model(app, this.modelName);
		editor.addField(model, this.name, model.field(this.name));
	}

	@Override
	public String describe() {
		return "Remove field " + this.name + " from " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment("remove", this.modelName, this.name);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.REMOVAL;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		return Operations.sameName(this.modelName, modelName);
	}

	@Override
	public boolean referencesField(String modelName, String fieldName, String app) {
		return Operations.sameField(this.modelName, this.name, modelName, fieldName);
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof DeleteModel delete && Operations.sameName(delete.name(), this.modelName)) {
			return Reduction.replace(delete);
		}
		return Operations.throughUnlessReferenced(other, this.modelName, this.name, app);
	}

}
