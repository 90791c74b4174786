package io.github.migrations.recorder;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.HalfAppliedMigrationException;
import io.github.migrations.MigrationException;
import io.github.migrations.Migrations;
import io.github.migrations.SchemaEditException;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.schema.Introspector;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link ProgressRecorder} through migrate on an H2 file, which commits each DDL
 * statement at once and outlives the process: a row from a migration's first statement, taken
 * over by the next migration's and deleted at the end of the run; what a run that stopped
 * half-way, applying or unapplying, leaves is named on the next start; a progress table made
 * before the direction column existed keeps working. On an in-memory H2 database, which dies
 * with the process, the row is written only when a statement fails.
 */
class ProgressRecorderTests {

	@TempDir
	Path dir;

	@TempDir
	Path databaseDir;

	private TestDatabase database;

	@BeforeEach
	void writeInitialMigration() throws IOException {
		this.database = TestDatabases.h2File(this.databaseDir);
		write("0001_initial.yaml", """
				initial: true
				dependencies: []
				operations:
				  - RunSql:
				      sql: [create table progress_a (id int), create table progress_b (id int)]
				      reverse_sql: [drop table progress_b, drop table progress_a]
				""");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void aRunThatFinishesLeavesNoProgressRows() throws SQLException {
		assertThat(migrations().migrate().applied()).hasSize(1);
		assertThat(progressRows()).isEmpty();
	}

	@Test
	void eachMigrationTakesOverTheRowOfTheOneBeforeSoTheTableHoldsOneRowOfTheRun() throws Exception {
		write("0002_next.yaml", """
				dependencies: [blog.0001_initial]
				operations:
				  - RunSql:
				      sql: [create table progress_c (id int), create table progress_d (id int)]
				      reverse_sql: [drop table progress_d, drop table progress_c]
				""");
		ProgressRecorder recorder = new ProgressRecorder(this.database.dataSource(), "migrations_history");
		try (recorder) {
			assertThat(recorder.interrupted()).isEmpty();
			recorder.started(new MigrationKey("blog", "0001_initial"), false);
			recorder.running(new MigrationKey("blog", "0001_initial"), 1, "create a");
			recorder.running(new MigrationKey("blog", "0001_initial"), 2, "create b");
			recorder.finished(new MigrationKey("blog", "0001_initial"));
			assertThat(progressRows()).containsExactly("blog.0001_initial#2");
			recorder.started(new MigrationKey("blog", "0002_next"), false);
			recorder.running(new MigrationKey("blog", "0002_next"), 1, "create c");
			assertThat(progressRows()).containsExactly("blog.0002_next#1");
			recorder.finished(new MigrationKey("blog", "0002_next"));
		}
		assertThat(progressRows()).isEmpty();
		assertThat(migrations().migrate().applied()).hasSize(2);
		assertThat(progressRows()).isEmpty();
	}

	@Test
	void aRecorderToldThatTheHistoryTableIsMissingReadsNoRows() {
		MigrationKey key = new MigrationKey("blog", "0001_initial");
		try (ProgressRecorder writer = new ProgressRecorder(this.database.dataSource(), "migrations_history")) {
			writer.interrupted();
			writer.started(key, false);
			writer.running(key, 1, "create table progress_a (id int)");
		}
		try (ProgressRecorder fresh = new ProgressRecorder(this.database.dataSource(), "migrations_history")) {
			fresh.historyMissing();
			assertThat(fresh.interrupted()).isEmpty();
		}
		try (ProgressRecorder reader = new ProgressRecorder(this.database.dataSource(), "migrations_history")) {
			assertThat(reader.interrupted()).extracting(InterruptedMigration::key).containsExactly(key);
		}
	}

	@Test
	void onAnInMemoryDatabaseARunThatFinishesWritesNoProgressTable() throws SQLException {
		try (TestDatabase memory = TestDatabases.h2()) {
			assertThat(migrations(memory).migrate().applied()).hasSize(1);
			try (Connection connection = memory.connection()) {
				assertThat(Introspector.hasTable(connection, "migrations_history_progress")).isFalse();
			}
		}
	}

	@Test
	void onAnInMemoryDatabaseAMigrationThatFailsAtItsSecondStatementIsStillNamedOnTheNextStart() throws Exception {
		try (TestDatabase memory = TestDatabases.h2()) {
			failAtSecondStatement(memory);
			assertNamedAsHalfApplied(memory);
		}
	}

	@Test
	void onAnInMemoryDatabaseAMigrationThatFailsAtItsFirstStatementLeavesNothingToResolve() throws Exception {
		write("0002_broken.yaml", """
				dependencies: [blog.0001_initial]
				operations:
				  - RunSql:
				      sql: [create table progress_a (id int)]
				      reverse_sql: [drop table progress_a]
				""");
		try (TestDatabase memory = TestDatabases.h2()) {
			assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations(memory).migrate())
				.withMessageContaining("failed at its first statement");
			execute(memory, "drop table progress_a");
			assertThat(migrations(memory).migrate().applied()).containsExactly(new MigrationKey("blog", "0002_broken"));
		}
	}

