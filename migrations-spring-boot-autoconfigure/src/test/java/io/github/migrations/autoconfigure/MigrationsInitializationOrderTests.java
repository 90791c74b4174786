package io.github.migrations.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.names;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for when {@link MigrationsAutoConfiguration} migrates relative to other beans: database
 * initializer detection, Flyway, Liquibase, SQL scripts, lazy initialization and sliced
 * tests. Hibernate is in {@link MigrationsHibernateTests}.
 *
 * @author Migrations contributors
 */
class MigrationsInitializationOrderTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.model-packages=" + FIXTURES);

	private final ApplicationContextRunner h2Runner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + uniqueH2Url());

	@Test
	void jdbcTemplateAndJdbcClientDependOnTheInitializer() {
		this.h2Runner
			.withConfiguration(
					AutoConfigurations.of(JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(JdbcTemplate.class).hasSingleBean(JdbcClient.class);
				assertThat(dependsOn(context, "jdbcTemplate")).contains("migrationsInitializer", "migrations");
				assertThat(dependsOn(context, "jdbcClient")).contains("migrationsInitializer", "migrations");
			});
	}

	@Test
	void initializerDependsOnTheEngineAndSqlScriptsDependOnTheInitializer() {
		this.h2Runner.withConfiguration(AutoConfigurations.of(DataSourceInitializationAutoConfiguration.class))
			.withPropertyValues("spring.sql.init.mode=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(dependsOn(context, "migrationsInitializer")).contains("migrations");
				assertThat(dependsOn(context, "dataSourceScriptDatabaseInitializer")).contains("migrationsInitializer");
			});
	}

	@Test
	void beanUsingJdbcTemplateAtCreationSeesTheMigratedSchema() {
		this.h2Runner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withUserConfiguration(EagerQueryConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("productCount")).isEqualTo(0);
			});
	}

	@Test
	void runsAfterFlywayOnTheSameDatabase() {
		this.h2Runner
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("spring.flyway.locations=classpath:db/flyway-test")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(dependsOn(context, "migrations")).contains("flywayInitializer");
				assertThat(dependsOn(context, "jdbcTemplate")).contains("flyway", "flywayInitializer", "migrations",
						"migrationsInitializer");
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(jdbc.queryForObject("select count(*) from legacy_audit", Integer.class)).isZero();
				assertThat(jdbc.queryForObject("select count(*) from shop_product", Integer.class)).isZero();
			});
	}

	@Test
	void runsAfterLiquibaseOnOtherTablesOfTheSameDatabase() {
		this.h2Runner
			.withConfiguration(
					AutoConfigurations.of(LiquibaseAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("spring.liquibase.change-log=classpath:db/liquibase-test/changelog.sql")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(dependsOn(context, "migrations")).contains("liquibase");
				assertThat(dependsOn(context, "liquibase")).doesNotContain("migrations", "migrationsInitializer");
				assertThat(dependsOn(context, "jdbcTemplate")).contains("liquibase", "migrations",
						"migrationsInitializer");
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(jdbc.queryForObject("select count(*) from legacy_ledger", Integer.class)).isZero();
				assertThat(jdbc.queryForObject("select count(*) from databasechangelog", Integer.class)).isOne();
				assertThat(jdbc.queryForObject("select count(*) from migrations_history", Integer.class)).isEqualTo(3);
			});
	}

	@Test
	void migratesEagerlyWithLazyInitialization() {
		this.h2Runner
			.withInitializer((context) -> context
				.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().getBeanDefinition("migrations").isLazyInit()).isTrue();
				assertThat(context.getBeanFactory().getBeanDefinition("migrationsInitializer").isLazyInit()).isFalse();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("select count(*) from crm_customer", Integer.class)).isZero();
			});
	}

	@Test
	void isImportedBySlicedTestsThatInitializeTheDataSource() {
		new ApplicationContextRunner().withUserConfiguration(SlicedTestConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + uniqueH2Url(), "migrations.model-packages=" + FIXTURES,
					// Liquibase, on the test classpath, is imported by the slices too
					"spring.liquibase.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class);
				assertThat(names(context.getBean(Migrations.class).status(), true)).hasSize(3);
			});
	}

	@Test
	void detectorsRunAfterFlywayAndLiquibaseAndBeforeSqlScripts() {
		assertThat(new MigrationsDatabaseInitializerDetector().getOrder()).isGreaterThan(1);
		assertThat(new MigrationsInitializerDatabaseInitializerDetector().getOrder())
			.isGreaterThan(new MigrationsDatabaseInitializerDetector().getOrder())
			.isLessThan(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100);
	}

	private static List<String> dependsOn(
			org.springframework.boot.test.context.assertj.AssertableApplicationContext context, String beanName) {
		BeanDefinition definition = context.getBeanFactory().getBeanDefinition(beanName);
		String[] dependsOn = definition.getDependsOn();
		return (dependsOn != null) ? List.of(dependsOn) : List.of();
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigureDataSourceInitialization
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	static class SlicedTestConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class EagerQueryConfiguration {

		@Bean
		Integer productCount(JdbcTemplate jdbcTemplate) {
			return jdbcTemplate.queryForObject("select count(*) from shop_product", Integer.class);
		}

	}

}
