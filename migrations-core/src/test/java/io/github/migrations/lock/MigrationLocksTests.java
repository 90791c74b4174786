package io.github.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.migrations.LockTimeoutException;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationLocks} against each database.
 */
class MigrationLocksTests {

	private static final String HISTORY = "migrations_history";

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL", "SQLITE" })
	void secondAcquirerWaitsThenTimesOutNamingTheHolder(Vendor vendor) {
		try (TestDatabase db = TestDatabases.of(vendor);
				MigrationLock held = MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofSeconds(5))) {
			long start = System.nanoTime();
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofMillis(700)))
				.withMessageContaining("within 700ms")
				.withMessageContaining("held by " + held.owner())
				.withMessageContaining("'migrations.lock-timeout'");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL", "SQLITE" })
	void holderNamesWhoHoldsTheLockWithoutWaiting(Vendor vendor) {
		try (TestDatabase db = TestDatabases.of(vendor)) {
			assertThat(MigrationLocks.holder(db.dataSource(), HISTORY)).isEmpty();
			try (MigrationLock held = MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofSeconds(1))) {
				assertThat(MigrationLocks.holder(db.dataSource(), HISTORY)).get()
					.asString()
					.startsWith(held.owner());
				assertThat(MigrationLocks.holder(db.dataSource(), "other_history")).isEmpty();
			}
			assertThat(MigrationLocks.holder(db.dataSource(), HISTORY)).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL", "SQLITE" })
	void waitingAcquirerGetsTheLockOnceReleased(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor)) {
			MigrationLock first = MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofSeconds(5));
			CompletableFuture<MigrationLock> second = CompletableFuture
				.supplyAsync(() -> MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofSeconds(10)));
			Thread.sleep(500);
			assertThat(second).isNotDone();
			first.close();
			first.close();
			try (MigrationLock taken = second.get(10, TimeUnit.SECONDS)) {
				assertThat(taken.owner()).isNotEqualTo(first.owner());
			}
			MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofSeconds(1)).close();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL", "SQLITE" })
	void lockForAMigratingConnectionOutlivesItsTransactionsAndLeavesItOpenAndInItsMode(Vendor vendor)
			throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor); Connection migrating = db.dataSource().getConnection()) {
			migrating.setAutoCommit(false);
			MigrationLock lock = MigrationLocks.acquire(db.dataSource(), migrating, HISTORY, Duration.ofSeconds(1));
			assertThat(migrating.getAutoCommit()).as("the connection's mode after the lock was taken").isFalse();
			try (var statement = migrating.createStatement()) {
				statement.execute("SELECT 1");
			}
			migrating.rollback();
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofMillis(300)))
				.withMessageContaining("held by " + lock.owner());
			lock.close();
			assertThat(migrating.isClosed()).as("the migrating connection after the lock's release").isFalse();
			assertThat(migrating.getAutoCommit()).isFalse();
			MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofSeconds(1)).close();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL", "MARIADB", "MYSQL" })
	void sessionLockForAMigratingConnectionIsReleasedWhenThatConnectionCloses(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor)) {
			Connection migrating = db.dataSource().getConnection();
			MigrationLock lock = MigrationLocks.acquire(db.dataSource(), migrating, HISTORY, Duration.ofSeconds(1));
			assertThat(MigrationLocks.holder(db.dataSource(), HISTORY)).get().asString().startsWith(lock.owner());
			migrating.close();
			try (MigrationLock next = MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofSeconds(2))) {
				assertThat(next.owner()).isNotEqualTo(lock.owner());
			}
			lock.close();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL", "SQLITE" })
	void locksOfDifferentHistoryTablesAreIndependent(Vendor vendor) {
		try (TestDatabase db = TestDatabases.of(vendor);
				MigrationLock one = MigrationLocks.acquire(db.dataSource(), "history_one", Duration.ofSeconds(1));
				MigrationLock two = MigrationLocks.acquire(db.dataSource(), "history_two", Duration.ofSeconds(1))) {
			assertThat(one.owner()).isNotEqualTo(two.owner());
		}
	}

	@Test
	void expiredLockRowOfADeadProcessIsTakenOver() throws Exception {
		try (TestDatabase db = TestDatabases.h2(); Connection connection = db.connection()) {
			BaseSchemaEditor editor = SchemaEditors.create(connection, false);
			editor.createModel(TableLock.lockModel(HISTORY + "_lock"));
			editor.close();
			String insert = "INSERT INTO " + editor.quoteName(HISTORY + "_lock") + " VALUES (1, 'dead process', ?, ?)";
			try (PreparedStatement statement = connection.prepareStatement(insert)) {
				statement.setLong(1, System.currentTimeMillis() - 60_000);
				statement.setLong(2, System.currentTimeMillis() - 1_000);
				statement.executeUpdate();
			}
			try (MigrationLock lock = MigrationLocks.acquire(db.dataSource(), HISTORY, Duration.ofSeconds(1))) {
				try (var statement = connection.createStatement();
						var rows = statement.executeQuery("select owner from migrations_history_lock")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).isEqualTo(lock.owner());
				}
			}
		}
	}

	@Test
	void heartbeatKeepsALiveLockFromExpiring() throws Exception {
		try (TestDatabase db = TestDatabases.h2();
				TableLock lock = TableLock.acquire(db.connection(), "short_lock", Duration.ofSeconds(1),
						Duration.ofMillis(300))) {
			Thread.sleep(1000);
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> TableLock.acquire(db.connection(), "short_lock", Duration.ofMillis(300),
						Duration.ofMillis(300)))
				.withMessageContaining(lock.owner());
		}
	}

}
