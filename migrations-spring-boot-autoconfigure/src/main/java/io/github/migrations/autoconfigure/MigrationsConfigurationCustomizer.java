package io.github.migrations.autoconfigure;

import io.github.migrations.MigrationsConfiguration;

/**
 * Callback that customizes the {@link MigrationsConfiguration.Builder} of the auto-configured
 * {@link io.github.migrations.Migrations} bean. Customizers run after the
 * {@link MigrationsProperties} have been applied, in {@link org.springframework.core.Ordered
 * order}, so they can override any property.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@FunctionalInterface
public interface MigrationsConfigurationCustomizer {

	/**
	 * Customize the configuration builder.
	 * @param builder the builder to customize
	 */
	void customize(MigrationsConfiguration.Builder builder);

}
