package io.github.migrations.lint;

/**
 * How bad a {@link Finding} is.
 *
 * @since 0.1
 */
public enum Severity {

	/**
	 * The operation is slow or heavy but leaves the table readable and writable (for example an
	 * online table rebuild); it never fails a run.
	 */
	WARNING,

	/**
	 * The operation blocks reads or writes of a live table while it runs, loses data, or breaks
	 * instances of the application still running the previous version.
	 */
	ERROR

}
