package io.github.migrations;

/**
 * Raised when an applied migration file has changed since it was applied; the message names the file and how to accept the change.
 *
 * @since 0.1
 */
public class ChecksumMismatchException extends MigrationException {

	public ChecksumMismatchException(String message) {
		super(message, 1, null);
	}

	public ChecksumMismatchException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
