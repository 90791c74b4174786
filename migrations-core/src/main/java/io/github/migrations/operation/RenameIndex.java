package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Rename an index, keeping it (no rebuild where the database can rename).
 *
 * @param modelName the model name
 * @param newName the new index name
 * @param oldName the current index name
 * @since 0.1
 */
public record RenameIndex(String modelName, String newName, String oldName) implements OpaqueOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		model.index(this.oldName);
		return state.withModel(model.withIndexes(model.indexes()
			.stream()
			.map((index) -> index.name().equals(this.oldName) ? index.withName(this.newName) : index)
			.toList()));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		IndexState old = from.model(app, this.modelName).index(this.oldName);
		editor.renameIndex(to.model(app, this.modelName), old, old.withName(this.newName));
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		IndexState current = from.model(app, this.modelName).index(this.newName);
		editor.renameIndex(to.model(app, this.modelName), current, current.withName(this.oldName));
	}

	@Override
	public String describe() {
		return "Rename index " + this.oldName + " on " + this.modelName + " to " + this.newName;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment("rename", this.oldName, this.newName);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ALTERATION;
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof RenameIndex rename && Operations.sameName(rename.modelName(), this.modelName)
				&& Operations.sameName(rename.oldName(), this.newName)) {
			return Reduction.replace(new RenameIndex(this.modelName, rename.newName(), this.oldName));
		}
		return Reduction.BLOCKED;
	}

}
