package io.github.migrations.autoconfigure;

import java.util.UUID;

import io.github.migrations.actuate.endpoint.MigrationsEndpoint;
import io.github.migrations.actuate.endpoint.MigrationsEndpointException;
import io.github.migrations.actuate.endpoint.MigrationsEndpointWebExtension;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsEndpointAutoConfiguration}.
 *
 * @author Migrations contributors
 */
class MigrationsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"migrations.model-packages=io.github.migrations.autoconfigure.fixtures");

	@Test
	void runWhenExposedShouldHaveEndpointBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenExposedOnTheWebShouldHaveTheWebExtension() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void runWhenExposedOnlyOverJmxShouldNotHaveTheWebExtension() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.doesNotHaveBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void runShouldKeepTheMigrateOperationDisabledByDefault() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThatExceptionOfType(MigrationsEndpointException.class)
				.isThrownBy(() -> context.getBean(MigrationsEndpoint.class)
					.migrate(SecurityContext.NONE, "shop", "0001", "token", null))
				.satisfies((ex) -> assertThat(ex.getReason())
					.isEqualTo(MigrationsEndpointException.Reason.MIGRATE_DISABLED)));
	}

	@Test
	void runWithMigrateEnabledShouldRunReviewedPlans() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"migrations.endpoint.migrate.enabled=true")
			.run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				String token = endpoint.plan("shop", "0001", null).token();
				assertThat(endpoint.migrate(SecurityContext.NONE, "shop", "0001", token, null).executed())
					.singleElement()
					.satisfies((step) -> assertThat(step.name()).isEqualTo("0002_add_sku"));
			});
	}

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		// upper case: the runner's environment lacks SpringApplication's lenient enum conversion
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenMigrationsAreDisabledShouldNotHaveEndpointBean() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWithoutActuatorShouldNotHaveEndpointBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWithUserEndpointShouldKeepIt() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withUserConfiguration(CustomEndpointConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.hasBean("customEndpoint"));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomEndpointConfiguration {

		@Bean
		MigrationsEndpoint customEndpoint(ApplicationContext context) {
			return new MigrationsEndpoint(context);
		}

	}

}
