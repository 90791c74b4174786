package io.github.migrations.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.migrations.Migrations;
import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.executor.MigrationListener;
import io.github.migrations.lock.MigrationLocks;
import io.github.migrations.migration.Migration;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.ConnectionWrappingDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the connections {@link Migrate} uses: on databases with session locks the lock is
 * held by the migrating connection, and a run opens no other.
 */
class MigrateTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL", "MARIADB", "MYSQL" })
	void migrateHoldsTheSessionLockOnTheMigratingConnectionAndOpensNoOther(Vendor vendor) throws IOException {
		write(this.dir, "shop/0001_initial.yaml", """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Crate
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        label: {type: CharField, max_length: 50}
				""");
		try (TestDatabase db = TestDatabases.of(vendor)) {
			CountingDataSource counting = new CountingDataSource(db);
			List<Optional<String>> holders = new ArrayList<>();
			Migrations migrations = Migrations.configure()
				.dataSource(counting)
				.directory(this.dir)
				.listener(new MigrationListener() {
					@Override
					public void applyStarted(Migration migration, boolean fake) {
						holders.add(MigrationLocks.holder(db.dataSource(), MigrationsConfiguration.DEFAULT_HISTORY_TABLE));
					}
				})
				.load();

			assertThat(migrations.migrate().applied()).hasSize(1);
			// MariaDB and MySQL commit each DDL statement at once: the progress row of a migration
			// is written on a connection of its own, which outlives a failure of the migrating one
			assertThat(counting.opened.get()).as("connections opened by a first apply")
				.isEqualTo((vendor == Vendor.POSTGRESQL) ? 1 : 2);
			String session = (vendor == Vendor.POSTGRESQL) ? "PostgreSQL backend pid " + counting.sessions.get(0)
					: "connection id " + counting.sessions.get(0);
			assertThat(holders).singleElement().satisfies((holder) -> assertThat(holder).get()
				.asString()
				.as("the lock's holder while the migration runs")
				.startsWith(session));

			counting.opened.set(0);
			assertThat(migrations.migrate().applied()).isEmpty();
			assertThat(counting.opened.get()).as("connections opened by a restart").isEqualTo(1);
			assertThat(MigrationLocks.holder(db.dataSource(), MigrationsConfiguration.DEFAULT_HISTORY_TABLE))
				.as("the lock after the run")
				.isEmpty();
		}
	}

	/**
	 * Counts the connections handed out, and remembers the server's id of each one's session.
	 */
	private static final class CountingDataSource extends ConnectionWrappingDataSource {

		private final AtomicInteger opened = new AtomicInteger();

		private final Vendor vendor;

		private final List<String> sessions = java.util.Collections.synchronizedList(new ArrayList<>());

		CountingDataSource(TestDatabase db) {
			super(db.dataSource());
			this.vendor = db.vendor();
		}

		@Override
		protected Connection wrap(Connection connection) {
			this.opened.incrementAndGet();
			String sql = (this.vendor == Vendor.POSTGRESQL) ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
			try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
				rows.next();
				this.sessions.add(rows.getString(1));
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return connection;
		}

	}

}
