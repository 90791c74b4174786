package io.github.migrations.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import io.github.migrations.Migrations;
import io.github.migrations.drift.DriftDetectorTests;
import io.github.migrations.e2e.AbstractEndToEndWorkflowTests.Result;
import io.github.migrations.e2e.shop.v1.Shelf;
import io.github.migrations.e2e.shop.v1.Tag;
import io.github.migrations.e2e.shop.v2.Label;
import io.github.migrations.e2e.shop.v2.Product;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drift} over the end-to-end vocabulary (the shop models, both versions, and the payroll
 * seed) on the real databases: no difference after migrating forwards and back, each manual
 * change reported per app with exit status 1.
 */
class DriftEndToEndTests {

	@TempDir
	Path migrationsDir;

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void wholeVocabularyReportsNoDifferenceAfterMigratingForwardsAndBack(Vendor vendor) {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations v1 = migrations(database, io.github.migrations.e2e.shop.v1.Product.class, Tag.class, Shelf.class,
					io.github.migrations.e2e.v1.Employee.class);
			assertThat(run(v1, "makemigrations").code()).isZero();
			assertThat(run(v1, "migrate").code()).isZero();
			assertClean(v1);
			Migrations v2 = migrations(database, Product.class, Label.class,
					io.github.migrations.e2e.shop.v2.Shelf.class, io.github.migrations.e2e.v2.Employee.class,
					io.github.migrations.e2e.v2.Department.class);
			assertThat(run(v2, "makemigrations", "-n", "second").code()).isZero();
			assertThat(run(v2, "migrate").code()).isZero();
			assertClean(v2);
			assertThat(run(v2, "migrate", "shop", "0001").code()).isZero();
			assertClean(v2);
			assertThat(run(v2, "migrate", "payroll", "zero").code()).isZero();
			assertClean(v2);
			assertThat(run(v2, "migrate").code()).isZero();
			assertClean(v2);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void manualChangesArePrintedPerAppWithExitStatusOne(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations v2 = migrations(database, Product.class, Label.class,
					io.github.migrations.e2e.shop.v2.Shelf.class, io.github.migrations.e2e.v1.Employee.class);
			assertThat(run(v2, "makemigrations").code()).isZero();
			assertThat(run(v2, "migrate").code()).isZero();
			try (Connection connection = database.dataSource().getConnection()) {
				execute(connection, "ALTER TABLE shop_product ADD COLUMN note varchar(20)");
				switch (vendor) {
					case MARIADB -> execute(connection, "ALTER TABLE payroll_employee MODIFY position varchar(100) NULL");
					case SQLITE -> DriftDetectorTests.editDefinition(connection, "payroll_employee",
							"\"position\" varchar(100) NOT NULL", "\"position\" varchar(100) NULL");
					default -> execute(connection, "ALTER TABLE payroll_employee ALTER COLUMN position DROP NOT NULL");
				}
				execute(connection, "CREATE TABLE legacy_audit (id integer PRIMARY KEY)");
			}
			Result drift = run(v2, "drift");
			assertThat(drift.code()).isOne();
			assertThat(drift.output().toLowerCase(Locale.ROOT)).isEqualTo("""
					the database differs from the schema of the applied migrations:
					payroll
					  column payroll_employee.position is null, the migrations say not null
					shop
					  unexpected column shop_product.note (%s null)
					(no app)
					  unexpected table legacy_audit
					""".formatted((vendor == Vendor.MARIADB || vendor == Vendor.SQLITE) ? "varchar(20)"
							: "character varying(20)"));
			Result shopOnly = run(v2, "drift", "shop");
			assertThat(shopOnly.code()).isOne();
			assertThat(shopOnly.output()).doesNotContain("payroll", "legacy_audit");
			Result ignored = run(v2, "drift", "payroll", "--ignore-table", "legacy_audit");
			assertThat(ignored.output()).contains("payroll").doesNotContain("shop", "legacy_audit");
			assertThat(run(v2, "drift", "nosuchapp").code()).isEqualTo(2);
			assertThat(run(v2, "showmigrations", "--drift").output()).endsWith(
					"Note: the database differs from the schema of the applied migrations (payroll, shop, (no app));"
							+ " run 'drift' to see how.\n");
			assertThat(run(v2, "showmigrations", "shop", "--drift").output())
				.contains("(shop); run 'drift' to see how.");
			assertThat(run(v2, "showmigrations").output()).doesNotContain("Note:");
			assertThat(v2.drift()).hasSize(3);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void writeAdoptsWhatTheStateCanSayInAStateOnlyMigration(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations v2 = migrations(database, Product.class, Label.class,
					io.github.migrations.e2e.shop.v2.Shelf.class);
			assertThat(run(v2, "makemigrations").code()).isZero();
			assertThat(run(v2, "migrate").code()).isZero();
			String odd = switch (vendor) {
				case POSTGRESQL -> "inet";
				case MARIADB -> "year";
				case H2 -> "INTEGER ARRAY";
				default -> "geometry";
			};
			try (Connection connection = database.dataSource().getConnection()) {
				changeBehindTheEnginesBack(connection, vendor, odd);
			}
			Result written = run(v2, "drift", "--write", "--table-app", "shop");
			assertThat(written.code()).as(written.output()).isOne();
			assertThat(written.output()).as(written.output()).contains("shop/0002_adopt_drift.yaml\n"
					+ "    ~ Alter field title on product (state only)\n"
					+ "    ~ Alter field price on product (state only)\n"
					+ "    ~ Alter field weight on product (state only)\n"
					+ "    + Add field note to product (state only)\n"
					+ "    - Remove index product_title_idx from product (state only)\n"
					+ "    + Create index extra_sku_price_idx on field(s) sku, price of model product (state only)\n"
					+ "    + Create model LegacyAudit (state only)\n"
					+ "Change the models the same way, or the next makemigrations undoes this:\n"
					+ "  shop.Product.title: @CharField(maxLength = 120)\n"
					+ "  shop.Product.price: @DecimalField(maxDigits = 10, decimalPlaces = 2, nullable = true)\n"
					+ "  shop.Product.weight: @IntegerField(defaultValue = \"1\", dbDefault = \"5\")\n"
					+ "  shop.Product: add @CharField(maxLength = 20, nullable = true) String note;\n"
					+ "  shop.Product: remove @Index(name = \"product_title_idx\")\n"
					+ "  shop.Product: add @Index(name = \"extra_sku_price_idx\", fields = { \"sku\", \"price\" })\n"
					+ "  shop: add the model class\n"
					+ "      @Model(app = \"shop\", table = \"legacy_audit\")\n"
					+ "      public class LegacyAudit {\n"
					+ "          @IntegerField(primaryKey = true)\n"
					+ "          int id;\n"
					+ "          @CharField(maxLength = 30, dbDefault = \"none\")\n"
					+ "          String label;\n"
					+ "      }\n"
					+ "Not written (the state cannot say it; each line says what to do):\n"
					+ "  Unexpected column shop_product.");
			assertThat(written.output()).as(written.output()).contains("no field type has the column type " + ((vendor == Vendor.H2) ? "ARRAY" : odd));
			assertThat(this.migrationsDir.resolve("shop/0002_adopt_drift.yaml")).content()
				.contains("SeparateDatabaseAndState", "state_operations", "RemoveIndex", "AddIndex", "AlterField",
						"AddField", "CreateModel");
			assertThat(run(v2, "migrate").code()).isZero();
			assertThat(v2.drift()).singleElement()
				.satisfies((difference) -> assertThat(difference.describe()).containsIgnoringCase("shop_product.odd"));
			assertThat(run(v2, "migrate", "shop", "0001").code()).isZero();
			assertThat(v2.drift()).hasSize(8);
		}
	}

	private static void changeBehindTheEnginesBack(Connection connection, Vendor vendor, String odd)
			throws SQLException {
		boolean mariadb = vendor == Vendor.MARIADB;
		execute(connection, mariadb ? "DROP INDEX product_title_idx ON shop_product" : "DROP INDEX product_title_idx");
		switch (vendor) {
			case MARIADB -> {
				execute(connection, "ALTER TABLE shop_product MODIFY price numeric(10, 2) NULL");
				execute(connection, "ALTER TABLE shop_product MODIFY title varchar(120) NOT NULL");
			}
			case SQLITE -> DriftDetectorTests.editDefinition(connection, "shop_product", "\"price\" decimal NOT NULL",
					"\"price\" decimal NULL", "\"title\" varchar(100) NOT NULL", "\"title\" varchar(120) NOT NULL",
					"\"weight\" integer NOT NULL", "\"weight\" integer DEFAULT 5 NOT NULL");
			case POSTGRESQL -> {
				execute(connection, "ALTER TABLE shop_product ALTER COLUMN price DROP NOT NULL");
				execute(connection, "ALTER TABLE shop_product ALTER COLUMN title TYPE varchar(120)");
			}
			default -> {
				execute(connection, "ALTER TABLE shop_product ALTER COLUMN price DROP NOT NULL");
				execute(connection, "ALTER TABLE shop_product ALTER COLUMN title SET DATA TYPE varchar(120)");
			}
		}
		if (vendor != Vendor.SQLITE) {
			execute(connection, "ALTER TABLE shop_product ALTER COLUMN weight SET DEFAULT 5");
		}
		execute(connection, "CREATE INDEX extra_sku_price_idx ON shop_product (sku, price)");
		execute(connection, "ALTER TABLE shop_product ADD COLUMN note varchar(20)");
		execute(connection, "ALTER TABLE shop_product ADD COLUMN odd " + odd);
		execute(connection, "CREATE TABLE legacy_audit (id integer PRIMARY KEY, label varchar(30) DEFAULT 'none' NOT NULL)");
	}

	private void assertClean(Migrations migrations) {
		Result drift = run(migrations, "drift");
		assertThat(drift.code()).as(drift.output()).isZero();
		assertThat(drift.output()).isEqualTo("No differences between the applied migrations and the database.\n");
		assertThat(migrations.drift()).isEmpty();
		assertThat(run(migrations, "showmigrations", "--drift").output()).doesNotContain("Note:");
	}

	private Migrations migrations(TestDatabase database, Class<?>... models) {
		return migrations(database, this.migrationsDir, models);
	}

	static Migrations migrations(TestDatabase database, Path directory, Class<?>... models) {
		return Migrations.configure()
			.dataSource(database.dataSource())
			.modelClasses(List.of(models))
			.directory(directory)
			.load();
	}

	static Result run(Migrations migrations, String... args) {
		return AbstractEndToEndWorkflowTests.run(migrations, args);
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
