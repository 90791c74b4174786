package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * Drop a named index without blocking the table, as Django's
 * {@code django.contrib.postgres.operations.RemoveIndexConcurrently}:
 * {@code DROP INDEX CONCURRENTLY} on PostgreSQL, the plain drop elsewhere. The state changes as
 * with {@link RemoveIndex}; the migration holding it must say {@code atomic: false}.
 *
 * @param modelName the model name
 * @param name the index name
 * @since 0.1
 */
public record RemoveIndexConcurrently(String modelName, String name) implements SafeForm {

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		Operations.ensureNotInTransaction(this, editor);
		ModelState model = from.model(app, this.modelName);
		editor.removeIndexConcurrently(model, model.index(this.name));
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		Operations.ensureNotInTransaction(this, editor);
		ModelState model = to.model(app, this.modelName);
		editor.addIndexConcurrently(model, model.index(this.name));
	}

	@Override
	public boolean needsNonAtomicMigration() {
		return true;
	}

	@Override
	public String describe() {
		return Operations.concurrently(plain().describe());
	}

	/**
	 * Return the plain {@link RemoveIndex} of the same index, whose state change and reductions
	 * this operation shares (Django's subclass inherits them).
	 * @return the plain operation
	 */
	@Override
	public RemoveIndex plain() {
		return new RemoveIndex(this.modelName, this.name);
	}

}
