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

}
