package io.github.migrations.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.github.migrations.Migrations;
import io.github.migrations.e2e.AbstractEndToEndWorkflowTests.Result;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a clear error naming the file or target, a non-zero exit, and nothing applied.
 */
class BadInputTests {

	private static final String INITIAL = """
			initial: true
			dependencies: []
			operations:
			  - CreateModel:
			      name: Employee
			      fields:
			        id: {type: BigAutoField, primary_key: true}
			        name: {type: CharField, max_length: 100}
			""";

	@TempDir
	Path dir;

	private final JdbcDataSource dataSource = new JdbcDataSource();

	private Migrations migrations;

	@BeforeEach
	void setUp() throws IOException {
		this.dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.migrations = Migrations.configure().dataSource(this.dataSource).directory(this.dir).load();
		write(this.dir, "payroll/0001_initial.yaml", INITIAL);
	}

	@Test
	void fileThatDoesNotParseIsNamedAndNothingIsApplied() throws Exception {
		write(this.dir, "payroll/0002_broken.yaml", "dependencies: [payroll.0001_initial]\noperations:\n  - AddField: {model_name: employee\n");
		Result result = AbstractEndToEndWorkflowTests.run(this.migrations, "migrate");
		assertThat(result.code()).isNotZero();
		assertThat(result.output()).contains("0002_broken.yaml");
		assertThat(tables()).doesNotContain("PAYROLL_EMPLOYEE", "MIGRATIONS_HISTORY");
	}

	@Test
	void brokenFileAmongManyIsNamedAndNothingIsApplied() throws Exception {
		// enough files for migrate to parse them on two threads; the broken one is in the second half
		for (int i = 2; i <= 150; i++) {
			String previous = String.format("payroll.%04d_step", i - 1).replace("0001_step", "0001_initial");
			String content = "dependencies: [" + previous + "]\noperations:\n  - CreateModel:\n      name: Model" + i
					+ "\n      fields:\n        id: {type: BigAutoField, primary_key: true}\n";
			write(this.dir, String.format("payroll/%04d_step.yaml", i), (i == 140) ? content.replace("fields:", "fields: [") : content);
		}
		Result result = AbstractEndToEndWorkflowTests.run(this.migrations, "migrate");
		assertThat(result.code()).isNotZero();
		assertThat(result.output()).contains("0140_step.yaml");
		assertThat(tables()).doesNotContain("PAYROLL_EMPLOYEE", "PAYROLL_MODEL2", "MIGRATIONS_HISTORY");
	}

	@Test
	void dependencyOnAMissingMigrationIsNamedAndNothingIsApplied() throws Exception {
		write(this.dir, "payroll/0002_next.yaml", "dependencies:\n  - payroll.0009_missing\noperations: []\n");
		Result result = AbstractEndToEndWorkflowTests.run(this.migrations, "migrate");
		assertThat(result.code()).isNotZero();
		assertThat(result.output()).contains("Migration payroll.0002_next dependencies reference nonexistent parent node ('payroll', '0009_missing')");
		assertThat(tables()).doesNotContain("PAYROLL_EMPLOYEE");
	}

	@Test
	void unknownTargetIsNamedAndNothingIsApplied() throws Exception {
		Result result = AbstractEndToEndWorkflowTests.run(this.migrations, "migrate", "payroll", "0009");
		assertThat(result.code()).isEqualTo(1);
		assertThat(result.output()).contains("CommandError: Cannot find a migration matching '0009' from app 'payroll'.");
		assertThat(tables()).doesNotContain("PAYROLL_EMPLOYEE");
	}

	@Test
	void unknownAppIsNamed() throws Exception {
		Result result = AbstractEndToEndWorkflowTests.run(this.migrations, "migrate", "nosuch");
		assertThat(result.code()).isEqualTo(1);
		assertThat(result.output()).contains("CommandError: No installed app with label 'nosuch'.");
		assertThat(AbstractEndToEndWorkflowTests.run(this.migrations, "makemigrations", "nosuch").code()).isEqualTo(2);
	}

	@Test
	void changedAppliedFileStopsMigrateAndNamesTheFile() throws Exception {
		assertThat(AbstractEndToEndWorkflowTests.run(this.migrations, "migrate").code()).isZero();
		write(this.dir, "payroll/0001_initial.yaml", INITIAL.replace("max_length: 100", "max_length: 120"));
		write(this.dir, "payroll/0002_more.yaml", "dependencies:\n  - payroll.0001_initial\noperations:\n  - RemoveField: {model_name: employee, name: name}\n");
		Result result = AbstractEndToEndWorkflowTests.run(this.migrations, "migrate");
		assertThat(result.code()).isNotZero();
		assertThat(result.output()).contains("ChecksumMismatchException: Migration payroll.0001_initial was changed after it was applied",
				"0001_initial.yaml");
		assertThat(columns("PAYROLL_EMPLOYEE")).contains("NAME");
	}

	private List<String> tables() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rows = connection.getMetaData().getTables(null, "PUBLIC", "%", null)) {
			List<String> names = new java.util.ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString("TABLE_NAME"));
			}
			return names;
		}
	}

	private List<String> columns(String table) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rows = connection.getMetaData().getColumns(null, "PUBLIC", table, "%")) {
			List<String> names = new java.util.ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString("COLUMN_NAME"));
			}
			return names;
		}
	}

}
