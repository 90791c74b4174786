package io.github.migrations;

/**
 * Raised when a statement fails against the database. The message names the migration (when
 * known), the statement number and the SQL text.
 *
 * @since 0.1
 */
public class SchemaEditException extends MigrationException {

	private final String sql;

	public SchemaEditException(String message, String sql, Throwable cause) {
		super(message, 1, cause);
		this.sql = sql;
	}

	/**
	 * Return the SQL statement that failed.
	 * @return the statement text
	 */
	public String sql() {
		return this.sql;
	}

}
