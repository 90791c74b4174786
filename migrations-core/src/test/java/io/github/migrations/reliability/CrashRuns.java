package io.github.migrations.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import io.github.migrations.testsupport.JavaProcess;
import io.github.migrations.testsupport.SimpleDataSource;

import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the crash tests share: the {@code crash} app's three migrations in a folder, command
 * lines run in separate JVMs ({@link MigrateCommandProcess}) against a database, a run held back
 * at a statement and killed with SIGKILL, and what is read back from the output.
 */
final class CrashRuns {

	static final Duration START = Duration.ofSeconds(60);

	private final Path dir;

	private CrashRuns(Path dir) {
		this.dir = dir;
	}

	/**
	 * Write the {@code crash} app's migrations into a folder and return the runs on it.
	 * @param dir the migrations folder
	 * @return the runs
	 */
	static CrashRuns writtenTo(Path dir) throws IOException {
		CrashRuns runs = new CrashRuns(dir);
		runs.writeMigrations();
		return runs;
	}

	/**
	 * Start a command line, hold it back before the first statement containing
	 * {@code pauseBefore}, check what it printed by then, wait {@code settle}, kill it, and check
	 * that the migration lock is then free at once.
	 * @param dataSource the database
	 * @param pauseBefore the text of the statement to hold back
	 * @param settle how long to wait before the kill
	 * @param printed what the output contains when it is held back
	 * @param command the command line
	 */
	void crash(DataSource dataSource, String pauseBefore, Duration settle, List<String> printed, String... command)
			throws Exception {
		JavaProcess first = JavaProcess.start(List.of(MigrateCommandProcess.PAUSE_PROPERTY + "=" + pauseBefore),
				MigrateCommandProcess.class, this.dir, (SimpleDataSource) dataSource, List.of(command));
		try {
			first.awaitLine("PAUSED", START);
			assertThat(first.output()).contains(printed);
			Thread.sleep(settle.toMillis());
			first.kill();
		}
		finally {
			first.close();
		}
		assertLockFree(dataSource);
	}

	/**
	 * Start a command line in a separate JVM.
	 * @param dataSource the database
	 * @param command the command line
	 * @return the running process
	 */
	JavaProcess start(DataSource dataSource, String... command) throws IOException {
		return JavaProcess.start(List.of(), MigrateCommandProcess.class, this.dir, (SimpleDataSource) dataSource,
				List.of(command));
	}

	/**
	 * Run a command line in a separate JVM and return its output.
	 * @param dataSource the database
	 * @param exitCode the exit code it must end with
	 * @param command the command line
	 * @return what it printed
	 */
	String run(DataSource dataSource, int exitCode, String... command) throws Exception {
		JavaProcess process = start(dataSource, command);
		assertThat(process.waitFor(START)).as(process.output()).isEqualTo(exitCode);
		return process.output();
	}

	/**
	 * Return the statements a command ({@code sqlmigrate ...}) prints, without their {@code ;}.
	 * @param dataSource the database
	 * @param command the command line
	 * @return the statements in order
	 */
	List<String> statements(DataSource dataSource, String... command) throws Exception {
		return run(dataSource, 0, command).lines()
			.filter((line) -> line.endsWith(";") && !line.startsWith("--") && !line.equals("BEGIN;") && !line.equals("COMMIT;"))
			.map((line) -> line.substring(0, line.length() - 1))
			.toList();
	}

	/**
	 * Return the {@code DELETE} a refusal gives to forget an interrupted run.
	 * @param refusal the refusal's output
	 * @return the statement
	 */
	static String forgetStatement(String refusal) {
		return refusal.lines().map(String::strip).filter((line) -> line.startsWith("DELETE FROM")).findFirst().orElseThrow();
	}

	/**
	 * Assert that the migration lock can be taken at once.
	 * @param dataSource the database
	 */
	private static void assertLockFree(DataSource dataSource) {
		long start = System.nanoTime();
		try (MigrationLock lock = MigrationLocks.acquire(dataSource, "migrations_history", Duration.ofSeconds(5))) {
			assertThat(lock.owner()).isNotBlank();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the lock was free at once")
			.isLessThan(Duration.ofSeconds(2));
	}

	/**
	 * Write the {@code crash} app: {@code 0001_initial} (one table), {@code 0002_ledger_and_journal}
	 * (two tables, so two statements each way) and {@code 0003_memo} (a column of the second).
	 */
	private void writeMigrations() throws IOException {
		write(this.dir, "crash/0001_initial.yaml", """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Account
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        name: {type: CharField, max_length: 100}
				""");
		write(this.dir, "crash/0002_ledger_and_journal.yaml", """
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
		write(this.dir, "crash/0003_memo.yaml", """
				dependencies: [crash.0002_ledger_and_journal]
				operations:
				  - AddField:
				      model_name: journal
				      name: memo
				      field: {type: CharField, max_length: 50, null: true}
				""");
	}

}