	@Test
	void aMigrationThatFailsAtItsSecondStatementIsNamedOnTheNextStartWithThatStatement() throws Exception {
		failAtSecondStatement(this.database);
		assertThat(progressRows()).containsExactly("blog.0002_half#2");
		assertNamedAsHalfApplied(this.database);
	}

	private void failAtSecondStatement(TestDatabase on) throws IOException {
		write("0002_half.yaml", """
				dependencies: [blog.0001_initial]
				operations:
				  - RunSql:
				      sql: [create table progress_c (id int), create table progress_a (id int)]
				      reverse_sql: [drop table progress_c]
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations(on).migrate())
			.withMessageContaining("statement #2");
	}

	private void assertNamedAsHalfApplied(TestDatabase on) {
		assertThatExceptionOfType(HalfAppliedMigrationException.class).isThrownBy(() -> migrations(on).migrate())
			.withMessageContaining("blog.0002_half")
			.withMessageContaining("statement #2 was running")
			.withMessageContaining("create table progress_a");
	}

	@Test
	void rowsOfAppliedMigrationsThatARunDidNotDeleteAreForgottenOnTheNextStart() throws Exception {
		assertThat(migrations().migrate().applied()).hasSize(1);
		execute("insert into migrations_history_progress (app, name, started, owner, statement, statement_sql) "
				+ "values ('blog', '0001_initial', current_timestamp, 'pid 1 on gone', 2, 'create table progress_b')");
		write("0002_next.yaml", """
				dependencies: [blog.0001_initial]
				operations:
				  - RunSql:
				      sql: [create table progress_d (id int)]
				      reverse_sql: [drop table progress_d]
				""");
		assertThat(migrations().migrate().applied()).hasSize(1);
		assertThat(progressRows()).isEmpty();
	}

	@Test
	void aBackwardsStatementThatFailsLeavesTheMigrationAppliedAndTheNextStartSaysItWasBeingUnapplied()
			throws Exception {
		writeHalfReversible("[drop table progress_d, drop table progress_missing]");
		assertThat(migrations().migrate().applied()).hasSize(2);
		assertThatExceptionOfType(SchemaEditException.class).isThrownBy(() -> unapplyTo("0001"))
			.withMessageContaining("Migration blog.0002_half (unapplying) failed at backwards statement #2")
			.withMessageContaining("the 1 backwards statement(s) before it stay applied")
			.withMessageContaining("still recorded as applied")
			.withMessageContaining("finish unapplying it: run its backwards statements from #2 on")
			.withMessageContaining("'migrate blog 0001_initial --fake'")
			.withMessageContaining("re-apply it:");
		assertThat(progressRows()).containsExactly("blog.0002_half#2 backwards");
		assertThat(history()).containsExactly("0001_initial", "0002_half");
		assertThatExceptionOfType(HalfAppliedMigrationException.class).isThrownBy(() -> migrations().migrate())
			.withMessageContaining("Migration blog.0002_half was interrupted while it was being UNAPPLIED")
			.withMessageContaining("so it may be half-unapplied; it is still recorded as applied")
			.withMessageContaining("Statements #1 to #1 of its backwards SQL completed; statement #2 was running")
			.withMessageContaining("drop table progress_missing")
			.withMessageContaining("'sqlmigrate blog 0002_half --backwards' prints them in order")
			.withMessageContaining("'migrate blog 0001_initial --fake'")
			.withMessageContaining("'sqlmigrate blog 0002_half' prints the forwards SQL");
		assertThatExceptionOfType(HalfAppliedMigrationException.class).as("unapplying again is refused too")
			.isThrownBy(() -> unapplyTo("0001"));
		assertThat(history()).containsExactly("0001_initial", "0002_half");
	}

	@Test
	void aHalfUnappliedMigrationFinishedByHandIsRecordedUnappliedWithFake() throws Exception {
		writeHalfReversible("[drop table progress_d, drop table progress_missing]");
		migrations().migrate();
		assertThatExceptionOfType(SchemaEditException.class).isThrownBy(() -> unapplyTo("0001"));
		// the rest of the backwards SQL would run here (progress_missing never existed), then --fake
		migrations().migrate(new Migrate.Options("blog", "0001_initial", false, true, false, false),
				CommandOutput.capturing(new StringWriter()));
		assertThat(history()).containsExactly("0001_initial");
		assertThat(progressRows()).isEmpty();
		execute("drop table progress_c");
		writeHalfReversible("[drop table progress_d, drop table progress_c]");
		assertThat(migrations().migrate().applied()).hasSize(1);
	}

	@Test
	void aHalfUnappliedMigrationReappliedByHandGoesOnOnceItsProgressRowIsDeleted() throws Exception {
		writeHalfReversible("[drop table progress_d, drop table progress_missing]");
		migrations().migrate();
		assertThatExceptionOfType(SchemaEditException.class).isThrownBy(() -> unapplyTo("0001"));
		HalfAppliedMigrationException refusal = catchThrowableOfType(HalfAppliedMigrationException.class,
				() -> migrations().migrate());
		String forget = refusal.getMessage()
			.lines()
			.map(String::strip)
			.filter((line) -> line.startsWith("DELETE FROM"))
			.findFirst()
			.orElseThrow();
		execute("create table progress_d (id int)");
		execute(forget);
		assertThat(migrations().migrate().applied()).isEmpty();
		assertThat(history()).containsExactly("0001_initial", "0002_half");
		assertThat(progressRows()).isEmpty();
	}

	@Test
	void aBackwardsStatementThatFailsFirstUnappliesNothingAndLeavesNoProgressRow() throws Exception {
		writeHalfReversible("[drop table progress_missing, drop table progress_d]");
		migrations().migrate();
		assertThatExceptionOfType(SchemaEditException.class).isThrownBy(() -> unapplyTo("0001"))
			.withMessageContaining("failed at backwards statement #1")
			.withMessageContaining("it failed at its first backwards statement, so nothing of it was unapplied");
		assertThat(progressRows()).isEmpty();
		assertThat(history()).containsExactly("0001_initial", "0002_half");
		assertThat(migrations().migrate().applied()).isEmpty();
	}

	@Test
	void aProgressTableWithoutTheDirectionColumnIsReadAsForwardsAndGetsTheColumn() throws Exception {
		// an older engine made the history table before its first progress row, as this one does
		try (Connection connection = this.database.connection()) {
			new MigrationRecorder(connection, "migrations_history").ensureSchema();
		}
		execute("create table migrations_history_progress (id bigint auto_increment primary key, app varchar(255)"
				+ " not null, name varchar(255) not null, started timestamp not null, owner varchar(255) not null,"
				+ " statement int not null, statement_sql clob)");
		execute("insert into migrations_history_progress (app, name, started, owner, statement, statement_sql) "
				+ "values ('blog', '0001_initial', current_timestamp, 'pid 1 on old', 2, 'create table progress_b')");
		assertThatExceptionOfType(HalfAppliedMigrationException.class).isThrownBy(() -> migrations().migrate())
			.withMessageContaining("Migration blog.0001_initial was interrupted before it finished")
			.withMessageContaining("it is not recorded as applied");
		execute("delete from migrations_history_progress");
		writeHalfReversible("[drop table progress_d, drop table progress_missing]");
		assertThat(migrations().migrate().applied()).hasSize(2);
		assertThatExceptionOfType(SchemaEditException.class).isThrownBy(() -> unapplyTo("0001"));
		assertThat(progressRows()).containsExactly("blog.0002_half#2 backwards");
	}

	private void writeHalfReversible(String reverseSql) throws IOException {
		write("0002_half.yaml", """
				dependencies: [blog.0001_initial]
				operations:
				  - RunSql:
				      sql: [create table progress_c (id int), create table progress_d (id int)]
				      reverse_sql: %s
				""".formatted(reverseSql));
	}

	private void unapplyTo(String target) {
		migrations().migrate(new Migrate.Options("blog", target, false, false, false, false),
				CommandOutput.capturing(new StringWriter()));
	}

	private List<String> history() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select name from migrations_history order by id")) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	@Test
	void aRecorderProbedWithoutATableFindsNothingInterruptedWithoutAConnectionOfItsOwn() throws SQLException {
		javax.sql.DataSource unusable = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { javax.sql.DataSource.class }, (proxy, method, args) -> {
					throw new SQLException("no connection expected");
				});
		try (Connection connection = this.database.connection();
				ProgressRecorder recorder = new ProgressRecorder(unusable, "migrations_history")) {
			recorder.probeTable(connection);
			assertThat(recorder.interrupted()).isEmpty();
		}
	}

	@Test
	void aRecorderProbedWithATableReadsItsRows() throws Exception {
		write("0002_half.yaml", """
				dependencies: [blog.0001_initial]
				operations:
				  - RunSql:
				      sql: [create table progress_c (id int), create table progress_a (id int)]
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations().migrate());
		try (Connection connection = this.database.connection();
				ProgressRecorder recorder = new ProgressRecorder(this.database.dataSource(), "migrations_history")) {
			recorder.probeTable(connection);
			assertThat(recorder.interrupted()).extracting((row) -> row.key().toString())
				.containsExactly("blog.0002_half");
		}
	}

	private Migrations migrations() {
		return migrations(this.database);
	}

	private Migrations migrations(TestDatabase on) {
		return Migrations.configure().dataSource(on.dataSource()).directory(this.dir).load();
	}

	private List<String> progressRows() throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"select app, name, statement, direction from migrations_history_progress order by id")) {
			while (result.next()) {
				rows.add(result.getString(1) + "." + result.getString(2) + "#" + result.getInt(3)
						+ ("backwards".equals(result.getString(4)) ? " backwards" : ""));
			}
		}
		return rows;
	}

	private void execute(String sql) throws SQLException {
		execute(this.database, sql);
	}

	private static void execute(TestDatabase on, String sql) throws SQLException {
		try (Connection connection = on.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private void write(String name, String content) throws IOException {
		Path file = this.dir.resolve("blog").resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
