package io.github.migrations.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import io.github.migrations.testsupport.SimpleDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.reliability.Databases.history;
import static io.github.migrations.reliability.Databases.tables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real JVM is killed with SIGKILL ({@code kill -9}) in the middle of a migration, between its
 * first and second statement (a test hook in the child holds the second one back). On restart the
 * lock is free and the history is truthful; PostgreSQL rolled the migration back, MariaDB and H2
 * (which commit DDL at once) name the half-applied migration and the ways to finish or undo it;
 * following the advice, the run completes.
 */
class CrashTests {

	private static final Duration START = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	@Test
	void killedMidMigrationOnPostgreSqlLeavesNoTraceAndTheRestartCompletes() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			SimpleDataSource dataSource = (SimpleDataSource) database.dataSource();
			writeMigrations();
			crash(dataSource, Duration.ZERO);
			assertLockFree(dataSource);
			assertThat(history(dataSource)).containsExactly("0001_initial");
			assertThat(tables(dataSource)).as("transactional DDL: no partial schema")
				.doesNotContain("crash_ledger", "crash_journal");
			JavaProcess restart = migrate(dataSource, "migrate");
			assertThat(restart.waitFor(START)).as(restart.output()).isZero();
			assertThat(restart.output()).contains("Applying crash.0002_ledger_and_journal... OK",
					"Applying crash.0003_memo... OK");
			assertThat(history(dataSource)).containsExactly("0001_initial", "0002_ledger_and_journal", "0003_memo");
		}
	}

	@Test
	void killedMidMigrationOnMariaDbNamesTheHalfAppliedMigrationAndFinishingItCompletesTheRun() throws Exception {
		try (TestDatabase database = TestDatabases.mariadb()) {
			SimpleDataSource dataSource = (SimpleDataSource) database.dataSource();
			writeMigrations();
			crash(dataSource, Duration.ZERO);
			assertLockFree(dataSource);
			assertThat(history(dataSource)).containsExactly("0001_initial");
			assertThat(tables(dataSource)).contains("crash_ledger").doesNotContain("crash_journal");
			String refusal = refusedRestart(dataSource, "MariaDB commits each DDL statement at once");
			assertThat(refusal).contains("migrate crash 0002_ledger_and_journal --fake");
			// finish it as the message says: the statements from #2 on, by hand, then --fake
			List<String> statements = statements(dataSource, "sqlmigrate", "crash", "0002_ledger_and_journal");
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				for (String sql : statements.subList(1, statements.size())) {
					statement.execute(sql);
				}
			}
			JavaProcess fake = migrate(dataSource, "migrate", "crash", "0002_ledger_and_journal", "--fake");
			assertThat(fake.waitFor(START)).as(fake.output()).isZero();
			completes(dataSource);
		}
	}

	@Test
	void killedMidMigrationOnAnH2FileNamesTheHalfAppliedMigrationAndUndoingItCompletesTheRun() throws Exception {
		SimpleDataSource dataSource = new SimpleDataSource("jdbc:h2:file:" + this.dir.resolve("db/crash"), "sa", "");
		writeMigrations();
		// H2 writes committed changes to its file within a second (its write delay): let them land
		crash(dataSource, Duration.ofSeconds(2));
		assertLockFree(dataSource);
		assertThat(history(dataSource)).containsExactly("0001_initial");
		assertThat(tables(dataSource)).contains("crash_ledger").doesNotContain("crash_journal");
		String refusal = refusedRestart(dataSource, "H2 commits each DDL statement at once");
		// undo it as the message says: reverse statement #1 by hand, then forget the run
		String forget = refusal.lines()
			.map(String::strip)
			.filter((line) -> line.startsWith("DELETE FROM"))
			.findFirst()
			.orElseThrow();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE crash_ledger");
			statement.execute(forget);
		}
		completes(dataSource);
	}

	private void crash(DataSource dataSource, Duration settle) throws Exception {
		JavaProcess first = JavaProcess.start(List.of(MigrateCommandProcess.PAUSE_PROPERTY + "=crash_journal"),
				MigrateCommandProcess.class, arguments(dataSource, "migrate"));
		try {
			first.awaitLine("PAUSED", START);
			assertThat(first.output()).contains("Applying crash.0001_initial... OK", "Applying crash.0002_ledger_and_journal...");
			Thread.sleep(settle.toMillis());
			first.kill();
		}
		finally {
			first.close();
		}
	}

	private String refusedRestart(SimpleDataSource dataSource, String why) throws Exception {
		JavaProcess restart = migrate(dataSource, "migrate");
		assertThat(restart.waitFor(START)).as(restart.output()).isEqualTo(1);
		String output = restart.output();
		assertThat(output).contains("HalfAppliedMigrationException: Migration crash.0002_ledger_and_journal was interrupted",
				why, "Statements #1 to #1 completed",
				"statement #2 was running", "finish it:", "undo it:",
				"sqlmigrate crash 0002_ledger_and_journal --backwards", "DELETE FROM");
		assertThat(output.toLowerCase(Locale.ROOT)).as("names the statement").contains("create table", "crash_journal");
		assertThat(history(dataSource)).as("the refusal changed nothing").containsExactly("0001_initial");
		return output;
	}

	private void completes(SimpleDataSource dataSource) throws Exception {
		JavaProcess run = migrate(dataSource, "migrate");
		assertThat(run.waitFor(START)).as(run.output()).isZero();
		assertThat(run.output()).contains("Applying crash.0003_memo... OK");
		assertThat(history(dataSource)).containsExactly("0001_initial", "0002_ledger_and_journal", "0003_memo");
		assertThat(tables(dataSource)).contains("crash_ledger", "crash_journal");
	}

	private JavaProcess migrate(DataSource dataSource, String... command) throws IOException {
		return JavaProcess.start(List.of(), MigrateCommandProcess.class, arguments(dataSource, command));
	}

	private List<String> arguments(DataSource dataSource, String... command) {
		SimpleDataSource simple = (SimpleDataSource) dataSource;
		List<String> args = new ArrayList<>(List.of(this.dir.toString(), simple.url(), simple.user(),
				(simple.password() != null) ? simple.password() : ""));
		args.addAll(List.of(command));
		return args;
	}

	private List<String> statements(DataSource dataSource, String... command) throws Exception {
		JavaProcess process = migrate(dataSource, command);
		assertThat(process.waitFor(START)).as(process.output()).isZero();
		return process.output()
			.lines()
			.filter((line) -> line.endsWith(";") && !line.startsWith("--") && !line.equals("BEGIN;") && !line.equals("COMMIT;"))
			.map((line) -> line.substring(0, line.length() - 1))
			.toList();
	}

	private static void assertLockFree(DataSource dataSource) {
		long start = System.nanoTime();
		try (MigrationLock lock = MigrationLocks.acquire(dataSource, "migrations_history", Duration.ofSeconds(5))) {
			assertThat(lock.owner()).isNotBlank();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the lock was free at once")
			.isLessThan(Duration.ofSeconds(2));
	}



	private void writeMigrations() throws IOException {
		Path app = Files.createDirectories(this.dir.resolve("crash"));
		Files.writeString(app.resolve("0001_initial.yaml"), """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Account
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        name: {type: CharField, max_length: 100}
				""");
		Files.writeString(app.resolve("0002_ledger_and_journal.yaml"), """
				dependencies: [crash.0001_initial]
				operations:
				  - CreateModel:
				      name: Ledger
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        title: {type: CharField, max_length: 100}
				  - CreateModel:
				      name: Journal
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        entry: {type: TextField}
				""");
		Files.writeString(app.resolve("0003_memo.yaml"), """
				dependencies: [crash.0002_ledger_and_journal]
				operations:
				  - AddField:
				      model_name: journal
				      name: memo
				      field: {type: CharField, max_length: 50, null: true}
				""");
	}

}
