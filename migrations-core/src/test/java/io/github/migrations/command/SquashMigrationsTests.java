package io.github.migrations.command;

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
import java.util.UUID;

import io.github.migrations.Migrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.testsupport.MigrationFiles.SHOP_INITIAL;
import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * squashmigrations and optimizemigration on H2, and how the squash is used afterwards.
 */
class SquashMigrationsTests {

	@TempDir
	Path dir;

	private final JdbcDataSource dataSource = new JdbcDataSource();

	private Migrations migrations;

	@BeforeEach
	void setUp() throws IOException {
		this.dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.migrations = Migrations.configure().dataSource(this.dataSource).directory(this.dir).load();
		write(this.dir, "shop/0001_initial.yaml", SHOP_INITIAL);
		write(this.dir, "shop/0002_product_price.yaml", """
				dependencies:
				  - shop.0001_initial
				operations:
				  - AddField:
				      model_name: product
				      name: price
				      field: {type: IntegerField, default: 0}
				      preserve_default: false
				""");
		write(this.dir, "shop/0003_alter_product_price.yaml", """
				dependencies:
				  - shop.0002_product_price
				operations:
				  - AlterField:
				      model_name: product
				      name: price
				      field: {type: IntegerField, null: true}
				""");
	}

	@Test
	void squashWritesOneOptimizedMigrationThatReplacesTheOthers() throws IOException {
		String output = run("squashmigrations", "shop", "0003");
		assertThat(output).contains("Will squash the following migrations:\n - 0001_initial\n - 0002_product_price\n - 0003_alter_product_price",
				"Optimizing...", "  Optimized from 3 operations to 1 operations.",
				"Created new squashed migration", "0001_squashed_0003_alter_product_price.yaml");
		String file = Files.readString(this.dir.resolve("shop/0001_squashed_0003_alter_product_price.yaml"));
		assertThat(file).contains("replaces:\n  - shop.0001_initial\n  - shop.0002_product_price\n  - shop.0003_alter_product_price",
				"initial: true", "price: {type: IntegerField, null: true}");
	}

	@Test
	void freshDatabaseUsesTheSquashAndRecordsEveryReplacedMigration() throws SQLException {
		run("squashmigrations", "shop", "0003");
		String output = run("migrate");
		assertThat(output).contains("Applying shop.0001_squashed_0003_alter_product_price... OK")
			.doesNotContain("Applying shop.0002");
		assertThat(history()).containsExactlyInAnyOrder("shop.0001_initial", "shop.0002_product_price",
				"shop.0003_alter_product_price", "shop.0001_squashed_0003_alter_product_price");
		assertThat(run("showmigrations", "shop")).contains(" [X] 0001_squashed_0003_alter_product_price (3 squashed migrations)");
	}

	@Test
	void partlyMigratedDatabaseKeepsUsingTheOldMigrations() throws SQLException {
		run("migrate", "shop", "0001");
		run("squashmigrations", "shop", "0003");
		String output = run("migrate");
		assertThat(output).contains("Applying shop.0002_product_price... OK", "Applying shop.0003_alter_product_price... OK");
		assertThat(history()).contains("shop.0003_alter_product_price");
	}

	@Test
	void squashingASquashIsRefused() {
		run("squashmigrations", "shop", "0003");
		StringWriter out = new StringWriter();
		int code = this.migrations.run(List.of("squashmigrations", "shop", "0001_squashed"), CommandOutput.capturing(out));
		assertThat(code).isEqualTo(1);
		assertThat(out.toString()).contains("CommandError: You cannot squash squashed migrations!");
	}

	@Test
	void optimizeMigrationRewritesAnOptimizableMigration() throws IOException {
		write(this.dir, "shop/0004_twice.yaml", """
				dependencies:
				  - shop.0003_alter_product_price
				operations:
				  - AddField:
				      model_name: product
				      name: code
				      field: {type: CharField, max_length: 10, null: true}
				  - AlterField:
				      model_name: product
				      name: code
				      field: {type: CharField, max_length: 20, null: true}
				""");
		StringWriter out = new StringWriter();
		assertThat(this.migrations.run(List.of("optimizemigration", "shop", "0004", "--check"), CommandOutput.capturing(out)))
			.isEqualTo(1);
		assertThat(run("optimizemigration", "shop", "0004")).contains("Optimizing from 2 operations to 1 operations.",
				"Optimized migration");
		assertThat(Files.readString(this.dir.resolve("shop/0004_twice.yaml"))).doesNotContain("AlterField")
			.contains("max_length: 20");
		assertThat(run("optimizemigration", "shop", "0004")).contains("No optimizations possible.");
	}

	private String run(String... args) {
		StringWriter out = new StringWriter();
		int code = this.migrations.run(List.of(args), CommandOutput.capturing(out));
		assertThat(code).as(out.toString()).isZero();
		return out.toString();
	}

	private List<String> history() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select app, name from migrations_history order by id")) {
			List<String> keys = new ArrayList<>();
			while (rows.next()) {
				keys.add(rows.getString(1) + "." + rows.getString(2));
			}
			return keys;
		}
	}

}
