package io.github.migrations;

/**
 * Unchecked root of every error the engine raises. Each subclass is named after the condition
 * (as Django's exceptions are) and carries the exit code a command returns for it.
 *
 * @since 0.1
 */
public class MigrationException extends RuntimeException {

	private final int exitCode;

	public MigrationException(String message) {
		this(message, 1, null);
	}

	public MigrationException(String message, Throwable cause) {
		this(message, 1, cause);
	}

	protected MigrationException(String message, int exitCode, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	/**
	 * Return the process exit code a command uses when it fails with this error.
	 * @return the exit code, never 0
	 */
	public int exitCode() {
		return this.exitCode;
	}

}
