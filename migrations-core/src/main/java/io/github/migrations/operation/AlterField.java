package io.github.migrations.operation;

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
		implements FieldOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		model.field(this.name);
		return state.withModel(model.withField(this.name, FieldOperation.stored(this)));
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
		return Operations.fragment("alter", this.modelName, this.name);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ALTERATION;
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof AlterField alter
				&& Operations.sameField(alter.modelName(), alter.name(), this.modelName, this.name)) {
			return Reduction.replace(alter);
		}
		if (other instanceof RemoveField remove
				&& Operations.sameField(remove.modelName(), remove.name(), this.modelName, this.name)) {
			return Reduction.replace(remove);
		}
		if (other instanceof RenameField rename
				&& Operations.sameField(rename.modelName(), rename.oldName(), this.modelName, this.name)
				&& this.field.dbColumn() == null) {
			return Reduction.replace(rename, new AlterField(this.modelName, rename.newName(), this.field, this.preserveDefault));
		}
		return Operations.throughUnlessReferenced(other, this.modelName, this.name, app);
	}

}
