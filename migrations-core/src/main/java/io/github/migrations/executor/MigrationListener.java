package io.github.migrations.executor;

import java.time.Duration;
import java.util.List;

import io.github.migrations.migration.Migration;

/**
 * Typed callbacks of a migrate run (Django passes event strings instead): the wait for the
 * migration lock, then each migration applied or unapplied, with its duration and outcome. Give
 * listeners to the engine with {@code MigrationsConfiguration.Builder#listener}; they are called on
 * the migrating thread and must not throw.
 *
 * @since 0.1
 */
public interface MigrationListener {

	/** A listener that does nothing. */
	MigrationListener NONE = new MigrationListener() {
	};

	/**
	 * Return a listener that calls each of the given listeners in order.
	 * @param listeners the listeners
	 * @return the composite listener
	 */
	static MigrationListener of(List<MigrationListener> listeners) {
		List<MigrationListener> all = List.copyOf(listeners);
		return (all.size() == 1) ? all.get(0) : new CompositeMigrationListener(all);
	}

	/**
	 * Called when the migration lock was acquired.
	 * @param waited how long it took to acquire it
	 */
	default void lockAcquired(Duration waited) {
	}

	/**
	 * Called when the migration lock could not be acquired (another process held it past the
	 * timeout, or the database failed).
	 * @param waited how long was waited
	 * @param failure the error that is thrown next
	 */
	default void lockFailed(Duration waited, RuntimeException failure) {
	}

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

	/**
	 * Called when applying a migration failed; the failure is thrown next.
	 * @param migration the migration
	 * @param fake whether it was only to be recorded
	 * @param duration how long it ran before failing
	 * @param failure the error
	 */
	default void applyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
	}

	/**
	 * Called when unapplying a migration failed; the failure is thrown next.
	 * @param migration the migration
	 * @param fake whether only the record was to be removed
	 * @param duration how long it ran before failing
	 * @param failure the error
	 */
	default void unapplyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
	}

}
