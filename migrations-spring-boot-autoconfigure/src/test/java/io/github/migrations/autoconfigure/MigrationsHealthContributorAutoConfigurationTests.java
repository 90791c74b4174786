package io.github.migrations.autoconfigure;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.actuate.health.MigrationsHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsHealthContributorAutoConfiguration} and the
 * {@link MigrationsHealthIndicator} it registers.
 *
 * @author Migrations contributors
 */
class MigrationsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + uniqueH2Url(), "migrations.model-packages=" + FIXTURES);

	@Test
	void reportsUpWithoutDetailsWhenEverythingIsApplied() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MigrationsHealthIndicator.class);
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).isEmpty();
		});
	}

	@Test
	void reportsPendingMigrationsAsOutOfServiceByDefault() {
		this.contextRunner.withPropertyValues("migrations.migrate-on-startup=false").run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsExactly(
					Map.entry("pending", List.of("crm.0001_initial", "shop.0001_initial", "shop.0002_add_sku")));
		});
	}

	@Test
	void pendingStatusIsConfigurable() {
		this.contextRunner.withPropertyValues("migrations.migrate-on-startup=false", "migrations.health.pending-status=DOWN")
			.run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.DOWN));
	}

	@Test
	void reportsUnmigratedModelChangesAsUpWithDetailsByDefault() {
		this.contextRunner
			.withPropertyValues("migrations.location=classpath:db/unmigrated", "migrations.model-packages=" + FIXTURES + ".shop")
			.run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsExactly(
						Map.entry("unmigratedChanges", Map.of("shop", List.of("+ Add field sku to product"))));
			});
	}

	@Test
	void unmigratedChangesStatusIsConfigurable() {
		this.contextRunner
			.withPropertyValues("migrations.location=classpath:db/unmigrated", "migrations.model-packages=" + FIXTURES + ".shop",
					"migrations.health.unmigrated-changes-status=OUT_OF_SERVICE")
			.run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE));
	}

	@Test
	void reportsDriftAsUpWithDetailsByDefault() {
		this.contextRunner.run((context) -> {
			addColumnBehindTheEnginesBack(context);
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsExactly(Map.entry("drift",
					Map.of("crm", List.of("Unexpected column crm_customer.NOTE (CHARACTER VARYING(20) NULL)"))));
		});
	}

	@Test
	void driftIsNotCheckedWhenDisabled() {
		this.contextRunner.withPropertyValues("migrations.health.drift-enabled=false", "migrations.health.drift-status=DOWN")
			.run((context) -> {
				addColumnBehindTheEnginesBack(context);
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).isEmpty();
			});
	}

	private static void addColumnBehindTheEnginesBack(ApplicationContext context) {
		JdbcClient.create(context.getBean(DataSource.class))
			.sql("ALTER TABLE crm_customer ADD COLUMN note varchar(20)")
			.update();
	}

	@Test
	void theMoreSevereStatusWinsWhenMigrationsArePendingAndModelsChanged() {
		this.contextRunner
			.withPropertyValues("migrations.location=classpath:db/unmigrated", "migrations.model-packages=" + FIXTURES + ".shop",
					"migrations.migrate-on-startup=false", "migrations.health.unmigrated-changes-status=DOWN")
			.run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsOnlyKeys("pending", "unmigratedChanges");
			});
	}

	@Test
	void reportsEachMigrationsBeanWhenSeveralDatabasesAreMigrated() {
		this.contextRunner.withUserConfiguration(TwoDatabasesConfiguration.class).run((context) -> {
			HealthContributor contributor = context.getBean("migrationsHealthContributor", HealthContributor.class);
			assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
			CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
			assertThat(((HealthIndicator) composite.getContributor("ordersMigrations")).health().getStatus())
				.isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(((HealthIndicator) composite.getContributor("reportsMigrations")).health().getStatus())
				.isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void backsOffWhenTheIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffWithoutMigrations() {
		this.contextRunner.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthContributor.class));
	}

	@Test
	void backsOffWithoutTheHealthModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void keepsAUserIndicatorOfTheSameName() {
		this.contextRunner
			.withBean("migrationsHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class)
				.hasBean("migrationsHealthIndicator"));
	}

	private static Health health(AssertableApplicationContext context) {
		Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
		assertThat(health).isNotNull();
		return health;
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDatabasesConfiguration {

		@Bean
		Migrations ordersMigrations(DataSource dataSource) {
			return Migrations.configure().dataSource(dataSource).location("db/migrations").load();
		}

		@Bean
		Migrations reportsMigrations() {
			DataSource reports = DataSourceBuilder.create().url(uniqueH2Url()).build();
			return Migrations.configure().dataSource(reports).location("db/migrations").load();
		}

	}

}
