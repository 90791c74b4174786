package io.github.migrations.operation;

import java.util.Locale;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;

/**
 * Helpers shared by the operations: name comparison and relation checks, as Django's
 * {@code operations/utils.py}.
 */
final class Operations {

	private Operations() {
	}

	static boolean sameName(String a, String b) {
		return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
	}

	/**
	 * Return whether a field points to the given model.
	 * @param field the field
	 * @param modelName the model name
	 * @param app the app label of the model
	 * @return whether the field is a relation to it
	 */
	static boolean fieldReferencesModel(FieldState field, String modelName, String app) {
		ModelKey target = new ModelKey(app, modelName);
		if (target.equals(field.type().relatedModel())) {
			return true;
		}
		return (field.type() instanceof FieldType.ManyToManyField manyToMany) && manyToMany.through() != null
				&& ModelKey.parse(manyToMany.through()).equals(target);
	}

	/**
	 * Return whether a field points to the given field of a model (a foreign key points to the
	 * primary key, so any field of the target counts).
	 */
	static boolean fieldReferencesField(FieldState field, String modelName, String app) {
		return fieldReferencesModel(field, modelName, app);
	}

	/**
	 * Django's {@code FieldOperation.reduce} fallback: through unless the other operation
	 * references the field.
	 */
	static Reduction throughUnlessReferenced(Operation other, String modelName, String fieldName, String app) {
		return Reduction.throughIf(!other.referencesField(modelName, fieldName, app));
	}

}
