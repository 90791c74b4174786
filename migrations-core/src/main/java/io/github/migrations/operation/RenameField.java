package io.github.migrations.operation;

import java.util.Locale;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Rename a field; its column is renamed too unless it has an explicit column name. Data is kept.
 *
 * @param modelName the model name
 * @param oldName the current field name
 * @param newName the new field name
 * @since 0.1
 */
public record RenameField(String modelName, String oldName, String newName) implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		return state.withModel(model.withFieldRenamed(this.oldName, this.newName));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState after = to.model(app, this.modelName);
		editor.alterField(after, this.oldName, from.model(app, this.modelName).field(this.oldName), this.newName,
				after.field(this.newName));
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState before = to.model(app, this.modelName);
		editor.alterField(before, this.newName, from.model(app, this.modelName).field(this.newName), this.oldName,
				before.field(this.oldName));
	}

	@Override
	public String describe() {
		return "Rename field " + this.oldName + " on " + this.modelName + " to " + this.newName;
	}

	@Override
	public String migrationNameFragment() {
		return "rename_" + this.oldName.toLowerCase(Locale.ROOT) + "_" + this.modelName.toLowerCase(Locale.ROOT) + "_"
				+ this.newName.toLowerCase(Locale.ROOT);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ALTERATION;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		return Operations.sameName(this.modelName, modelName);
	}

	@Override
	public boolean referencesField(String modelName, String fieldName, String app) {
		return Operations.sameName(this.modelName, modelName)
				&& (this.oldName.equals(fieldName) || this.newName.equals(fieldName));
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof RenameField rename && Operations.sameName(rename.modelName(), this.modelName)
				&& this.newName.equals(rename.oldName())) {
			return Reduction.replace(new RenameField(this.modelName, this.oldName, rename.newName()));
		}
		return Reduction.throughIf(!other.referencesField(this.modelName, this.oldName, app)
				&& !other.referencesField(this.modelName, this.newName, app));
	}

}
