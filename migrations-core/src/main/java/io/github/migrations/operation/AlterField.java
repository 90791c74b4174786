package io.github.migrations.operation;

import java.util.Locale;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Change a field's definition (type, nullability, default, uniqueness, index, column).
 *
 * @param modelName the model name
 * @param name the field name
 * @param field the new definition
 * @param preserveDefault {@code false} when the default is a one-off value used only to fill
 * NULLs when the field becomes NOT NULL
 * @since 0.1
 */
public record AlterField(String modelName, String name, FieldState field, boolean preserveDefault)
		implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		model.field(this.name);
		FieldState stored = this.preserveDefault ? this.field : this.field.withDefault(null);
		return state.withModel(model.withField(this.name, stored));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState after = to.model(app, this.modelName);
		FieldState old = from.model(app, this.modelName).field(this.name);
		editor.alterField(after, this.name, old, this.name, this.field);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState before = to.model(app, this.modelName);
		FieldState current = from.model(app, this.modelName).field(this.name);
		editor.alterField(before, this.name, current, this.name, before.field(this.name));
	}

	@Override
	public String describe() {
		return "Alter field " + this.name + " on " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return "alter_" + this.modelName.toLowerCase(Locale.ROOT) + "_" + this.name.toLowerCase(Locale.ROOT);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ALTERATION;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		return Operations.sameName(this.modelName, modelName) || Operations.fieldReferencesModel(this.field, modelName, app);
	}

	@Override
	public boolean referencesField(String modelName, String fieldName, String app) {
		return (Operations.sameName(this.modelName, modelName) && this.name.equals(fieldName))
				|| Operations.fieldReferencesField(this.field, modelName, app);
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof AlterField alter && Operations.sameName(alter.modelName(), this.modelName)
				&& alter.name().equals(this.name)) {
			return Reduction.replace(alter);
		}
		if (other instanceof RemoveField remove && Operations.sameName(remove.modelName(), this.modelName)
				&& remove.name().equals(this.name)) {
			return Reduction.replace(remove);
		}
		if (other instanceof RenameField rename && Operations.sameName(rename.modelName(), this.modelName)
				&& rename.oldName().equals(this.name) && this.field.dbColumn() == null) {
			return Reduction.replace(rename, new AlterField(this.modelName, rename.newName(), this.field, this.preserveDefault));
		}
		return Operations.throughUnlessReferenced(other, this.modelName, this.name, app);
	}

}
