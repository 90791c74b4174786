package io.github.migrations.operation;

import java.util.Locale;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Rename a model's table.
 *
 * @param name the model name
 * @param table the new table name, or {@code null} for the default {@code <app>_<model>}
 * @since 0.1
 */
public record AlterModelTable(String name, @Nullable String table) implements Operation {

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		return state.withModel(state.model(app, this.name).withDbTable(this.table));
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		JoinTableRenames.follow(editor, from.model(app, this.name), to.model(app, this.name), from, to);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		JoinTableRenames.follow(editor, from.model(app, this.name), to.model(app, this.name), from, to);
	}

	@Override
	public String describe() {
		return "Rename table for " + this.name + " to " + ((this.table != null) ? this.table : "(default)");
	}

	@Override
	public String migrationNameFragment() {
		return "alter_" + this.name.toLowerCase(Locale.ROOT) + "_table";
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.ALTERATION;
	}

	@Override
	public boolean referencesModel(String modelName, String app) {
		return Operations.sameName(modelName, this.name);
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		if ((other instanceof AlterModelTable table && Operations.sameName(table.name(), this.name))
				|| (other instanceof DeleteModel delete && Operations.sameName(delete.name(), this.name))) {
			return Reduction.replace(other);
		}
		return Reduction.throughIf(!other.referencesModel(this.name, app));
	}

}
