package io.github.migrations.operation;

import org.jspecify.annotations.Nullable;

/**
 * The operations the optimizer cannot see into (Django's {@code operations/special.py}): raw
 * SQL, Java code and separate database and state changes could touch any model, give no name
 * fragment, and reduce with nothing.
 */
sealed interface SpecialOperation extends Operation permits RunSql, RunJava, SeparateDatabaseAndState {

	@Override
	default @Nullable String migrationNameFragment() {
		return null;
	}

	@Override
	default boolean referencesModel(String modelName, String app) {
		// the SQL or code could touch anything
		return true;
	}

	@Override
	default Reduction reduce(Operation other, String app) {
		return Reduction.BLOCKED;
	}

	/**
	 * Return the reverse (SQL or code) of an operation, refusing to reverse one given none.
	 * @param <T> the type of the reverse
	 * @param reverse the reverse, or {@code null}
	 * @return the reverse
	 */
	static <T> T requireReverse(@Nullable T reverse) {
		if (reverse == null) {
			throw new IllegalStateException("You cannot reverse this operation");
		}
		return reverse;
	}

}
