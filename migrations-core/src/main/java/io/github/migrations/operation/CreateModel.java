package io.github.migrations.operation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Create a model and its table.
 *
 * @param name the model name as declared
 * @param fields the fields in order
 * @param dbTable an explicit table name, or {@code null}
 * @since 0.1
 */
public record CreateModel(String name, Map<String, FieldState> fields, @Nullable String dbTable) implements Operation {

	public CreateModel {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		return state.withModel(new ModelState(app, this.name, this.fields, this.dbTable));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.createModel(to.model(app, this.name));
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		editor.deleteModel(from.model(app, this.name));
	}

	@Override
	public String describe() {
		return "Create model " + this.name;
	}

	@Override
	public String migrationNameFragment() {
		return this.name.toLowerCase(Locale.ROOT);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ADDITION;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		return Operations.sameName(this.name, modelName)
				|| this.fields.values().stream().anyMatch((field) -> Operations.fieldReferencesModel(field, modelName, app));
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof DeleteModel delete && Operations.sameName(delete.name(), this.name)) {
			return Reduction.replace();
		}
		if (other instanceof AddField add && Operations.sameName(add.modelName(), this.name)) {
			Map<String, FieldState> fields = new LinkedHashMap<>(this.fields);
			// a one-off default only fills existing rows; a new table has none, so it is dropped
			fields.put(add.name(), add.preserveDefault() ? add.field() : add.field().withDefault(null));
			return Reduction.replace(new CreateModel(this.name, fields, this.dbTable));
		}
		if (other instanceof AlterField alter && Operations.sameName(alter.modelName(), this.name)
				&& this.fields.containsKey(alter.name())) {
			Map<String, FieldState> fields = new LinkedHashMap<>(this.fields);
			fields.put(alter.name(), alter.preserveDefault() ? alter.field() : alter.field().withDefault(null));
			return Reduction.replace(new CreateModel(this.name, fields, this.dbTable));
		}
		if (other instanceof RemoveField remove && Operations.sameName(remove.modelName(), this.name)
				&& this.fields.containsKey(remove.name())) {
			Map<String, FieldState> fields = new LinkedHashMap<>(this.fields);
			fields.remove(remove.name());
			return Reduction.replace(new CreateModel(this.name, fields, this.dbTable));
		}
		if (other instanceof RenameField rename && Operations.sameName(rename.modelName(), this.name)
				&& this.fields.containsKey(rename.oldName())) {
			Map<String, FieldState> fields = new LinkedHashMap<>();
			this.fields.forEach((key, value) -> fields.put(key.equals(rename.oldName()) ? rename.newName() : key, value));
			return Reduction.replace(new CreateModel(this.name, fields, this.dbTable));
		}
		return Reduction.throughIf(!other.referencesModel(this.name, app));
	}

}
