package io.github.migrations;

/**
 * Raised by a command for wrong usage or input (unknown app, unknown target, conflicting leaves); Django's {@code CommandError}.
 *
 * @since 0.1
 */
public class CommandException extends MigrationException {

	public CommandException(String message) {
		super(message, 1, null);
	}

	public CommandException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
