package io.github.migrations;

/**
 * Raised by makemigrations when a non-nullable field is added to an existing model without any default and no one can be asked for one.
 *
 * @since 0.1
 */
public class NonNullFieldWithoutDefaultException extends MigrationException {

	public NonNullFieldWithoutDefaultException(String message) {
		super(message, 3, null);
	}

	public NonNullFieldWithoutDefaultException(String message, Throwable cause) {
		super(message, 3, cause);
	}

}
