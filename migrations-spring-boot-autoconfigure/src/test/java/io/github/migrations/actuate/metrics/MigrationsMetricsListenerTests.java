package io.github.migrations.actuate.metrics;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.migrations.LockTimeoutException;
import io.github.migrations.Migrations;
import io.github.migrations.SchemaEditException;
import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsMetricsListener} given to an engine on H2: failures and lock
 * timeouts are recorded with their outcome.
 *
 * @author Migrations contributors
 */
class MigrationsMetricsListenerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

	@Test
	void aFailedMigrationIsTimedWithItsOutcomeAndException() {
		Migrations migrations = engine(Duration.ofSeconds(5));
		migrations.migrate("shop", "0001", migrations.plan("shop", "0001").token());
		JdbcClient.create(this.dataSource).sql("ALTER TABLE shop_product ADD COLUMN sku VARCHAR(20)").update();
		assertThatExceptionOfType(SchemaEditException.class).isThrownBy(migrations::migrate);
		assertThat(this.registry.get(MigrationsMetricsListener.EXECUTION)
			.tags("migration", "0002_add_sku", "direction", "forwards", "outcome", "failure", "exception",
					"SchemaEditException")
			.timer()
			.count()).isOne();
	}

	@Test
	void aLockTimeoutIsTimedAsAFailedWait() {
		Migrations migrations = engine(Duration.ofMillis(300));
		try (MigrationLock held = MigrationLocks.acquire(this.dataSource, "migrations_history", Duration.ofSeconds(1))) {
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(migrations::migrate);
		}
		assertThat(this.registry.get(MigrationsMetricsListener.LOCK_WAIT).tag("outcome", "failure").timer().totalTime(
				TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
	}

	private Migrations engine(Duration lockTimeout) {
		return Migrations.configure()
			.dataSource(this.dataSource)
			.location("db/migrations")
			.lockTimeout(lockTimeout)
			.listener(new MigrationsMetricsListener(this.registry))
			.load();
	}

}
