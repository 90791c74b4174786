package io.github.migrations;

/**
 * Raised when the history table says a migration is applied while one of its dependencies is not.
 *
 * @since 0.1
 */
public class InconsistentMigrationHistoryException extends MigrationException {

	public InconsistentMigrationHistoryException(String message) {
		super(message, 1, null);
	}

	public InconsistentMigrationHistoryException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
