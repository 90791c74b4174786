package io.github.migrations.operation;

import java.util.Locale;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Drop a named index.
 *
 * @param modelName the model name
 * @param name the index name
 * @since 0.1
 */
public record RemoveIndex(String modelName, String name) implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		model.index(this.name);
		return state.withModel(
				model.withIndexes(model.indexes().stream().filter((index) -> !index.name().equals(this.name)).toList()));
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
