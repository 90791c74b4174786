package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Create a named index.
 *
 * @param modelName the model name
 * @param index the index
 * @since 0.1
 */
public record AddIndex(String modelName, IndexState index) implements OpaqueOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		return state.withModel(model.withIndexes(Operations.withAdded(model.indexes(), this.index, IndexState::name,
				"an index", app + "." + this.modelName)));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.addIndex(to.model(app, this.modelName), this.index);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.removeIndex(from.model(app, this.modelName), this.index);
	}

	@Override
	public String describe() {
		return "Create index " + this.index.name() + " on field(s) " + String.join(", ", this.index.fields())
				+ " of model " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment(this.modelName, this.index.name());
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ADDITION;
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (Operations.plainOf(other) instanceof RemoveIndex remove && Operations.sameName(remove.modelName(), this.modelName)
				&& remove.name().equals(this.index.name())) {
			return Reduction.replace();
		}
		if (other instanceof RenameIndex rename && Operations.sameName(rename.modelName(), this.modelName)
				&& rename.oldName().equals(this.index.name())) {
			return Reduction.replace(new AddIndex(this.modelName, this.index.withName(rename.newName())));
		}
		return Reduction.BLOCKED;
	}

}
