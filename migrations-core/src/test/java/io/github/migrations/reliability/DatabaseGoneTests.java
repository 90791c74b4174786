package io.github.migrations.reliability;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.migrations.HalfAppliedMigrationException;
import io.github.migrations.MigrateResult;
import io.github.migrations.Migrations;
import io.github.migrations.SchemaEditException;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.testsupport.MigrationFiles.write;
import static io.github.migrations.reliability.Databases.history;
import static io.github.migrations.reliability.Databases.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server kills the migrating connection in the middle of a migration
 * ({@code pg_terminate_backend}, MariaDB's {@code KILL}), as happens when a database fails over
 * or an operator ends a session: the run fails with a typed error, the history stays truthful,
 * and the next start migrates cleanly, or, where DDL was already committed, names the
 * half-applied (or, when reverting, half-unapplied) migration.
 */
class DatabaseGoneTests {

	private static final MigrationKey SECOND = new MigrationKey("gone", "0002_ledger_and_journal");

	@TempDir
	Path dir;

	@Test
	void connectionKilledMidMigrationOnPostgreSqlFailsTypedAndTheRetryIsClean() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			SchemaEditException failure = killDuring(database, "gone_journal");
			assertThat(failure).hasMessageContaining("Migration gone.0002_ledger_and_journal failed at statement #2")
				.hasMessageContaining("The migration was rolled back; nothing of it was applied.");
			assertThat(history(database.dataSource())).containsExactly("0001_initial");
			assertThat(tables(database.dataSource())).doesNotContain("gone_ledger", "gone_journal");
			assertThat(migrate(database).applied()).containsExactly(SECOND);
			assertThat(tables(database.dataSource())).contains("gone_ledger", "gone_journal");
		}
	}

	@Test
	void connectionKilledAtTheFirstStatementOnMariaDbFailsTypedAndTheRetryIsClean() throws Exception {
		try (TestDatabase database = TestDatabases.mariadb()) {
			SchemaEditException failure = killDuring(database, "gone_ledger");
			assertThat(failure).hasMessageContaining("failed at statement #1")
				.hasMessageContaining("it failed at its first statement, so nothing of it was applied");
			assertThat(history(database.dataSource())).containsExactly("0001_initial");
			assertThat(tables(database.dataSource())).doesNotContain("gone_ledger", "gone_journal");
			assertThat(migrate(database).applied()).containsExactly(SECOND);
			assertThat(history(database.dataSource())).containsExactly("0001_initial", "0002_ledger_and_journal");
		}
	}

	@Test
	void connectionKilledBetweenStatementsOnMariaDbFailsTypedAndTheNextStartNamesTheHalfAppliedMigration()
			throws Exception {
		try (TestDatabase database = TestDatabases.mariadb()) {
			SchemaEditException failure = killDuring(database, "gone_journal");
			assertThat(failure).hasMessageContaining("failed at statement #2")
				.hasMessageContaining("the 1 statement(s) before it stay applied")
				.hasMessageContaining("migrate gone 0002_ledger_and_journal --fake");
			assertThat(history(database.dataSource())).containsExactly("0001_initial");
			assertThat(tables(database.dataSource())).contains("gone_ledger").doesNotContain("gone_journal");
			assertThatThrownBy(() -> migrate(database)).isInstanceOf(HalfAppliedMigrationException.class)
				.hasMessageContaining("Migration gone.0002_ledger_and_journal was interrupted")
				.hasMessageContaining("statement #2 was running");
			assertThat(history(database.dataSource())).containsExactly("0001_initial");
		}
	}

	@Test
	void connectionKilledBetweenBackwardsStatementsOnMariaDbFailsTypedAndTheNextStartNamesTheHalfUnappliedMigration()
			throws Exception {
		try (TestDatabase database = TestDatabases.mariadb()) {
			writeMigrations();
			migrate(database);
			// unapplying 0002 drops the journal, then the ledger
			SchemaEditException failure = killDuring(database, "gone_ledger",
					(pausing) -> migrateTo(migrations(pausing), "0001"));
			assertThat(failure).hasMessageContaining("Migration gone.0002_ledger_and_journal (unapplying) failed at backwards statement #2")
				.hasMessageContaining("the 1 backwards statement(s) before it stay applied")
				.hasMessageContaining("migrate gone 0001_initial --fake");
			assertThat(history(database.dataSource())).containsExactly("0001_initial", "0002_ledger_and_journal");
			assertThat(tables(database.dataSource())).contains("gone_ledger").doesNotContain("gone_journal");
			assertThatThrownBy(() -> migrate(database)).isInstanceOf(HalfAppliedMigrationException.class)
				.hasMessageContaining("Migration gone.0002_ledger_and_journal was interrupted while it was being UNAPPLIED")
				.hasMessageContaining("statement #2 was running");
		}
	}

	private SchemaEditException killDuring(TestDatabase database, String table) throws Exception {
		writeMigrations();
		migrateTo(migrations(database.dataSource()), "0001");
		return killDuring(database, table, (pausing) -> migrations(pausing).migrate());
	}

	/**
	 * Run something on a data source that pauses before the first statement naming a table, kill
	 * the session there, and return the failure.
	 */
	private SchemaEditException killDuring(TestDatabase database, String table, Function<DataSource, ?> run)
			throws Exception {
		CountDownLatch paused = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		String[] session = new String[1];
		DataSource pausing = PausingDataSource.wrap(database.dataSource(), table, (statement) -> {
			session[0] = sessionId(statement, database.vendor());
			paused.countDown();
			await(resume);
		});
		CompletableFuture<?> running = CompletableFuture.supplyAsync(() -> run.apply(pausing));
		assertThat(paused.await(60, TimeUnit.SECONDS)).as("reached the statement").isTrue();
		try (Connection admin = database.connection(); Statement statement = admin.createStatement()) {
			statement.execute((database.vendor() == Vendor.POSTGRESQL) ? "SELECT pg_terminate_backend(" + session[0] + ")"
					: "KILL " + session[0]);
		}
		resume.countDown();
		try {
			running.get(60, TimeUnit.SECONDS);
			throw new AssertionError("migrate succeeded on a killed connection");
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(SchemaEditException.class);
			return (SchemaEditException) ex.getCause();
		}
	}

	private static String sessionId(Statement statement, Vendor vendor) {
		String sql = (vendor == Vendor.POSTGRESQL) ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
		try (Statement query = statement.getConnection().createStatement(); ResultSet rows = query.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Migrations migrations(DataSource dataSource) {
		return Migrations.configure().dataSource(dataSource).directory(this.dir).load();
	}

	private MigrateResult migrate(TestDatabase database) {
		return migrations(database.dataSource()).migrate();
	}

	private static MigrateResult migrateTo(Migrations migrations, String target) {
		return migrations.migrate(new Migrate.Options("gone", target, false, false, false, false),
				CommandOutput.capturing(new StringWriter()));
	}



	private void writeMigrations() throws IOException {
		write(this.dir, "gone/0001_initial.yaml", """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Account
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				""");
		write(this.dir, "gone/0002_ledger_and_journal.yaml", """
				dependencies: [gone.0001_initial]
				operations:
				  - CreateModel:
				      name: Ledger
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				  - CreateModel:
				      name: Journal
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				""");
	}

}
