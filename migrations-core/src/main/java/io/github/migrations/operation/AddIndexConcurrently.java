package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ProjectState;

/**
 * Create a named index without blocking writes to the table, as Django's
 * {@code django.contrib.postgres.operations.AddIndexConcurrently}: {@code CREATE INDEX CONCURRENTLY}
 * on PostgreSQL, the plain {@code CREATE INDEX} elsewhere. The state changes as with
 * {@link AddIndex}. PostgreSQL cannot build an index concurrently inside a transaction, so the
 * migration holding it must say {@code atomic: false}; the executor refuses it otherwise, on every
 * database, before anything runs.
 *
 * @param modelName the model name
 * @param index the index
 * @since 0.1
 */
public record AddIndexConcurrently(String modelName, IndexState index) implements SafeForm {

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		Operations.ensureNotInTransaction(this, editor);
		editor.addIndexConcurrently(to.model(app, this.modelName), this.index);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		Operations.ensureNotInTransaction(this, editor);
		editor.removeIndexConcurrently(from.model(app, this.modelName), this.index);
	}

	@Override
	public boolean needsNonAtomicMigration() {
		return true;
	}

	@Override
	public String describe() {
		return Operations.concurrently(plain().describe());
	}

	@Override
	public Reduction reduce(Operation other, String app) {
		// Django's subclass inherits AddIndex.reduce, which builds self.__class__ on a rename
		if (other instanceof RenameIndex rename && Operations.sameName(rename.modelName(), this.modelName)
				&& rename.oldName().equals(this.index.name())) {
			return Reduction.replace(new AddIndexConcurrently(this.modelName, this.index.withName(rename.newName())));
		}
		return plain().reduce(other, app);
	}

	/**
	 * Return the plain {@link AddIndex} of the same index, whose state change and reductions this
	 * operation shares (Django's subclass inherits them).
	 * @return the plain operation
	 */
	@Override
	public AddIndex plain() {
		return new AddIndex(this.modelName, this.index);
	}

}
