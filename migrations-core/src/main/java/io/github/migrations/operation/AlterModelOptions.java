package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ProjectState;

/**
 * Change options that have no database effect (ordering, verbose names): state only, no SQL.
 *
 * @param name the model name
 * @param options the new options
 * @since 0.1
 */
public record AlterModelOptions(String name, ModelOptions options) implements ModelOptionOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		return state.withModel(state.model(app, this.name).withOptions(this.options));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		// options without database effect: nothing to run
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		// options without database effect: nothing to run
	}

	@Override
	public String describe() {
		return "Change Meta options on " + this.name;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment("alter", this.name, "options");
	}

}
