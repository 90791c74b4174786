package io.github.migrations.actuate.metrics;

import java.time.Duration;

import io.github.migrations.executor.MigrationListener;
import io.github.migrations.migration.Migration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link MigrationListener} that records Micrometer timers:
 * <ul>
 * <li>{@value #EXECUTION}: how long each migration took to apply or unapply, tagged with
 * {@code app}, {@code migration}, {@code direction} ({@code forwards} or {@code backwards}),
 * {@code fake} ({@code true} when only recorded), {@code outcome} ({@code success} or
 * {@code failure}) and {@code exception} (the error's simple class name, or {@code none});</li>
 * <li>{@value #LOCK_WAIT}: how long a migrate run waited for the migration lock, tagged with
 * {@code outcome} ({@code success}, or {@code failure} when it timed out or the database
 * failed).</li>
 * </ul>
 *
 * @author Migrations contributors
 * @since 0.1
 */
public class MigrationsMetricsListener implements MigrationListener {

	/** Name of the timer of migration runs. */
	public static final String EXECUTION = "migrations.execution";

	/** Name of the timer of lock waits. */
	public static final String LOCK_WAIT = "migrations.lock.wait";

	private final MeterRegistry registry;

	/**
	 * Create a new {@link MigrationsMetricsListener} instance.
	 * @param registry the registry to record to
	 */
	public MigrationsMetricsListener(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public void lockAcquired(Duration waited) {
		lockWait(waited, "success");
	}

	@Override
	public void lockFailed(Duration waited, RuntimeException failure) {
		lockWait(waited, "failure");
	}

	@Override
	public void applySucceeded(Migration migration, boolean fake, Duration duration) {
		execution(migration, "forwards", fake, duration, null);
	}

	@Override
	public void applyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
		execution(migration, "forwards", fake, duration, failure);
	}

	@Override
	public void unapplySucceeded(Migration migration, boolean fake, Duration duration) {
		execution(migration, "backwards", fake, duration, null);
	}

	@Override
	public void unapplyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
		execution(migration, "backwards", fake, duration, failure);
	}

	private void execution(Migration migration, String direction, boolean fake, Duration duration,
			@Nullable RuntimeException failure) {
		Timer.builder(EXECUTION)
			.description("Time taken to apply or unapply a migration")
			.tags(Tags.of("app", migration.app(), "migration", migration.name(), "direction", direction, "fake",
					Boolean.toString(fake), "outcome", (failure != null) ? "failure" : "success", "exception",
					(failure != null) ? failure.getClass().getSimpleName() : "none"))
			.register(this.registry)
			.record(duration);
	}

	private void lockWait(Duration waited, String outcome) {
		Timer.builder(LOCK_WAIT)
			.description("Time spent waiting for the migration lock")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(waited);
	}

}
