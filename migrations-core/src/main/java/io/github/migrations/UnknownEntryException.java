package io.github.migrations;

import java.util.List;

/**
 * Raised when a migration file names something the parser does not know: a key, an operation or
 * a field type. The message and the accessors name the file, the operation, the unknown name and
 * the valid choices, so a tool (or a person) can tell a typo from a file written by a newer
 * version.
 *
 * @since 0.1
 */
public class UnknownEntryException extends BadMigrationException {

	private final String file;

	private final int operationIndex;

	private final String unknown;

	private final List<String> choices;

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param file the file (path or classpath location)
	 * @param operationIndex the 1-based index of the top-level operation holding the entry, or
	 * {@code 0} when it is outside any operation
	 * @param unknown the unknown key, operation name or field type
	 * @param choices the names that are valid at that place
	 */
	public UnknownEntryException(String message, String file, int operationIndex, String unknown,
			List<String> choices) {
		super(message);
		this.file = file;
		this.operationIndex = operationIndex;
		this.unknown = unknown;
		this.choices = List.copyOf(choices);
	}

	/**
	 * Return the file the entry is in.
	 * @return the file's path or classpath location
	 */
	public String file() {
		return this.file;
	}

	/**
	 * Return the 1-based index of the operation (in the file's {@code operations} list) the entry
	 * is in, or {@code 0} for a top-level key of the migration.
	 * @return the operation index
	 */
	public int operationIndex() {
		return this.operationIndex;
	}

	/**
	 * Return the name that is not known.
	 * @return the unknown key, operation name or field type
	 */
	public String unknown() {
		return this.unknown;
	}

	/**
	 * Return the names valid at that place, in the order the documentation lists them.
	 * @return the valid choices
	 */
	public List<String> choices() {
		return this.choices;
	}

}
