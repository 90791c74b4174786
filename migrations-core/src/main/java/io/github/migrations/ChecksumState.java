package io.github.migrations;

/**
 * How an applied migration's file compares with the checksum recorded when it was applied.
 *
 * @since 0.1
 */
public enum ChecksumState {

	/** The file is unchanged since it was applied. */
	OK,

	/** The file was edited after it was applied. */
	CHANGED,

	/** The history records the migration, but no file has it any more. */
	FILE_MISSING,

	/**
	 * No checksum was recorded (a migration recorded with the squash that replaces it, or a
	 * history written by another tool), so changes cannot be told.
	 */
	NOT_RECORDED

}
