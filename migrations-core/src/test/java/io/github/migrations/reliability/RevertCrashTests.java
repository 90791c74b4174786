package io.github.migrations.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.testsupport.SimpleDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.reliability.Databases.execute;
import static io.github.migrations.reliability.Databases.history;
import static io.github.migrations.reliability.Databases.tables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real JVM reverting to {@code crash.0001_initial} is killed with SIGKILL ({@code kill -9}) in
 * the middle of unapplying {@code 0002_ledger_and_journal}, between its first and second
 * backwards statement (a test hook in the child holds back the {@code DROP TABLE} of the ledger).
 * On restart the lock is free and the history is truthful ({@code 0003_memo} unapplied,
 * {@code 0002} still applied); PostgreSQL rolled the unapplying back whole, MariaDB and H2
 * (which commit DDL at once) name the half-unapplied migration and the ways to finish unapplying
 * or re-apply it; following the advice, the next runs complete.
 */
class RevertCrashTests {

	@TempDir
	Path dir;

	private CrashRuns runs;

	@BeforeEach
	void writeMigrations() throws IOException {
		this.runs = CrashRuns.writtenTo(this.dir);
	}

	@Test
	void killedMidUnapplyOnPostgreSqlLeavesTheMigrationWholeAndTheRestartFinishesTheRevert() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			SimpleDataSource dataSource = (SimpleDataSource) database.dataSource();
			crash(dataSource, Duration.ZERO);
			assertThat(history(dataSource)).containsExactly("0001_initial", "0002_ledger_and_journal");
			assertThat(tables(dataSource)).as("transactional DDL: the unapplying was rolled back whole")
				.contains("crash_ledger", "crash_journal");
			assertThat(this.runs.run(dataSource, 0, "migrate", "crash", "0001"))
				.contains("Unapplying crash.0002_ledger_and_journal... OK");
			assertThat(history(dataSource)).containsExactly("0001_initial");
			assertThat(tables(dataSource)).doesNotContain("crash_ledger", "crash_journal");
		}
	}

	@Test
	void killedMidUnapplyOnMariaDbNamesTheHalfUnappliedMigrationAndFinishingTheUnapplyingLetsTheRunsGoOn()
			throws Exception {
		try (TestDatabase database = TestDatabases.mariadb()) {
			SimpleDataSource dataSource = (SimpleDataSource) database.dataSource();
			crash(dataSource, Duration.ZERO);
			assertHalfUnapplied(dataSource);
			String refusal = refusedRestart(dataSource, "MariaDB commits each DDL statement at once", "migrate");
			assertThat(refusal).contains("then record it unapplied with 'migrate crash 0001_initial --fake'");
			// finish unapplying it as the message says: the backwards statements from #2 on, by hand, then --fake
			List<String> backwards = this.runs.statements(dataSource, "sqlmigrate", "crash", "0002_ledger_and_journal",
					"--backwards");
			execute(dataSource, backwards.subList(1, backwards.size()));
			assertThat(this.runs.run(dataSource, 0, "migrate", "crash", "0001_initial", "--fake"))
				.contains("Unapplying crash.0002_ledger_and_journal... FAKED");
			assertThat(history(dataSource)).containsExactly("0001_initial");
			assertThat(tables(dataSource)).doesNotContain("crash_ledger", "crash_journal");
			// and the application migrates forwards again
			assertThat(this.runs.run(dataSource, 0, "migrate")).contains("Applying crash.0002_ledger_and_journal... OK",
					"Applying crash.0003_memo... OK");
			assertThat(history(dataSource)).containsExactly("0001_initial", "0002_ledger_and_journal", "0003_memo");
		}
	}

	@Test
	void killedMidUnapplyOnAnH2FileNamesTheHalfUnappliedMigrationAndReapplyingItLetsTheRevertFinish()
			throws Exception {
		SimpleDataSource dataSource = new SimpleDataSource("jdbc:h2:file:" + this.dir.resolve("db/revert"), "sa", "");
		// H2 writes committed changes to its file within a second (its write delay): let them land
		crash(dataSource, Duration.ofSeconds(2));
		assertHalfUnapplied(dataSource);
		String refusal = refusedRestart(dataSource, "H2 commits each DDL statement at once", "migrate", "crash", "0001");
		// re-apply it as the message says: reverse backwards statement #1 (the DROP TABLE of the journal) with the
		// forwards statement that creates it, then forget the run
		List<String> forwards = this.runs.statements(dataSource, "sqlmigrate", "crash", "0002_ledger_and_journal");
		execute(dataSource, List.of(forwards.get(1), CrashRuns.forgetStatement(refusal)));
		assertThat(tables(dataSource)).contains("crash_ledger", "crash_journal");
		// the revert that was interrupted now runs to its end
		assertThat(this.runs.run(dataSource, 0, "migrate", "crash", "0001"))
			.contains("Unapplying crash.0002_ledger_and_journal... OK");
		assertThat(history(dataSource)).containsExactly("0001_initial");
		assertThat(tables(dataSource)).doesNotContain("crash_ledger", "crash_journal");
	}

	/**
	 * Apply the three migrations, then revert to {@code 0001} in a separate JVM and kill it before
	 * the second backwards statement of {@code 0002} (the {@code DROP TABLE} of the ledger).
	 */
	private void crash(SimpleDataSource dataSource, Duration settle) throws Exception {
		Migrations.configure().dataSource(dataSource).directory(this.dir).load().migrate();
		this.runs.crash(dataSource, "crash_ledger", settle, List.of("Unapplying crash.0003_memo... OK",
				"Unapplying crash.0002_ledger_and_journal..."), "migrate", "crash", "0001");
	}

	private static void assertHalfUnapplied(DataSource dataSource) throws Exception {
		assertThat(history(dataSource)).containsExactly("0001_initial", "0002_ledger_and_journal");
		assertThat(tables(dataSource)).contains("crash_ledger").doesNotContain("crash_journal");
	}

	private String refusedRestart(SimpleDataSource dataSource, String why, String... command) throws Exception {
		String output = this.runs.run(dataSource, 1, command);
		assertThat(output).contains(
				"HalfAppliedMigrationException: Migration crash.0002_ledger_and_journal was interrupted while it was being UNAPPLIED",
				why, "it is still recorded as applied", "Statements #1 to #1 of its backwards SQL completed",
				"statement #2 was running", "finish unapplying it:",
				"'sqlmigrate crash 0002_ledger_and_journal --backwards' prints them in order", "re-apply it:",
				"DELETE FROM");
		assertThat(output.toLowerCase(Locale.ROOT)).as("names the statement").contains("drop table", "crash_ledger");
		assertHalfUnapplied(dataSource);
		return output;
	}

}
