package io.github.migrations;

/**
 * Raised when a command names an app that has no models and no migrations (Django exits with 2 for this).
 *
 * @since 0.1
 */
public class UnknownAppException extends MigrationException {

	public UnknownAppException(String message) {
		super(message, 2, null);
	}

	public UnknownAppException(String message, Throwable cause) {
		super(message, 2, cause);
	}

}
