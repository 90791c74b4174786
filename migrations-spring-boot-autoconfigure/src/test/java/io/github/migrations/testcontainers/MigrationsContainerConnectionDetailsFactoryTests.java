package io.github.migrations.testcontainers;

import java.util.Map;

import io.github.migrations.Migrations;
import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.autoconfigure.MigrationsConnectionDetails;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.lifecycle.TestcontainersLifecycleApplicationContextInitializer;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsContainerConnectionDetailsFactory}: a {@code @ServiceConnection}
 * PostgreSQL container bean gives the engine its database. Where Docker runs, the container is a
 * real Testcontainers PostgreSQL; elsewhere, or when {@code MIGRATIONS_TEST_POSTGRESQL_URL} names
 * a server, it is a {@link LocalPostgreSQLContainer} on that server or the local one, so the test
 * runs (and can fail) on every machine.
 *
 * @author Migrations contributors
 */
class MigrationsContainerConnectionDetailsFactoryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(new TestcontainersLifecycleApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class,
				DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.model-packages=io.github.migrations.autoconfigure.fixtures");

	@Test
	void serviceConnectionGivesTheEngineTheContainersDatabase() {
		this.contextRunner.withUserConfiguration(PostgreSQLContainerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			PostgreSQLContainer container = context.getBean(PostgreSQLContainer.class);
			assertThat(container.isRunning()).isTrue();
			MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
			assertThat(details.getClass().getName()).startsWith(MigrationsContainerConnectionDetailsFactory.class.getName());
			assertThat(details.getJdbcUrl()).isEqualTo(container.getJdbcUrl());
			assertThat(details.getUsername()).isEqualTo(container.getUsername());
			assertThat(details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
			assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(container.getJdbcUrl());
			Migrations migrations = context.getBean(Migrations.class);
			SimpleDriverDataSource dataSource = (SimpleDriverDataSource) migrations.configuration().dataSource();
			assertThat(dataSource.getUrl()).isEqualTo(container.getJdbcUrl());
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			assertThat(jdbc.queryForList("select app || '.' || name from migrations_history order by app, name",
					String.class))
				.containsExactly("crm.0001_initial", "shop.0001_initial", "shop.0002_add_sku");
			assertThat(jdbc.queryForObject("select count(*) from shop_product", Integer.class)).isZero();
		});
	}

	@Test
	void containerWithoutDockerUsesTheServerThatTheEnvironmentNames() {
		LocalPostgreSQLContainer container = LocalPostgreSQLContainer.fromEnvironment(
				Map.of(LocalPostgreSQLContainer.URL_VARIABLE, "jdbc:postgresql://db.example:6543/ci?ssl=false",
						"MIGRATIONS_TEST_POSTGRESQL_USER", "ci", "MIGRATIONS_TEST_POSTGRESQL_PASSWORD", "secret"),
				"tc_schema");
		assertThat(container.getJdbcUrl())
			.isEqualTo("jdbc:postgresql://db.example:6543/ci?ssl=false&currentSchema=tc_schema");
		assertThat(container.getUsername()).isEqualTo("ci");
		assertThat(container.getPassword()).isEqualTo("secret");
		LocalPostgreSQLContainer local = LocalPostgreSQLContainer.fromEnvironment(Map.of(), "tc_schema");
		assertThat(local.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=tc_schema");
		assertThat(local.getUsername()).isEqualTo("postgres");
	}

	@Configuration(proxyBeanMethods = false)
	static class PostgreSQLContainerConfiguration {

		/**
		 * The server as the other tests choose it: the environment's, else a Testcontainers
		 * container where Docker runs, else the local one.
		 */
		@Bean
		@ServiceConnection
		PostgreSQLContainer postgres() {
			Map<String, String> environment = System.getenv();
			if (!environment.containsKey(LocalPostgreSQLContainer.URL_VARIABLE)
					&& DockerClientFactory.instance().isDockerAvailable()) {
				return new PostgreSQLContainer(PostgreSQLContainer.IMAGE + ":17-alpine");
			}
			return LocalPostgreSQLContainer.fromEnvironment(environment, "migrations_service_connection");
		}

	}

}
