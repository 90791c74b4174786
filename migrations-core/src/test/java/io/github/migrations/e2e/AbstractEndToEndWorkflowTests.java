package io.github.migrations.e2e;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The seed's whole workflow against a real database: models v1 → makemigrations → migrate → rows →
 * add and rename a field → makemigrations → migrate → rows intact → back to 0001 → zero → migrate
 * again. Subclasses say which database.
 */
abstract class AbstractEndToEndWorkflowTests {

	@TempDir
	Path migrationsDir;

	/**
	 * Return the database to run against, empty.
	 * @return the data source
	 */
	protected abstract DataSource dataSource();

	/**
	 * Return a decimal as the database gives it back in text.
	 * @param value the value as written, with its decimal places
	 * @return the value read back
	 */
	protected String storedDecimal(String value) {
		return value;
	}

	@Test
	void seedWorkflowKeepsDataThroughChangesRevertsAndReapplies() throws SQLException {
		Migrations v1 = migrations(io.github.migrations.e2e.v1.Employee.class);
		Result made = run(v1, "makemigrations");
		assertThat(made.code()).isZero();
		assertThat(made.output()).contains("Migrations for 'payroll':", "payroll/0001_initial.yaml",
				"    + Create model Employee");
		assertThat(this.migrationsDir.resolve("payroll/0001_initial.yaml")).exists();
		assertThat(run(v1, "makemigrations").output()).contains("No changes detected");

		Result migrated = run(v1, "migrate");
		assertThat(migrated.code()).isZero();
		assertThat(migrated.output()).contains("Operations to perform:", "  Apply all migrations: payroll",
				"Running migrations:", "  Applying payroll.0001_initial... OK");
		assertThat(run(v1, "migrate").output()).contains("  No migrations to apply.");
		update("insert into payroll_employee (name, position, salary) values ('Ada Lovelace', 'Engineer', 1234.50)");

		Migrations v2 = migrations(io.github.migrations.e2e.v2.Employee.class, io.github.migrations.e2e.v2.Department.class);
		assertThat(run(v1, "migrate").output()).doesNotContain("have changes");
		assertThat(run(v2, "migrate").output()).contains("Your models in app(s): 'payroll' have changes");
		assertThat(run(v2, "makemigrations", "--check").code()).isEqualTo(1);
		Result second = run(v2, "makemigrations");
		assertThat(second.output()).contains("payroll/0002_department_rename_name_employee_full_name_and_more.yaml",
				"    + Create model Department", "    ~ Rename field name on employee to full_name",
				"    + Add field department to employee", "    + Add field email to employee");
		assertThat(second.output()).doesNotContain("Warning", "will be lost");
		assertThat(run(v2, "sqlmigrate", "payroll", "0002").output()).contains("ALTER TABLE");
		assertThat(run(v2, "migrate").output())
			.contains("  Applying payroll.0002_department_rename_name_employee_full_name_and_more... OK");
		assertThat(query("select full_name, email, salary from payroll_employee"))
			.containsExactly("Ada Lovelace|unknown@example.com|" + storedDecimal("1234.50"));
		update("insert into departments (name) values ('Research')");
		update("update payroll_employee set department_id = (select id from departments)");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> update("update payroll_employee set department_id = 999"));
		assertThat(run(v2, "showmigrations").output()).contains("payroll\n [X] 0001_initial\n [X] 0002_");

		Result back = run(v2, "migrate", "payroll", "0001");
		assertThat(back.code()).isZero();
		assertThat(back.output()).contains("  Target specific migration: 0001_initial, from payroll",
				"  Unapplying payroll.0002_department_rename_name_employee_full_name_and_more... OK");
		assertThat(query("select name, salary from payroll_employee"))
			.containsExactly("Ada Lovelace|" + storedDecimal("1234.50"));
		assertThat(tableExists("departments")).isFalse();
		assertThat(run(v2, "showmigrations", "payroll").output()).contains(" [X] 0001_initial\n [ ] 0002_");

		Result zero = run(v2, "migrate", "payroll", "zero");
		assertThat(zero.output()).contains("  Unapply all migrations: payroll", "  Unapplying payroll.0001_initial... OK");
		assertThat(tableExists("payroll_employee")).isFalse();
		assertThat(query("select count(*) from migrations_history where app = 'payroll'")).containsExactly("0");

