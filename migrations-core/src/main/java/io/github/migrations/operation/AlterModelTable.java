package io.github.migrations.operation;

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
public record AlterModelTable(String name, @Nullable String table) implements ModelOptionOperation {

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
		databaseForwards(app, editor, from, to);
	}

	@Override
	public String describe() {
		return "Rename table for " + this.name + " to " + ((this.table != null) ? this.table : "(default)");
	}

	@Override
	public String migrationNameFragment() {
		return Operations.fragment("alter", this.name, "table");
	}

}
