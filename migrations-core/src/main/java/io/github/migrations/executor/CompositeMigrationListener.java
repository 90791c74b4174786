package io.github.migrations.executor;

import java.time.Duration;
import java.util.List;

import io.github.migrations.migration.Migration;

/**
 * Calls several listeners in order; made by {@link MigrationListener#of}.
 *
 * @param listeners the listeners
 */
record CompositeMigrationListener(List<MigrationListener> listeners) implements MigrationListener {

	@Override
	public void lockAcquired(Duration waited) {
		this.listeners.forEach((listener) -> listener.lockAcquired(waited));
	}

	@Override
	public void lockFailed(Duration waited, RuntimeException failure) {
		this.listeners.forEach((listener) -> listener.lockFailed(waited, failure));
	}

	@Override
	public void applyStarted(Migration migration, boolean fake) {
		this.listeners.forEach((listener) -> listener.applyStarted(migration, fake));
	}

	@Override
	public void applySucceeded(Migration migration, boolean fake, Duration duration) {
		this.listeners.forEach((listener) -> listener.applySucceeded(migration, fake, duration));
	}

	@Override
	public void applyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
		this.listeners.forEach((listener) -> listener.applyFailed(migration, fake, duration, failure));
	}

	@Override
	public void unapplyStarted(Migration migration, boolean fake) {
		this.listeners.forEach((listener) -> listener.unapplyStarted(migration, fake));
	}

	@Override
	public void unapplySucceeded(Migration migration, boolean fake, Duration duration) {
		this.listeners.forEach((listener) -> listener.unapplySucceeded(migration, fake, duration));
	}

	@Override
	public void unapplyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
		this.listeners.forEach((listener) -> listener.unapplyFailed(migration, fake, duration, failure));
	}

}
