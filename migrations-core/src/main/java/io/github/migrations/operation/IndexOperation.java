package io.github.migrations.operation;

/**
 * The operations on a model's named indexes and constraints (Django's {@code IndexOperation},
 * plus {@code ValidateConstraint}, which behaves the same): no operation is optimized across
 * them, so they refer to every model and, unless they say otherwise, reduce with nothing.
 */
sealed interface IndexOperation extends Operation
		permits AddIndex, RemoveIndex, RenameIndex, AddConstraint, RemoveConstraint, ValidateConstraint {

	/**
	 * Return the model whose index or constraint this operation changes.
	 * @return the model name
	 */
	String modelName();

	@Override
	default boolean referencesModel(String modelName, String app) {
		// as Django's IndexOperation: no operation is optimized across an index operation
		return true;
	}

	@Override
	default Reduction reduce(Operation other, String app) {
		return Reduction.BLOCKED;
	}

}
