package io.github.migrations.autoconfigure;

import io.github.migrations.Migrations;
import io.github.migrations.actuate.metrics.MigrationsMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the metrics of migration runs: adds a
 * {@link MigrationsMetricsListener} to the auto-configured {@link Migrations} engine through a
 * {@link MigrationsConfigurationCustomizer}.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
		SimpleMetricsExportAutoConfiguration.class })
@ConditionalOnClass({ Migrations.class, MeterRegistry.class, MetricsAutoConfiguration.class })
@ConditionalOnBean(MeterRegistry.class)
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsMetricsConfigurationCustomizer")
	MigrationsConfigurationCustomizer migrationsMetricsConfigurationCustomizer(MeterRegistry registry) {
		return (builder) -> builder.listener(new MigrationsMetricsListener(registry));
	}

}
