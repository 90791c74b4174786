package io.github.migrations.lock;

/**
 * A held migration lock: while one process holds it, no other process migrates the same
 * database. Obtained from {@link MigrationLocks#acquire}; release it with {@link #close()},
 * preferably in a try-with-resources block.
 *
 * @since 0.1
 */
public interface MigrationLock extends AutoCloseable {

	/**
	 * Return a description of this holder (used in messages of processes that wait).
	 * @return the owner description
	 */
	String owner();

	/**
	 * Release the lock. Calling it again does nothing.
	 */
	@Override
	void close();

}
