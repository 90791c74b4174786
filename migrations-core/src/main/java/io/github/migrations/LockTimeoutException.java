package io.github.migrations;

/**
 * Raised when the migration lock could not be acquired within the configured timeout; the message names the holder.
 *
 * @since 0.1
 */
public class LockTimeoutException extends MigrationException {

	public LockTimeoutException(String message) {
		super(message, 1, null);
	}

	public LockTimeoutException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
