package io.github.migrations.autoconfigure;

import io.github.migrations.Migrations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsMetricsAutoConfiguration}.
 *
 * @author Migrations contributors
 */
class MigrationsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner withoutMetrics = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + uniqueH2Url(), "migrations.model-packages=" + FIXTURES);

	private final ApplicationContextRunner contextRunner = this.withoutMetrics
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void timesEachMigrationAppliedAtStartupAndTheLockWait() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("migrations.execution").timers()).hasSize(3);
			Timer sku = registry.get("migrations.execution")
				.tags("app", "shop", "migration", "0002_add_sku", "direction", "forwards", "fake", "false", "outcome",
						"success", "exception", "none")
				.timer();
			assertThat(sku.count()).isOne();
			assertThat(registry.get("migrations.lock.wait").tag("outcome", "success").timer().count()).isOne();
		});
	}

	@Test
	void timesRevertsThroughAReviewedPlan() {
		this.contextRunner.run((context) -> {
			Migrations migrations = context.getBean(Migrations.class);
			migrations.migrate("shop", "0001", migrations.plan("shop", "0001").token());
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.execution")
				.tags("app", "shop", "migration", "0002_add_sku", "direction", "backwards", "outcome", "success")
				.timer()
				.count()).isOne();
			assertThat(registry.get("migrations.lock.wait").timer().count()).isEqualTo(2);
		});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.withoutMetrics.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean("migrationsMetricsConfigurationCustomizer"));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.withoutMetrics.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("migrationsMetricsConfigurationCustomizer"));
	}

	@Test
	void keepsAUserCustomizerOfTheSameName() {
		this.contextRunner
			.withBean("migrationsMetricsConfigurationCustomizer", MigrationsConfigurationCustomizer.class,
					() -> (builder) -> {
					})
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("migrations.execution").timers())
				.isEmpty());
	}

}
