package io.github.migrations;

/**
 * Raised when an app has more than one leaf migration (two branches made in parallel); fixed with {@code makemigrations --merge}.
 *
 * @since 0.1
 */
public class ConflictingMigrationsException extends MigrationException {

	public ConflictingMigrationsException(String message) {
		super(message, 1, null);
	}

	public ConflictingMigrationsException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
