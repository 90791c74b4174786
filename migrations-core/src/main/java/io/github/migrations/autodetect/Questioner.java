package io.github.migrations.autodetect;

import io.github.migrations.state.FieldState;

/**
 * Answers the questions the autodetector cannot decide alone, as Django's migration questioner.
 *
 * @since 0.1
 */
public interface Questioner {

	/**
	 * Return a one-off default for a non-nullable field added to an existing model without a
	 * default, used only to fill existing rows.
	 * @param app the app label
	 * @param modelName the model name (lower case)
	 * @param fieldName the field name
	 * @param field the field
	 * @return the one-off default as text
	 * @throws io.github.migrations.NonNullFieldWithoutDefaultException when no default can be had
	 */
	String askNotNullAddition(String app, String modelName, String fieldName, FieldState field);

}
