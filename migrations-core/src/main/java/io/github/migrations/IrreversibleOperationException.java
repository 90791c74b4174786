package io.github.migrations;

/**
 * Raised before anything is touched when a backwards plan contains an operation that cannot be reversed.
 *
 * @since 0.1
 */
public class IrreversibleOperationException extends MigrationException {

	public IrreversibleOperationException(String message) {
		super(message, 1, null);
	}

	public IrreversibleOperationException(String message, Throwable cause) {
		super(message, 1, cause);
	}

}
