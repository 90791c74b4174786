package io.github.migrations.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Create a model and its table.
 *
 * @param name the model name as declared
 * @param fields the fields in order
 * @param dbTable an explicit table name, or {@code null}
 * @param indexes the model's named indexes
 * @param constraints the model's named constraints
 * @param options options without database effect
 * @since 0.1
 */
public record CreateModel(String name, Map<String, FieldState> fields, @Nullable String dbTable,
		List<IndexState> indexes, List<ConstraintState> constraints, ModelOptions options) implements Operation {

	public CreateModel {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		indexes = List.copyOf(indexes);
		constraints = List.copyOf(constraints);
	}

	/**
	 * Create a model without indexes, constraints or options.
	 * @param name the model name
	 * @param fields the fields
	 * @param dbTable an explicit table name, or {@code null}
	 */
	public CreateModel(String name, Map<String, FieldState> fields, @Nullable String dbTable) {
		this(name, fields, dbTable, List.of(), List.of(), ModelOptions.NONE);
	}

	/**
	 * Create the operation that creates the given model.
	 * @param model the model
	 * @return the operation
	 */
	public static CreateModel of(ModelState model) {
		return new CreateModel(model.name(), model.fields(), model.dbTable(), model.indexes(), model.constraints(),
				model.options());
	}

	private CreateModel with(Map<String, FieldState> fields) {
		return new CreateModel(this.name, fields, this.dbTable, this.indexes, this.constraints, this.options);
	}

	private CreateModel withIndexes(List<IndexState> indexes) {
		return new CreateModel(this.name, this.fields, this.dbTable, indexes, this.constraints, this.options);
	}

	private CreateModel withConstraints(List<ConstraintState> constraints) {
		return new CreateModel(this.name, this.fields, this.dbTable, this.indexes, constraints, this.options);
	}

	private ModelState model(String app) {
		return new ModelState(app, this.name, this.fields, this.dbTable, this.indexes, this.constraints, this.options);
	}

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		return state.withModel(model(app));
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
		return Operations.fragment(this.name);
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
		if (Operations.plainOf(other) instanceof AddField add && Operations.sameName(add.modelName(), this.name)) {
			Map<String, FieldState> fields = new LinkedHashMap<>(this.fields);
			// a one-off default only fills existing rows; a new table has none, so it is dropped
			fields.put(add.name(), FieldOperation.stored(add));
			return Reduction.replace(with(fields));
		}
		if (other instanceof AlterField alter && Operations.sameName(alter.modelName(), this.name)
				&& this.fields.containsKey(alter.name())) {
			Map<String, FieldState> fields = new LinkedHashMap<>(this.fields);
			fields.put(alter.name(), FieldOperation.stored(alter));
			return Reduction.replace(with(fields));
		}
		if (other instanceof RemoveField remove && Operations.sameName(remove.modelName(), this.name)
				&& this.fields.containsKey(remove.name())) {
			Map<String, FieldState> fields = new LinkedHashMap<>(this.fields);
			fields.remove(remove.name());
			return Reduction.replace(with(fields));
		}
		if (other instanceof RenameField rename && Operations.sameName(rename.modelName(), this.name)
				&& this.fields.containsKey(rename.oldName())) {
			// as the state does: indexes, constraints and ordering follow the field
			return Reduction.replace(of(model(app).withFieldRenamed(rename.oldName(), rename.newName())));
		}
		if (other instanceof RenameModel rename && Operations.sameName(rename.oldName(), this.name)) {
			// relations of the model to itself follow the rename (Django keeps the old target here)
			ProjectState renamed = rename.stateForwards(app, ProjectState.of(List.of(model(app))));
			return Reduction.replace(of(renamed.model(app, rename.newName())));
		}
		if (other instanceof AlterModelTable table && Operations.sameName(table.name(), this.name)) {
			return Reduction.replace(new CreateModel(this.name, this.fields, table.table(), this.indexes,
					this.constraints, this.options));
		}
		if (other instanceof AlterModelOptions options && Operations.sameName(options.name(), this.name)) {
			return Reduction.replace(new CreateModel(this.name, this.fields, this.dbTable, this.indexes,
					this.constraints, options.options()));
		}
		if (Operations.plainOf(other) instanceof AddIndex add && Operations.sameName(add.modelName(), this.name)) {
			List<IndexState> indexes = new ArrayList<>(this.indexes);
			indexes.add(add.index());
			return Reduction.replace(withIndexes(indexes));
		}
		if (Operations.plainOf(other) instanceof AddConstraint add && Operations.sameName(add.modelName(), this.name)) {
			List<ConstraintState> constraints = new ArrayList<>(this.constraints);
			constraints.add(add.constraint());
			return Reduction.replace(withConstraints(constraints));
		}
		if (Operations.plainOf(other) instanceof RemoveIndex remove && Operations.sameName(remove.modelName(), this.name)) {
			return Reduction.replace(withIndexes(Operations.withoutNamed(this.indexes, IndexState::name, remove.name())));
		}
		if (other instanceof RemoveConstraint remove && Operations.sameName(remove.modelName(), this.name)) {
			return Reduction.replace(
					withConstraints(Operations.withoutNamed(this.constraints, ConstraintState::name, remove.name())));
		}
		return Reduction.throughIf(!other.referencesModel(this.name, app));
	}

}
