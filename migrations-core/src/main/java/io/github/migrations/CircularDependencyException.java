package io.github.migrations;

/**
 * Raised when migration dependencies form a cycle; the message lists the cycle as {@code app.name} keys.
 *
 * @since 0.1
 */
public class CircularDependencyException extends MigrationException {

	public CircularDependencyException(String message) {
		super(message, 1, null);
	}

	public CircularDependencyException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
