package io.github.migrations.autodetect;

import io.github.migrations.NonNullFieldWithoutDefaultException;
import io.github.migrations.state.FieldState;

/**
 * The questioner used without a terminal (CI, build plugin, {@code --noinput}): it never guesses.
 *
 * @since 0.1
 */
public final class NonInteractiveQuestioner implements Questioner {

	@Override
	public String askNotNullAddition(String app, String modelName, String fieldName, FieldState field) {
		throw new NonNullFieldWithoutDefaultException("Field '" + fieldName + "' on model '" + modelName
				+ "' not migrated: it is impossible to add a non-nullable field without specifying a default.\n"
				+ "Existing rows of " + app + "." + modelName + " need a value for it. Fix it in the model with one of:\n"
				+ "  - a default: defaultValue = \"...\" on the field annotation\n"
				+ "  - nullable = true on the field annotation\n"
				+ "then run makemigrations again.");
	}

}
