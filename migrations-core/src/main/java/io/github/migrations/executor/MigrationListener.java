package io.github.migrations.executor;

import java.time.Duration;

import io.github.migrations.migration.Migration;

/**
 * Typed progress callbacks of the executor (Django passes event strings instead).
 *
 * @since 0.1
 */
public interface MigrationListener {

	/** A listener that does nothing. */
	MigrationListener NONE = new MigrationListener() {
	};

	/**
	 * Called before a migration is applied.
	 * @param migration the migration
	 * @param fake whether it is only recorded
	 */
	default void applyStarted(Migration migration, boolean fake) {
	}

	/**
	 * Called after a migration was applied and recorded.
	 * @param migration the migration
	 * @param fake whether it was only recorded
	 * @param duration how long it took
	 */
	default void applySucceeded(Migration migration, boolean fake, Duration duration) {
	}

	/**
	 * Called before a migration is unapplied.
	 * @param migration the migration
	 * @param fake whether only the record is removed
	 */
	default void unapplyStarted(Migration migration, boolean fake) {
	}

	/**
	 * Called after a migration was unapplied.
	 * @param migration the migration
	 * @param fake whether only the record was removed
	 * @param duration how long it took
	 */
	default void unapplySucceeded(Migration migration, boolean fake, Duration duration) {
	}

}
