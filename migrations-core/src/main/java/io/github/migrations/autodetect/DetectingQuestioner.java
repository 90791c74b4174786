package io.github.migrations.autodetect;

import io.github.migrations.state.FieldState;

/**
 * A questioner for detecting whether changes exist (for migrate's hint, health checks and the
 * endpoint): it answers with a placeholder instead of failing, since nothing is written.
 *
 * @since 0.1
 */
public final class DetectingQuestioner implements Questioner {

	@Override
	public String askNotNullAddition(String app, String modelName, String fieldName, FieldState field) {
		return "";
	}

}
