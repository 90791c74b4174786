package io.github.migrations.operation;

import io.github.migrations.state.FieldState;

/**
 * The field operations that carry a field definition, {@link AddField} and {@link AlterField}
 * (Django's {@code FieldOperation} with a field): they refer to their model and field, and to
 * whatever model the field relates to.
 */
public sealed interface FieldOperation extends Operation permits AddField, AlterField {

	/**
	 * Return the model holding the field.
	 * @return the model name
	 */
	String modelName();

	/**
	 * Return the field name.
	 * @return the field name
	 */
	String name();

	/**
	 * Return the field definition.
	 * @return the field
	 */
	FieldState field();

	/**
	 * Return whether the state keeps the default, or forgets it as a one-off value.
	 * @return {@code false} for a one-off default
	 */
	boolean preserveDefault();

	@Override
	default boolean referencesModel(String modelName, String app) {
		return Operations.sameName(modelName(), modelName) || Operations.fieldReferencesModel(field(), modelName, app);
	}

	@Override
	default boolean referencesField(String modelName, String fieldName, String app) {
		return Operations.sameField(modelName(), name(), modelName, fieldName)
				|| Operations.fieldReferencesField(field(), modelName, app);
	}

	/**
	 * Return the field as the state stores it after the operation: without its default when the
	 * default is a one-off value given only to fill existing rows.
	 * @param operation the operation
	 * @return the stored field
	 */
	static FieldState stored(FieldOperation operation) {
		return operation.preserveDefault() ? operation.field() : operation.field().withDefault(null);
	}

}
