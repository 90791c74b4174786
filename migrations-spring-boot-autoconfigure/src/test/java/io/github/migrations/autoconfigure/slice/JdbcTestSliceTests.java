package io.github.migrations.autoconfigure.slice;

import io.github.migrations.Migrations;
import io.github.migrations.autoconfigure.MigrationsInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a {@link JdbcTest @JdbcTest} slice migrates its (embedded, replaced) test database
 * before the test runs, as it does with Flyway.
 *
 * @author Migrations contributors
 */
@JdbcTest(properties = "migrations.model-packages=io.github.migrations.autoconfigure.fixtures")
class JdbcTestSliceTests {

	@Autowired
	private JdbcClient jdbcClient;

	@Autowired
	private ApplicationContext context;

	@Test
	void jdbcTestMigratesTheTestDatabase() {
		assertThat(this.context.getBeansOfType(MigrationsInitializer.class)).hasSize(1);
		assertThat(this.jdbcClient.sql("select app || '.' || name from migrations_history order by app, name")
			.query(String.class)
			.list()).containsExactly("crm.0001_initial", "shop.0001_initial", "shop.0002_add_sku");
		this.jdbcClient.sql("insert into shop_product (name, stock, sku) values ('pen', 3, 'P-1')").update();
		assertThat(this.jdbcClient.sql("select sku from shop_product").query(String.class).single()).isEqualTo("P-1");
	}

	@Test
	void theMigratedDatabaseIsTheReplacedTestDatabase() {
		Migrations migrations = this.context.getBean(Migrations.class);
		assertThat(migrations.configuration().dataSource()).isSameAs(this.context.getBean(javax.sql.DataSource.class));
	}

}
