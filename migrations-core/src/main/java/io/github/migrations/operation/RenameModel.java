package io.github.migrations.operation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Rename a model; its table is renamed too unless it has an explicit table name, and relations
 * pointing to it are repointed. Data is kept.
 *
 * @param oldName the current model name
 * @param newName the new model name
 * @since 0.1
 */
public record RenameModel(String oldName, String newName) implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		ModelState renamed = state.model(app, this.oldName).withName(this.newName);
		String oldKey = new ModelKey(app, this.oldName).toString();
		String newKey = renamed.key().toString();
		Map<ModelKey, ModelState> models = new LinkedHashMap<>();
		for (ModelState model : state.models().values()) {
			ModelState current = model.key().equals(new ModelKey(app, this.oldName)) ? renamed : model;
			Map<String, FieldState> fields = new LinkedHashMap<>();
			current.fields().forEach((name, field) -> fields.put(name, repoint(field, oldKey, newKey)));
			ModelState updated = new ModelState(current.app(), current.name(), fields, current.dbTable(),
					current.indexes(), current.constraints(), current.options());
			models.put(updated.key(), updated);
		}
		return new ProjectState(models);
	}

	private static FieldState repoint(FieldState field, String oldKey, String newKey) {
		FieldType type = field.type();
		if (type instanceof FieldType.ForeignKey fk && fk.to().equals(oldKey)) {
			type = fk.withTo(newKey);
		}
		else if (type instanceof FieldType.OneToOneField o2o && o2o.to().equals(oldKey)) {
			type = o2o.withTo(newKey);
		}
		else if (type instanceof FieldType.ManyToManyField m2m
				&& (m2m.to().equals(oldKey) || oldKey.equals(m2m.through()))) {
			type = m2m.withModels(m2m.to().equals(oldKey) ? newKey : m2m.to(),
					oldKey.equals(m2m.through()) ? newKey : m2m.through());
		}
		else {
			return field;
		}
		return new FieldState(type, field.nullable(), field.defaultValue(), field.unique(), field.dbIndex(),
				field.dbColumn(), field.primaryKey(), field.dbDefault(), field.dbComment(), field.choices());
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		JoinTableRenames.follow(editor, from.model(app, this.oldName), to.model(app, this.newName), from, to);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		JoinTableRenames.follow(editor, from.model(app, this.newName), to.model(app, this.oldName), from, to);
	}

	@Override
	public String describe() {
		return "Rename model " + this.oldName + " to " + this.newName;
	}

	@Override
	public String migrationNameFragment() {
		return "rename_" + this.oldName.toLowerCase(Locale.ROOT) + "_" + this.newName.toLowerCase(Locale.ROOT);
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ALTERATION;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		return Operations.sameName(modelName, this.oldName) || Operations.sameName(modelName, this.newName);
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if (other instanceof RenameModel rename && Operations.sameName(this.newName, rename.oldName())) {
			return Reduction.replace(new RenameModel(this.oldName, rename.newName()));
		}
		return Reduction.throughIf(!other.referencesModel(this.newName, app) && !other.referencesModel(this.oldName, app));
	}

}
