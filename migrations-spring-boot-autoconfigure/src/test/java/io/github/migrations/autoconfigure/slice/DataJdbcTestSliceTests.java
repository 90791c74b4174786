package io.github.migrations.autoconfigure.slice;

import io.github.migrations.autoconfigure.MigrationsInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a {@link DataJdbcTest @DataJdbcTest} slice migrates its test database, so Spring Data
 * JDBC repositories work on the tables the migrations create.
 *
 * @author Migrations contributors
 */
@DataJdbcTest(properties = "migrations.model-packages=io.github.migrations.autoconfigure.fixtures")
class DataJdbcTestSliceTests {

	@Autowired
	private ProductRows products;

	@Autowired
	private ApplicationContext context;

	@Test
	void repositoryWorksOnTheMigratedTables() {
		assertThat(this.context.getBeansOfType(MigrationsInitializer.class)).hasSize(1);
		ProductRow saved = this.products.save(new ProductRow(null, "pen", 3, "P-1"));
		assertThat(saved.id()).isNotNull();
		assertThat(this.products.findById(saved.id())).hasValueSatisfying((row) -> {
			assertThat(row.name()).isEqualTo("pen");
			assertThat(row.sku()).isEqualTo("P-1");
		});
	}

}
