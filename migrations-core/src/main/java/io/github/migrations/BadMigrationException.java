package io.github.migrations;

/**
 * Raised when a migration file cannot be read: it does not parse, or holds a value of the wrong type. The message names the file and what to fix.
 *
 * @since 0.1
 */
public class BadMigrationException extends MigrationException {

	public BadMigrationException(String message) {
		super(message, 1, null);
	}

	public BadMigrationException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
