package io.github.migrations.model;

/**
 * A class file the class-file path cannot read with certainty (malformed, truncated, or using
 * something the reader does not know); the model is then read by loading its class instead.
 */
final class ClassFileFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ClassFileFormatException(String message) {
		super(message);
	}

}