		Result again = run(v2, "migrate");
		assertThat(again.output()).contains("  Applying payroll.0001_initial... OK",
				"  Applying payroll.0002_department_rename_name_employee_full_name_and_more... OK");
		assertThat(query("select count(*) from migrations_history where app = 'payroll'")).containsExactly("2");
	}

	@Test
	void fullVocabularyIsGeneratedStableAppliedRenamedRevertedAndReapplied() throws SQLException {
		Migrations v1 = migrations(io.github.migrations.e2e.shop.v1.Product.class,
				io.github.migrations.e2e.shop.v1.Tag.class, io.github.migrations.e2e.shop.v1.Shelf.class);
		Result made = run(v1, "makemigrations");
		assertThat(made.code()).as(made.output()).isZero();
		assertThat(made.output()).contains("shop/0001_initial.yaml", "    + Create model Product",
				"    + Create model Shelf", "    + Create model Tag");
		Result stable = run(v1, "makemigrations", "--check");
		assertThat(stable.code()).as(stable.output()).isZero();
		Result migrated = run(v1, "migrate");
		assertThat(migrated.code()).as(migrated.output()).isZero();
		update("insert into shop_product (name, sku, price, active, status) values ('Tea', 'tea', 3.50, true, 'DRAFT')");
		update("insert into shop_tag (label) values ('hot')");
		update("insert into shop_shelf (name, tag_id) values ('Front', (select id from shop_tag))");
		update("insert into shop_shelf_products (shelf_id, product_id) values ((select id from shop_shelf), (select id from shop_product))");
		assertThat(query("select stock from shop_product")).containsExactly("0");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> update("insert into shop_product (name, sku, price, active, status) values ('Bad', 'bad', -1, true, 'DRAFT')"));

		Migrations v2 = migrations(io.github.migrations.e2e.shop.v2.Product.class,
				io.github.migrations.e2e.shop.v2.Label.class, io.github.migrations.e2e.shop.v2.Shelf.class);
		Result second = run(v2, "makemigrations", "-n", "second");
		assertThat(second.code()).as(second.output()).isZero();
		assertThat(second.output()).contains("shop/0002_second.yaml", "    ~ Rename model Tag to Label",
				"    ~ Rename field name on product to title", "    ~ Change Meta options on product",
				"    - Remove constraint product_price_positive from model product", "    + Add field weight to product");
		assertThat(second.output()).doesNotContain("Warning", "will be lost");
		Result stableAgain = run(v2, "makemigrations", "--check");
		assertThat(stableAgain.code()).as(stableAgain.output()).isZero();
		Result applied = run(v2, "migrate");
		assertThat(applied.code()).as(applied.output()).isZero();
		assertThat(query("select title, weight from shop_product")).containsExactly("Tea|1");
		assertThat(query("select l.label from shop_shelf s join shop_label l on l.id = s.tag_id")).containsExactly("hot");
		update("insert into shop_product (title, sku, price, active, status, weight) values ('Cheap', 'cheap', -1, true, 'DRAFT', 2)");

		update("delete from shop_product where price < 0");
		Result back = run(v2, "migrate", "shop", "0001");
		assertThat(back.code()).as(back.output()).isZero();
		assertThat(query("select name from shop_product")).containsExactly("Tea");
		assertThat(query("select label from shop_tag")).containsExactly("hot");
		assertThat(tableExists("shop_label")).isFalse();

		Result zero = run(v2, "migrate", "shop", "zero");
		assertThat(zero.code()).as(zero.output()).isZero();
		assertThat(tableExists("shop_product")).isFalse();
		assertThat(tableExists("shop_shelf_products")).isFalse();
		Result again = run(v2, "migrate");
		assertThat(again.code()).as(again.output()).isZero();
		assertThat(again.output()).contains("  Applying shop.0001_initial... OK", "  Applying shop.0002_second... OK");
	}

	private Migrations migrations(Class<?>... models) {
		return Migrations.configure()
			.dataSource(dataSource())
			.modelClasses(List.of(models))
			.directory(this.migrationsDir)
			.load();
	}

	/**
	 * Run a command and capture what it printed.
	 * @param migrations the engine
	 * @param args the command line
	 * @return the exit code and output
	 */
	static Result run(Migrations migrations, String... args) {
		StringWriter text = new StringWriter();
		int code = migrations.run(List.of(args), CommandOutput.capturing(text));
		return new Result(code, text.toString());
	}

	record Result(int code, String output) {
	}

	private void update(String sql) throws SQLException {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection connection = dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> result = new java.util.ArrayList<>();
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= columns; i++) {
					row.append(i > 1 ? "|" : "").append(rows.getString(i));
				}
				result.add(row.toString());
			}
			return result;
		}
	}

	private boolean tableExists(String table) throws SQLException {
		try (Connection connection = dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeQuery("select count(*) from " + table).close();
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	static boolean exists(Path path) {
		return Files.exists(path);
	}

}
