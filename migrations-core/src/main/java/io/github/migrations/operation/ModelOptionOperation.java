package io.github.migrations.operation;

/**
 * The operations that change one option of a model (Django's {@code ModelOptionOperation}):
 * they refer to their model only, are altered-only, and a later operation of the same kind on
 * the same model, or its deletion, replaces them.
 */
public sealed interface ModelOptionOperation extends Operation permits AlterModelOptions, AlterModelTable {

	/**
	 * Return the model whose option this operation changes.
	 * @return the model name
	 */
	String name();

	@Override
	default OperationCategory category() {
		return OperationCategory.ALTERATION;
	}

	@Override
	default boolean referencesModel(String modelName, String app) {
		return Operations.sameName(modelName, name());
	}

	@Override
	default Reduction reduce(Operation other, String app) {
		if ((other instanceof ModelOptionOperation option && option.getClass() == getClass()
				&& Operations.sameName(option.name(), name()))
				|| (other instanceof DeleteModel delete && Operations.sameName(delete.name(), name()))) {
			return Reduction.replace(other);
		}
		return Reduction.throughIf(!other.referencesModel(name(), app));
	}

}
