package io.github.migrations.autoconfigure.diagnostics;

/**
 * Builds the descriptions of the failure analyzers: what did not happen, then the engine's
 * message. Only the message's first line is kept; the engine's advice that follows it is in the
 * analysis's action, worded for a Spring Boot application.
 *
 * @author Migrations contributors
 */
final class FailureDescriptions {

	private FailureDescriptions() {
	}

	static String describe(String what, String message) {
		int newline = message.indexOf('\n');
		return what + ":\n\n    " + ((newline < 0) ? message : message.substring(0, newline));
	}

}
