package io.github.migrations.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.LockTimeoutException;
import io.github.migrations.Migrations;
import io.github.migrations.SchemaEditException;
import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import io.github.migrations.migration.Migration;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.testsupport.MigrationFiles.SHOP_INITIAL;
import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationListener}s given to the engine: what a migrate run tells them.
 */
class MigrationListenerTests {

	@TempDir
	Path dir;

	private final List<String> events = new ArrayList<>();

	private TestDatabase database;

	private Migrations migrations;

	@BeforeEach
	void setUp() throws IOException {
		this.database = TestDatabases.h2();
		this.migrations = Migrations.configure()
			.dataSource(this.database.dataSource())
			.directory(this.dir)
			.listener(new Recording("first"))
			.listener(new Recording("second"))
			.load();
		write(this.dir, "shop/0001_initial.yaml", SHOP_INITIAL);
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void everyListenerHearsTheLockWaitAndEachMigrationInOrder() {
		this.migrations.migrate();
		assertThat(this.events).containsExactly("first lock acquired", "second lock acquired",
				"first apply started shop.0001_initial", "second apply started shop.0001_initial",
				"first apply succeeded shop.0001_initial", "second apply succeeded shop.0001_initial");
		this.events.clear();
		this.migrations.migrate("shop", "zero", this.migrations.plan("shop", "zero").token());
		assertThat(this.events).containsExactly("first lock acquired", "second lock acquired",
				"first unapply started shop.0001_initial", "second unapply started shop.0001_initial",
				"first unapply succeeded shop.0001_initial", "second unapply succeeded shop.0001_initial");
	}

	@Test
	void aFailingMigrationIsReportedAsFailedWithItsError() throws IOException {
		this.migrations.migrate();
		write(this.dir, "shop/0002_price.yaml", """
				dependencies:
				  - shop.0001_initial
				operations:
				  - AddField:
				      model_name: product
				      name: price
				      field: {type: IntegerField}
				""");
		try (var connection = this.database.connection(); var statement = connection.createStatement()) {
			statement.execute("INSERT INTO shop_product VALUES (1)");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		this.events.clear();
		assertThatExceptionOfType(SchemaEditException.class).isThrownBy(this.migrations::migrate);
		assertThat(this.events).containsExactly("first lock acquired", "second lock acquired",
				"first apply started shop.0002_price", "second apply started shop.0002_price",
				"first apply failed shop.0002_price SchemaEditException", "second apply failed shop.0002_price SchemaEditException");
	}

	@Test
	void aLockHeldPastTheTimeoutIsReportedAsFailed() {
		Migrations impatient = Migrations.configure()
			.dataSource(this.database.dataSource())
			.directory(this.dir)
			.lockTimeout(Duration.ofMillis(300))
			.listener(new Recording("only"))
			.load();
		try (MigrationLock held = MigrationLocks.acquire(this.database.dataSource(), "migrations_history",
				Duration.ofSeconds(1))) {
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(impatient::migrate);
		}
		assertThat(this.events).containsExactly("only lock failed LockTimeoutException");
	}

	private final class Recording implements MigrationListener {

		private final String name;

		Recording(String name) {
			this.name = name;
		}

		private void add(String event) {
			MigrationListenerTests.this.events.add(this.name + " " + event);
		}

		@Override
		public void lockAcquired(Duration waited) {
			assertThat(waited.isNegative()).isFalse();
			add("lock acquired");
		}

		@Override
		public void lockFailed(Duration waited, RuntimeException failure) {
			add("lock failed " + failure.getClass().getSimpleName());
		}

		@Override
		public void applyStarted(Migration migration, boolean fake) {
			add("apply started " + migration.key());
		}

		@Override
		public void applySucceeded(Migration migration, boolean fake, Duration duration) {
			add("apply succeeded " + migration.key());
		}

		@Override
		public void applyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
			add("apply failed " + migration.key() + " " + failure.getClass().getSimpleName());
		}

		@Override
		public void unapplyStarted(Migration migration, boolean fake) {
			add("unapply started " + migration.key());
		}

		@Override
		public void unapplySucceeded(Migration migration, boolean fake, Duration duration) {
			add("unapply succeeded " + migration.key());
		}

		@Override
		public void unapplyFailed(Migration migration, boolean fake, Duration duration, RuntimeException failure) {
			add("unapply failed " + migration.key() + " " + failure.getClass().getSimpleName());
		}

	}

}
