package io.github.migrations.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

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
 * A real JVM is killed with SIGKILL ({@code kill -9}) in the middle of a migration, between its
 * first and second statement (a test hook in the child holds the second one back). On restart the
 * lock is free and the history is truthful; PostgreSQL rolled the migration back, MariaDB and H2
 * (which commit DDL at once) name the half-applied migration and the ways to finish or undo it;
 * following the advice, the run completes.
 */
class CrashTests {

	@TempDir
	Path dir;

	private CrashRuns runs;

	@BeforeEach
	void writeMigrations() throws IOException {
		this.runs = CrashRuns.writtenTo(this.dir);
	}

	@Test
	void killedMidMigrationOnPostgreSqlLeavesNoTraceAndTheRestartCompletes() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			SimpleDataSource dataSource = (SimpleDataSource) database.dataSource();
			crash(dataSource, Duration.ZERO);
			assertThat(history(dataSource)).containsExactly("0001_initial");
			assertThat(tables(dataSource)).as("transactional DDL: no partial schema")
				.doesNotContain("crash_ledger", "crash_journal");
			assertThat(this.runs.run(dataSource, 0, "migrate")).contains("Applying crash.0002_ledger_and_journal... OK",
					"Applying crash.0003_memo... OK");
			assertThat(history(dataSource)).containsExactly("0001_initial", "0002_ledger_and_journal", "0003_memo");
		}
	}

	@Test
	void killedMidMigrationOnMariaDbNamesTheHalfAppliedMigrationAndFinishingItCompletesTheRun() throws Exception {
		try (TestDatabase database = TestDatabases.mariadb()) {
			SimpleDataSource dataSource = (SimpleDataSource) database.dataSource();
			crash(dataSource, Duration.ZERO);
			assertThat(history(dataSource)).containsExactly("0001_initial");
			assertThat(tables(dataSource)).contains("crash_ledger").doesNotContain("crash_journal");
			String refusal = refusedRestart(dataSource, "MariaDB commits each DDL statement at once");
			assertThat(refusal).contains("migrate crash 0002_ledger_and_journal --fake");
			// finish it as the message says: the statements from #2 on, by hand, then --fake
			List<String> statements = this.runs.statements(dataSource, "sqlmigrate", "crash", "0002_ledger_and_journal");
			execute(dataSource, statements.subList(1, statements.size()));
			this.runs.run(dataSource, 0, "migrate", "crash", "0002_ledger_and_journal", "--fake");
			completes(dataSource);
		}
	}

	@Test
	void killedMidMigrationOnAnH2FileNamesTheHalfAppliedMigrationAndUndoingItCompletesTheRun() throws Exception {
		SimpleDataSource dataSource = new SimpleDataSource("jdbc:h2:file:" + this.dir.resolve("db/crash"), "sa", "");
		// H2 writes committed changes to its file within a second (its write delay): let them land
		crash(dataSource, Duration.ofSeconds(2));
		assertThat(history(dataSource)).containsExactly("0001_initial");
		assertThat(tables(dataSource)).contains("crash_ledger").doesNotContain("crash_journal");
		String refusal = refusedRestart(dataSource, "H2 commits each DDL statement at once");
		// undo it as the message says: reverse statement #1 by hand, then forget the run
		execute(dataSource, List.of("DROP TABLE crash_ledger", CrashRuns.forgetStatement(refusal)));
		completes(dataSource);
	}

	private void crash(DataSource dataSource, Duration settle) throws Exception {
		this.runs.crash(dataSource, "crash_journal", settle,
				List.of("Applying crash.0001_initial... OK", "Applying crash.0002_ledger_and_journal..."), "migrate");
	}

	private String refusedRestart(SimpleDataSource dataSource, String why) throws Exception {
		String output = this.runs.run(dataSource, 1, "migrate");
		assertThat(output).contains("HalfAppliedMigrationException: Migration crash.0002_ledger_and_journal was interrupted",
				why, "Statements #1 to #1 completed",
				"statement #2 was running", "finish it:", "undo it:",
				"sqlmigrate crash 0002_ledger_and_journal --backwards", "DELETE FROM");
		assertThat(output.toLowerCase(Locale.ROOT)).as("names the statement").contains("create table", "crash_journal");
		assertThat(history(dataSource)).as("the refusal changed nothing").containsExactly("0001_initial");
		return output;
	}

	private void completes(SimpleDataSource dataSource) throws Exception {
		assertThat(this.runs.run(dataSource, 0, "migrate")).contains("Applying crash.0003_memo... OK");
		assertThat(history(dataSource)).containsExactly("0001_initial", "0002_ledger_and_journal", "0003_memo");
		assertThat(tables(dataSource)).contains("crash_ledger", "crash_journal");
	}

}
