package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * One change of a migration: it changes the in-memory state, runs forwards or backwards against a
 * schema editor given both states, and describes itself, as Django's operations do. Sealed: users
 * extend the vocabulary with {@code RunSql}/{@code RunJava}, not with new operation types.
 *
 * @since 0.1
 */
public sealed interface Operation permits CreateModel, DeleteModel, RenameModel, ModelOptionOperation,
		FieldOperation, RemoveField, RenameField, OpaqueOperation, SafeForm {

	/**
	 * Return the state after this operation.
	 * @param app the app label of the migration holding this operation
	 * @param state the state before
	 * @return the state after
	 */
	ProjectState stateForwards(String app, ProjectState state);

	/**
	 * Change the database forwards.
	 * @param app the app label
	 * @param editor the schema editor
	 * @param from the state before this operation
	 * @param to the state after this operation
	 */
	void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to);

	/**
	 * Undo the change in the database.
	 * @param app the app label
	 * @param editor the schema editor
	 * @param from the state after this operation (the one being left)
	 * @param to the state before this operation (the one being reached)
	 */
	void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to);

	/**
	 * Return Django's description, for example {@code Add field email to employee}.
	 * @return the description
	 */
	String describe();

	/**
	 * Return the fragment used in automatic migration names, or {@code null} when none fits.
	 * @return the name fragment
	 */
	@Nullable String migrationNameFragment();

	/**
	 * Return the category whose symbol prefixes the description in command output.
	 * @return the category
	 */
	OperationCategory category();

	/**
	 * Return whether this operation refers to the model (by name or by a relation). If in doubt,
	 * return {@code true}: a false positive only makes the optimizer less effective, a false
	 * negative can produce a broken migration.
	 * @param modelName the model name (any case)
	 * @param app the app label
	 * @return whether the model is referenced
	 */
	boolean referencesModel(String modelName, String app);

	/**
	 * Return whether this operation refers to the field. If in doubt, return {@code true}.
	 * @param modelName the model name (any case)
	 * @param fieldName the field name
	 * @param app the app label
	 * @return whether the field is referenced
	 */
	default boolean referencesField(String modelName, String fieldName, String app) {
		return referencesModel(modelName, app);
	}

	/**
	 * Say what this operation followed by {@code other} can become (Django's {@code reduce}).
	 * @param other the later operation
	 * @param app the app label of both
	 * @return the reduction
	 */
	Reduction reduce(Operation other, String app);

	/**
	 * Return whether this operation can be undone.
	 * @return {@code true} when reversible
	 */
	default boolean reversible() {
		return true;
	}

	/**
	 * Return whether this operation must run outside a transaction, so that its migration must
	 * say {@code atomic: false} (Django's {@code NotInTransactionMixin}: the concurrent index
	 * operations).
	 * @return {@code true} when the migration holding it must not be atomic
	 */
	default boolean needsNonAtomicMigration() {
		return false;
	}

	/**
	 * Return the description prefixed with the category symbol, as makemigrations prints it.
	 * @return the formatted description
	 */
	default String formattedDescription() {
		return category().symbol() + " " + describe();
	}

}
