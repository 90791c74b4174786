package io.github.migrations.actuate.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.github.migrations.autoconfigure.MigrationsStrategy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsEndpoint} over real HTTP, against an embedded Tomcat started by a
 * full auto-configured application.
 *
 * @author Migrations contributors
 */
class MigrationsEndpointTests {

	private static final String FIXTURES = "io.github.migrations.autoconfigure.fixtures";

	@Test
	void reportsEachMigrationOfEachAppAsAppliedAfterStartup() {
		run(List.of(TestApplication.class), List.of("management.endpoints.web.exposure.include=migrations"),
				(client) -> {
					Response response = get(client, "/actuator/migrations");
					assertThat(response.status().value()).isEqualTo(200);
					JsonNode apps = response.body().path("contexts").path("application").path("migrationsBeans")
						.path("migrations").path("apps");
					assertThat(names(apps.path("shop"))).containsExactly("0001_initial", "0002_add_sku");
					assertThat(names(apps.path("crm"))).containsExactly("0001_initial");
					for (JsonNode migration : migrations(apps)) {
						assertThat(migration.path("applied").asBoolean()).isTrue();
						assertThat(migration.path("appliedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
						assertThat(migration.path("checksum").asString()).isNotBlank();
					}
				});
	}

	@Test
	void reportsPendingMigrationsWhenTheStrategyDoesNotMigrate() {
		run(List.of(TestApplication.class, NoMigrationAtStartupConfiguration.class),
				List.of("management.endpoints.web.exposure.include=migrations"), (client) -> {
					JsonNode apps = get(client, "/actuator/migrations").body().path("contexts").path("application")
						.path("migrationsBeans").path("migrations").path("apps");
					assertThat(names(apps.path("shop"))).containsExactly("0001_initial", "0002_add_sku");
					for (JsonNode migration : migrations(apps)) {
						assertThat(migration.path("applied").asBoolean()).isFalse();
						assertThat(migration.has("appliedAt")).isFalse();
					}
				});
	}

	@Test
	void isReadOnlyByDefault() {
		run(List.of(TestApplication.class), List.of("management.endpoints.web.exposure.include=migrations"),
				(client) -> {
					Integer status = client.post()
						.uri("/actuator/migrations")
						.contentType(MediaType.APPLICATION_JSON)
						.body("{}")
						.exchange((request, response) -> response.getStatusCode().value());
					assertThat(status).isEqualTo(405);
				});
	}

	@Test
	void isAbsentUnlessExposed() {
		run(List.of(TestApplication.class), List.of(), (client) -> {
			assertThat(get(client, "/actuator/migrations").status().value()).isEqualTo(404);
			assertThat(get(client, "/actuator/health").status().value()).isEqualTo(200);
		});
	}

	@Test
	void isAbsentWhenAccessIsNone() {
		run(List.of(TestApplication.class), List.of("management.endpoints.web.exposure.include=migrations",
				"management.endpoint.migrations.access=none"),
				(client) -> assertThat(get(client, "/actuator/migrations").status().value()).isEqualTo(404));
	}

	private static void run(List<Class<?>> sources, List<String> properties, Consumer<RestClient> test) {
		List<String> all = new ArrayList<>(properties);
		all.add("server.port=0");
		all.add("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		all.add("migrations.model-packages=" + FIXTURES);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class[]::new))
			.web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new))
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			test.accept(RestClient.create("http://localhost:" + port));
		}
	}

	private static Response get(RestClient client, String path) {
		return client.get().uri(path).exchange((request, response) -> {
			String body = new String(response.getBody().readAllBytes());
			return new Response(response.getStatusCode(),
					body.isEmpty() ? JsonMapper.shared().missingNode() : JsonMapper.shared().readTree(body));
		});
	}

	private static List<String> names(JsonNode app) {
		List<String> names = new ArrayList<>();
		app.path("migrations").forEach((migration) -> names.add(migration.path("name").asString()));
		return names;
	}

	private static List<JsonNode> migrations(JsonNode apps) {
		List<JsonNode> all = new ArrayList<>();
		apps.forEach((app) -> app.path("migrations").forEach(all::add));
		assertThat(all).hasSize(3);
		return all;
	}

	record Response(HttpStatusCode status, JsonNode body) {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		static void main(String[] args) {
			SpringApplication.run(TestApplication.class, args);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoMigrationAtStartupConfiguration {

		@Bean
		MigrationsStrategy noMigrationAtStartup() {
			return (migrations) -> {
			};
		}

	}

}
