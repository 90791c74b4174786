package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Add a field (column) to a model.
 *
 * @param modelName the model name
 * @param name the field name
 * @param field the field; its default fills existing rows
 * @param preserveDefault {@code false} when the default is a one-off value given only to fill
 * existing rows, which the state then forgets (Django's {@code preserve_default})
 * @since 0.1
 */
public record AddField(String modelName, String name, FieldState field, boolean preserveDefault)
		implements FieldOperation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState model = state.model(app, this.modelName);
		if (model.fields().containsKey(this.name)) {
			throw new IllegalStateException(app + "." + this.modelName + " already has a field named '" + this.name + "'");
		}
		return state.withModel(model.withField(this.name, FieldOperation.stored(this)));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.addField(to.model(app, this.modelName), this.name, this.field);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		ModelState model = from.model(app, this.modelName);
		editor.removeField(model, this.name, model.field(this.name));
	}

	@Override
	public String describe() {
		return "Add field " + this.name + " to " + this.modelName;
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment(this.modelName, this.name);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ADDITION;
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof AlterField alter
				&& Operations.sameField(alter.modelName(), alter.name(), this.modelName, this.name)) {
			if (this.preserveDefault || alter.field().hasDefault()) {
				return Reduction.replace(new AddField(this.modelName, this.name, alter.field(), alter.preserveDefault()));
			}
			// keep the one-off default that fills existing rows (Django loses it here)
			return Reduction.replace(
					new AddField(this.modelName, this.name, alter.field().withDefault(this.field.defaultValue()), false));
		}
		if (other instanceof RemoveField remove
				&& Operations.sameField(remove.modelName(), remove.name(), this.modelName, this.name)) {
			return Reduction.replace();
		}
		if (other instanceof RenameField rename
				&& Operations.sameField(rename.modelName(), rename.oldName(), this.modelName, this.name)) {
			return Reduction.replace(new AddField(this.modelName, rename.newName(), this.field, this.preserveDefault));
		}
		return Operations.throughUnlessReferenced(other, this.modelName, this.name, app);
	}

}
