package io.github.migrations.autoconfigure;

import java.util.Map;

import io.github.migrations.Migrations;
import io.github.migrations.actuate.health.MigrationsHealthIndicator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsHealthIndicator}:
 * one indicator named {@code migrations}, or one per {@link Migrations} bean under it when there
 * are several.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ Migrations.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Migrations.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@EnableConfigurationProperties(MigrationsHealthIndicatorProperties.class)
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthContributor migrationsHealthContributor(ListableBeanFactory beanFactory,
			MigrationsHealthIndicatorProperties properties) {
		Status pending = new Status(properties.getPendingStatus());
		Status unmigrated = new Status(properties.getUnmigratedChangesStatus());
		Status drift = properties.isDriftEnabled() ? new Status(properties.getDriftStatus()) : null;
		Map<String, Migrations> beans = beanFactory.getBeansOfType(Migrations.class);
		if (beans.size() == 1) {
			return new MigrationsHealthIndicator(beans.values().iterator().next(), pending, unmigrated, drift);
		}
		return CompositeHealthContributor.fromMap(beans,
				(migrations) -> new MigrationsHealthIndicator(migrations, pending, unmigrated, drift));
	}

}
