package io.github.migrations.recorder;

import java.io.IOException;
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
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ProgressRecorder} through migrate on H2, which commits each DDL statement at
 * once: a row from a migration's first statement, deleted with the others at the end of the
 * run; what a run that stopped half-way leaves is named on the next start.
 */
class ProgressRecorderTests {

	private final TestDatabase database = TestDatabases.h2();

	@TempDir
	Path dir;

	@BeforeEach
	void writeInitialMigration() throws IOException {
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
	void aMigrationThatFailsAtItsSecondStatementIsNamedOnTheNextStartWithThatStatement() throws Exception {
		write("0002_half.yaml", """
				dependencies: [blog.0001_initial]
				operations:
				  - RunSql:
				      sql: [create table progress_c (id int), create table progress_a (id int)]
				      reverse_sql: [drop table progress_c]
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations().migrate())
			.withMessageContaining("statement #2");
		assertThat(progressRows()).containsExactly("blog.0002_half#2");
		assertThatExceptionOfType(HalfAppliedMigrationException.class).isThrownBy(() -> migrations().migrate())
			.withMessageContaining("blog.0002_half")
			.withMessageContaining("statement #2 was running");
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

	private Migrations migrations() {
		return Migrations.configure().dataSource(this.database.dataSource()).directory(this.dir).load();
	}

	private List<String> progressRows() throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"select app, name, statement from migrations_history_progress order by id")) {
			while (result.next()) {
				rows.add(result.getString(1) + "." + result.getString(2) + "#" + result.getInt(3));
			}
		}
		return rows;
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private void write(String name, String content) throws IOException {
		Path file = this.dir.resolve("blog").resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
