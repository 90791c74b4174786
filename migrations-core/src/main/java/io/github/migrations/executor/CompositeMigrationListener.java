package io.github.migrations.executor;

import java.time.Duration;
import java.util.List;

import io.github.migrations.migration.Migration;

/**
 * Calls several listeners in order; made by {@link MigrationListener#of}. Plain loops, not
 * lambdas: a restart calls {@link #lockAcquired} as the first code of a fresh JVM, where each
 * lambda is a class to spin (see {@link io.github.migrations.Preinitialization}).
 *
 * @param listeners the listeners
 */
record CompositeMigrationListener(List<MigrationListener> listeners) implements MigrationListener {

	@Override
	public void lockAcquired(Duration waited) {
		for (MigrationListener listener : this.listeners) {
			listener.lockAcquired(waited);
		}
	}

	@Override
	public void lockFailed(Duration waited, RuntimeException failure) {
		for (MigrationListener listener : this.listeners) {
			listener.lockFailed(waited, failure);
		}
	}

	@Override
	public void applyStarted(Migration migration, boolean fake) {
		for (MigrationListener listener : this.listeners) {
			listener.applyStarted(migration, fake);
		}
	}

	@Override
	public void applySucceeded(Migration migration, boolean fake, Duration duration) {
		for (MigrationListener listener : this.listeners) {
			listener.applySucceeded(migration, fake, duration);
		}
	}

	@Override
	public void applyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
		for (MigrationListener listener : this.listeners) {
			listener.applyFailed(migration, fake, duration, failure);
		}
	}

	@Override
	public void unapplyStarted(Migration migration, boolean fake) {
		for (MigrationListener listener : this.listeners) {
			listener.unapplyStarted(migration, fake);
		}
	}

	@Override
	public void unapplySucceeded(Migration migration, boolean fake, Duration duration) {
		for (MigrationListener listener : this.listeners) {
			listener.unapplySucceeded(migration, fake, duration);
		}
	}

	@Override
	public void unapplyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
		for (MigrationListener listener : this.listeners) {
			listener.unapplyFailed(migration, fake, duration, failure);
		}
	}

}
