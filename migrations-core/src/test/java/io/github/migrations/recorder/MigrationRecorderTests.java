package io.github.migrations.recorder;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.migrations.migration.MigrationKey;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link MigrationRecorder} against each database.
 */
class MigrationRecorderTests {

	private static final MigrationKey BLOG_1 = new MigrationKey("blog", "0001_initial");

	private static final MigrationKey SHOP_1 = new MigrationKey("shop", "0001_initial");

	private static final MigrationKey BLOG_2 = new MigrationKey("blog", "0002_post_slug");

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL" })
	void withoutTableNothingIsAppliedAndNothingIsCreated(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor); Connection connection = db.connection()) {
			MigrationRecorder recorder = new MigrationRecorder(connection, "migrations_history");
			assertThat(recorder.hasTable()).isFalse();
			assertThat(recorder.appliedMigrations()).isEmpty();
			assertThat(recorder.appliedChecksums()).isEmpty();
			assertThat(Introspector.tableNames(connection)).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL" })
	void ensureSchemaCreatesTheHistoryTableOnce(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor); Connection connection = db.connection()) {
			MigrationRecorder recorder = new MigrationRecorder(connection, "migrations_history");
			recorder.ensureSchema();
			recorder.ensureSchema();
			assertThat(new MigrationRecorder(connection, "migrations_history").hasTable()).isTrue();
			assertThat(Introspector.columnNames(connection, "migrations_history")).map(String::toLowerCase)
				.containsExactly("id", "app", "name", "applied", "checksum", "execution_time");
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL" })
	void recordsAppliedMigrationsInOrderAndForgetsUnappliedOnes(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor); Connection connection = db.connection()) {
			MigrationRecorder recorder = new MigrationRecorder(connection, "migrations_history");
			recorder.recordApplied(SHOP_1, "a".repeat(64), 12);
			recorder.recordApplied(BLOG_1, null, 3);
			recorder.recordApplied(BLOG_2, "b1", 0);
			recorder.recordUnapplied(BLOG_1);
			Map<MigrationKey, AppliedMigration> applied = new MigrationRecorder(connection, "migrations_history")
				.appliedMigrations();
			assertThat(applied.keySet()).containsExactly(SHOP_1, BLOG_2);
			AppliedMigration shop = applied.get(SHOP_1);
			assertThat(shop.checksum()).isEqualTo("a".repeat(64));
			assertThat(shop.executionMillis()).isEqualTo(12L);
			assertThat(shop.appliedAt()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
			Map<MigrationKey, String> checksums = new MigrationRecorder(connection, "migrations_history")
				.appliedChecksums();
			assertThat(checksums.keySet()).containsExactly(SHOP_1, BLOG_2);
			assertThat(checksums).containsEntry(SHOP_1, "a".repeat(64)).containsEntry(BLOG_2, "b1");
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL" })
	void appliedChecksumsAreNullForARowWithoutOne(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor); Connection connection = db.connection()) {
			MigrationRecorder recorder = new MigrationRecorder(connection, "migrations_history");
			recorder.recordApplied(BLOG_1, null, 3);
			recorder.recordApplied(SHOP_1, "c".repeat(64), 1);
			Map<MigrationKey, String> checksums = recorder.appliedChecksums();
			assertThat(checksums.keySet()).containsExactly(BLOG_1, SHOP_1);
			assertThat(checksums.get(BLOG_1)).isNull();
			assertThat(checksums.get(SHOP_1)).isEqualTo("c".repeat(64));
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL" })
	void updatesTheChecksumOfAnAppliedMigration(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor); Connection connection = db.connection()) {
			MigrationRecorder recorder = new MigrationRecorder(connection, "migrations_history");
			recorder.recordApplied(BLOG_1, null, 5);
			recorder.recordApplied(SHOP_1, "old", 5);
			recorder.updateChecksum(BLOG_1, "new");
			assertThat(recorder.appliedMigrations().get(BLOG_1).checksum()).isEqualTo("new");
			assertThat(recorder.appliedMigrations().get(SHOP_1).checksum()).isEqualTo("old");
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL" })
	void historyTableNameMayBeAReservedWordAndUnquotedSqlFindsIt(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor); Connection connection = db.connection()) {
			new MigrationRecorder(connection, "user").recordApplied(BLOG_1, null, 1);
			assertThat(new MigrationRecorder(connection, "user").appliedMigrations()).containsOnlyKeys(BLOG_1);
			new MigrationRecorder(connection, "history").recordApplied(SHOP_1, null, 1);
			try (var statement = connection.createStatement();
					var rows = statement.executeQuery("select app, name from history")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("shop");
			}
		}
	}

}
