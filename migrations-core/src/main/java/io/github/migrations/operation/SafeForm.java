package io.github.migrations.operation;

import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * An operation that makes the same change as a plain operation in a way that does not block a
 * live PostgreSQL table (Django's {@code django.contrib.postgres.operations}, which subclass the
 * plain operations): it changes the state, names migrations, references models and fields and
 * reduces as its {@link #plain()} form, and differs only in what it runs on the database and how
 * it describes itself. Elsewhere than on PostgreSQL the schema editor runs the plain form.
 *
 * @since 0.1
 */
public sealed interface SafeForm extends Operation
		permits AddIndexConcurrently, RemoveIndexConcurrently, AddConstraintNotValid, AddFieldNotValid {

	/**
	 * Return the plain operation making the same change, whose state change, references and
	 * reductions this one shares.
	 * @return the plain operation
	 */
	Operation plain();

	@Override
	default ProjectState stateForwards(String app, ProjectState state) {
		return plain().stateForwards(app, state);
	}

	@Override
	default @Nullable String migrationNameFragment() {
		return plain().migrationNameFragment();
	}

	@Override
	default OperationCategory category() {
		return plain().category();
	}

	@Override
	default boolean referencesModel(String modelName, String app) {
		return plain().referencesModel(modelName, app);
	}

	@Override
	default boolean referencesField(String modelName, String fieldName, String app) {
		return plain().referencesField(modelName, fieldName, app);
	}

	@Override
	default Reduction reduce(Operation other, String app) {
		return plain().reduce(other, app);
	}

}
