package io.github.migrations.operation;

import org.jspecify.annotations.Nullable;

/**
 * The operations the optimizer does not see through, with the defaults of Django's base
 * {@code Operation}: they refer to every model, reduce with nothing and give no name fragment
 * unless they say otherwise. They are the index and constraint operations (Django's
 * {@code IndexOperation}, which keeps these defaults, and {@code ValidateConstraint}) and the
 * special ones (raw SQL, Java code, separate database and state changes), which could touch
 * anything.
 */
public sealed interface OpaqueOperation extends Operation permits AddIndex, RemoveIndex, RenameIndex, AddConstraint,
		RemoveConstraint, ValidateConstraint, RunSql, RunJava, SeparateDatabaseAndState {

	@Override
	default @Nullable String migrationNameFragment() {
		return null;
	}

	@Override
	default boolean referencesModel(String modelName, String app) {
		return true;
	}

	@Override
	default Reduction reduce(Operation other, String app) {
		return Reduction.BLOCKED;
	}

}
