package io.github.migrations;

/**
 * Raised when a model declaration is invalid; the message names {@code Class.field} and the fix.
 *
 * @since 0.1
 */
public class InvalidModelException extends MigrationException {

	public InvalidModelException(String message) {
		super(message, 1, null);
	}

	public InvalidModelException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
