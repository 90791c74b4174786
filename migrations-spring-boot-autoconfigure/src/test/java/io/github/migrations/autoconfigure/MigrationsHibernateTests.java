package io.github.migrations.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.autoconfigure.jpa.ProductEntity;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsAutoConfiguration} with Hibernate on an embedded database: the
 * migrated schema is reported as managed, so {@code ddl-auto} defaults to {@code none} and
 * Hibernate neither recreates the tables (which would lose the {@code sku} column that
 * {@link ProductEntity} does not map) nor drops them when the context closes; the entity manager
 * factory waits for migrations.
 *
 * @author Migrations contributors
 */
class MigrationsHibernateTests {

	private final String url = uniqueH2Url();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withUserConfiguration(EntityConfiguration.class)
		.withPropertyValues("spring.datasource.url=" + this.url, "migrations.model-packages=" + FIXTURES);

	@Test
	void hibernateLeavesTheMigratedSchemaAlone() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(ddlAuto(context.getBean(LocalContainerEntityManagerFactoryBean.class))).isNull();
			assertThat(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
				.contains("migrationsInitializer");
			assertThat(columns()).contains("SKU");
			assertThat(context.getBean(EntityManagerFactory.class)
				.createEntityManager()
				.createQuery("select count(p) from ProductEntity p", Long.class)
				.getSingleResult()).isZero();
		});
		assertThat(columns()).contains("NAME", "SKU");
		assertThat(historyRows()).isEqualTo(3);
	}

	@Test
	void hibernateLeavesTheSchemaAloneWhenMigrationsConnectWithAnotherUser() {
		this.contextRunner.withPropertyValues("migrations.user=sa", "migrations.password=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(ddlAuto(context.getBean(LocalContainerEntityManagerFactoryBean.class))).isNull();
		});
		assertThat(columns()).contains("SKU");
		assertThat(historyRows()).isEqualTo(3);
	}

	@Test
	void hibernateCreatesAndDropsTheSchemaWhenMigrationsAreDisabled() {
		this.contextRunner.withPropertyValues("migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(ddlAuto(context.getBean(LocalContainerEntityManagerFactoryBean.class)))
				.isEqualTo("create-drop");
			assertThat(columns()).contains("NAME").doesNotContain("SKU");
		});
		assertThat(columns()).isEmpty();
	}

	/**
	 * Return {@code hibernate.hbm2ddl.auto} as Spring Boot passed it to Hibernate: absent for
	 * {@code none}.
	 */
	private static @Nullable Object ddlAuto(LocalContainerEntityManagerFactoryBean factory) {
		return factory.getJpaPropertyMap().get("hibernate.hbm2ddl.auto");
	}

	private List<String> columns() {
		return jdbc().queryForList(
				"select column_name from information_schema.columns where table_name = 'SHOP_PRODUCT'", String.class);
	}

	private Integer historyRows() {
		return jdbc().queryForObject("select count(*) from migrations_history", Integer.class);
	}

	private JdbcTemplate jdbc() {
		DataSource dataSource = DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(this.url)
			.username("sa")
			.build();
		return new JdbcTemplate(dataSource);
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = ProductEntity.class)
	static class EntityConfiguration {

	}

}
