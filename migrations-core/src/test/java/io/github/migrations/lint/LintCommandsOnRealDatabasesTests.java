package io.github.migrations.lint;

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

import io.github.migrations.MigrationPlan;
import io.github.migrations.Migrations;
import io.github.migrations.UnsafeMigrationException;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.e2e.v1.Employee;
import io.github.migrations.e2e.v2.Department;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The linter wired into the commands, on the real servers: the seed's payroll app goes from v1
 * to v2 (a column renamed, a NOT NULL column added to a table holding a row), and
 * makemigrations, {@code migrate --plan}, {@code migrate --lint=fail}, an acknowledgement in the
 * file and the reviewed plan all have to show or act on the findings.
 */
class LintCommandsOnRealDatabasesTests {

	private static final String SECOND = "0002_department_rename_name_employee_full_name_and_more";

	@TempDir
	Path dir;

	private TestDatabase database;

	@AfterEach
	void tearDown() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void makemigrationsShowsTheFindingsOfEachDatabaseUnderTheOperations() throws SQLException {
		Migrations v2 = startAtV1(Vendor.POSTGRESQL);
		String onlyPostgres = run(v2, "makemigrations", "--dry-run", "--database-vendor", "postgresql").output();
		assertThat(onlyPostgres).contains("! renaming-column (error on PostgreSQL): ",
				"! adding-index-non-concurrently (error on PostgreSQL): ")
			.doesNotContain("MariaDB");
		assertThat(run(v2, "makemigrations", "--dry-run", "--lint", "ignore").output()).doesNotContain("!");
		String made = run(v2, "makemigrations").output();
		assertThat(made).contains("    ~ Rename field name on employee to full_name\n"
				+ "      ! renaming-column (error on PostgreSQL, MariaDB): Column payroll_employee.name is renamed to full_name",
				"    + Add field email to employee\n"
						+ "      ! adding-required-field (error on PostgreSQL, MariaDB): Column payroll_employee.email is added NOT NULL",
				"        Safe way: Give the field a dbDefault",
				"      ! adding-index-non-concurrently (error on PostgreSQL): ",
				"      ! adding-foreign-key-constraint (error on MariaDB): ");
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void migratePlanShowsTheFindingsForTheConnectedDatabase(Vendor vendor) throws SQLException {
		Migrations v2 = startAtV1(vendor);
		run(v2, "makemigrations");
		Result plan = run(v2, "migrate", "--plan");
		assertThat(plan.code()).isZero();
		assertThat(plan.output()).contains("Planned operations:\npayroll." + SECOND + "\n",
				"    Rename field name on employee to full_name\n"
						+ "      ! renaming-column (error): Column payroll_employee.name is renamed to full_name",
				"    Add field email to employee\n      ! adding-required-field (error): ");
		assertThat(history()).containsExactly("payroll.0001_initial");
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void failModeRefusesBeforeAnythingIsAppliedAndAnAcknowledgementLetsItRun(Vendor vendor)
			throws SQLException, IOException {
		Migrations v2 = startAtV1(vendor);
		run(v2, "makemigrations");
		List<String> columns = columns();

		Result refused = run(v2, "migrate", "--lint=fail");
		assertThat(refused.code()).isEqualTo(1);
		assertThat(refused.output()).contains("UnsafeMigrationException: Unsafe operations on a live "
				+ vendor.displayName() + " database that their migration does not acknowledge; nothing was applied",
				"payroll." + SECOND + ", operation 2 (Rename field name on employee to full_name): renaming-column: ",
				"acknowledged: [" + String.join(", ", codes(vendor)) + "]");
		assertThat(refused.output()).doesNotContain("Applying");
		Migrations failing = failing(io.github.migrations.e2e.v2.Employee.class, Department.class);
		assertThatExceptionOfType(UnsafeMigrationException.class).isThrownBy(failing::migrate)
			.satisfies((ex) -> assertThat(ex.findings()).extracting(Finding::code)
				.containsExactlyElementsOf(codes(vendor)));
		assertThat(history()).containsExactly("payroll.0001_initial");
		assertThat(columns()).isEqualTo(columns);
		assertThat(query("select name from payroll_employee")).containsExactly("Ada");

		acknowledge("payroll/" + SECOND + ".yaml", codes(vendor));
		Result applied = run(v2, "migrate", "--lint=fail");
		assertThat(applied.code()).as(applied.output()).isZero();
		assertThat(applied.output()).contains(
				"Unsafe operations on a live " + vendor.displayName() + " database (see docs/lint.md):\n"
						+ "  payroll." + SECOND + ", operation 2: Rename field name on employee to full_name\n"
						+ "    ! renaming-column (acknowledged): ",
				"  Applying payroll." + SECOND + "... OK");
		assertThat(history()).containsExactly("payroll.0001_initial", "payroll." + SECOND);
		assertThat(query("select full_name, email from payroll_employee")).containsExactly("Ada|unknown@example.com");
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void theReviewedPlanCarriesTheFindingsAndFailModeRefusesToRunIt(Vendor vendor) throws SQLException {
		Migrations v2 = startAtV1(vendor);
		run(v2, "makemigrations");
		MigrationPlan plan = v2.plan("payroll", "0002");
		assertThat(plan.steps()).singleElement()
			.satisfies((step) -> {
				assertThat(step.findings()).extracting(Finding::code).containsExactlyElementsOf(codes(vendor));
				assertThat(step.findings()).extracting(Finding::operation).startsWith(2, 3);
				assertThat(step.findings()).noneMatch(Finding::acknowledged);
			});
		Migrations failing = failing(io.github.migrations.e2e.v2.Employee.class, Department.class);
		assertThatExceptionOfType(UnsafeMigrationException.class)
			.isThrownBy(() -> failing.migrate("payroll", "0002", plan.token()));
		assertThat(history()).containsExactly("payroll.0001_initial");
		Migrations ignoring = Migrations.configure()
			.dataSource(this.database.dataSource())
			.directory(this.dir)
			.lint(LintMode.IGNORE)
			.load();
		assertThat(ignoring.plan("payroll", "0002").findings()).isEmpty();
	}

	/**
	 * Return the rules v1 to v2 breaks on a database: renaming a column and adding a NOT NULL
	 * column everywhere; the new foreign key's index on PostgreSQL; its table copy on MariaDB.
	 */
	private static List<String> codes(Vendor vendor) {
		return (vendor == Vendor.POSTGRESQL)
				? List.of("renaming-column", "adding-required-field", "adding-index-non-concurrently",
						"adding-foreign-key-constraint")
				: List.of("renaming-column", "adding-required-field", "adding-foreign-key-constraint");
	}

	/**
	 * Create a fresh database, make and apply the v1 migration, insert a row, and return the
	 * engine with the v2 models.
	 */
	private Migrations startAtV1(Vendor vendor) throws SQLException {
		this.database = TestDatabases.of(vendor);
		Migrations v1 = engine(Employee.class);
		assertThat(run(v1, "makemigrations").code()).isZero();
		assertThat(run(v1, "migrate").code()).isZero();
		update("insert into payroll_employee (name, position, salary) values ('Ada', 'Engineer', 1)");
		return engine(io.github.migrations.e2e.v2.Employee.class, Department.class);
	}

	private Migrations engine(Class<?>... models) {
		return Migrations.configure()
			.dataSource(this.database.dataSource())
			.modelClasses(List.of(models))
			.directory(this.dir)
			.load();
	}

	private Migrations failing(Class<?>... models) {
		return Migrations.configure()
			.dataSource(this.database.dataSource())
			.modelClasses(List.of(models))
			.directory(this.dir)
			.lint(LintMode.FAIL)
			.load();
	}

	private void acknowledge(String file, List<String> codes) throws IOException {
		Path path = this.dir.resolve(file);
		StringBuilder block = new StringBuilder("acknowledged:\n");
		for (String code : codes) {
			block.append("  - ").append(code).append('\n');
		}
		Files.writeString(path, Files.readString(path).replace("operations:\n", block + "operations:\n"));
	}

	private static Result run(Migrations migrations, String... args) {
		StringWriter text = new StringWriter();
		int code = migrations.run(List.of(args), CommandOutput.capturing(text));
		return new Result(code, text.toString());
	}

	private record Result(int code, String output) {
	}

	private List<String> history() throws SQLException {
		return query("select app, name from migrations_history order by id").stream()
			.map((row) -> row.replace('|', '.'))
			.toList();
	}

	private List<String> columns() throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, "payroll_employee", null)) {
			List<String> names = new ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString("COLUMN_NAME"));
			}
			return names.stream().sorted().toList();
		}
	}

	private void update(String sql) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> result = new ArrayList<>();
			int count = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= count; i++) {
					values.add(String.valueOf(rows.getObject(i)));
				}
				result.add(String.join("|", values));
			}
			return result;
		}
	}

}
