package io.github.migrations.autodetect;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import org.jspecify.annotations.Nullable;

/**
 * Answers the questions the autodetector cannot decide alone, as Django's migration questioner.
 * The defaults are those of a questioner without a terminal: no rename is assumed.
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

	/**
	 * Return a one-off default for a field changed from nullable to non-nullable without a
	 * default, used only to fill the rows that hold NULL; {@code null} to leave those rows to the
	 * user (Django's "ignore for now").
	 * @param app the app label
	 * @param modelName the model name (lower case)
	 * @param fieldName the field name
	 * @param field the field as declared now
	 * @return the one-off default as text, or {@code null}
	 */
	default @Nullable String askNotNullAlteration(String app, String modelName, String fieldName, FieldState field) {
		return null;
	}

	/**
	 * Return whether a removed field was renamed to an added one with the same definition.
	 * @param model the model
	 * @param oldName the removed field
	 * @param newName the added field
	 * @param field the added field
	 * @return {@code true} to generate a rename
	 */
	default boolean askRename(ModelKey model, String oldName, String newName, FieldState field) {
		return false;
	}

	/**
	 * Return whether a removed model was renamed to an added one with the same fields.
	 * @param old the removed model
	 * @param current the added model
	 * @return {@code true} to generate a rename
	 */
	default boolean askRenameModel(ModelState old, ModelState current) {
		return false;
	}

}
