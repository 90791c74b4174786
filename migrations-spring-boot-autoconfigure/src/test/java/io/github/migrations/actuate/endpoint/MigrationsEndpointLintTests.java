package io.github.migrations.actuate.endpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's plan carries the linter's findings for the real database it migrates, over
 * HTTP: the shop app stops at {@code 0001} at startup, and {@code 0002} adds a NOT NULL column
 * to the existing table; with {@code migrations.lint=fail} the reviewed plan is refused unless
 * its file acknowledges the rule.
 *
 * @author Migrations contributors
 */
class MigrationsEndpointLintTests {

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void thePlanCarriesEachStepsFindingsAndFailModeRefusesToRunIt(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			run(database, "classpath:db/migrations", (client, context) -> {
				JsonNode plan = get(client, "/actuator/migrations/shop/0002");
				JsonNode finding = plan.path("steps").get(0).path("findings").get(0);
				assertThat(plan.path("steps").get(0).path("findings").size()).isEqualTo(1);
				assertThat(finding.path("rule").asString()).isEqualTo("adding-required-field");
				assertThat(finding.path("severity").asString()).isEqualTo("error");
				assertThat(finding.path("operation").asInt()).isEqualTo(1);
				assertThat(finding.path("description").asString()).isEqualTo("Add field sku to product");
				assertThat(finding.path("message").asString()).startsWith("Column shop_product.sku is added NOT NULL");
				assertThat(finding.path("fix").asString()).startsWith("Give the field a dbDefault");
				assertThat(finding.path("acknowledged").asBoolean()).isFalse();

				Answer refused = post(client, "/actuator/migrations/shop/0002", plan.path("token").asString());
				assertThat(refused.status()).isEqualTo(422);
				assertThat(refused.body().path("error").asString()).isEqualTo("unsafe-migration");
				assertThat(refused.body().path("message").asString())
					.contains("Unsafe operations on a live " + vendor.displayName() + " database");
				assertThat(refused.body().path("plan").path("token").asString())
					.isEqualTo(plan.path("token").asString());
				assertThat(history(database)).containsExactly("shop.0001_initial");
			});
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void anAcknowledgedFindingIsShownAsAcknowledgedAndDoesNotStopTheRun(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			run(database, "classpath:db/lint-acknowledged", (client, context) -> {
				JsonNode plan = get(client, "/actuator/migrations/shop/0002");
				JsonNode finding = plan.path("steps").get(0).path("findings").get(0);
				assertThat(finding.path("rule").asString()).isEqualTo("adding-required-field");
				assertThat(finding.path("acknowledged").asBoolean()).isTrue();
				Answer ran = post(client, "/actuator/migrations/shop/0002", plan.path("token").asString());
				assertThat(ran.status()).isEqualTo(200);
				assertThat(ran.body().path("executed").get(0).path("findings")).isEqualTo(plan.path("steps").get(0).path("findings"));
				assertThat(history(database)).containsExactly("shop.0001_initial", "shop.0002_add_sku");
			});
		}
	}

	private static void run(TestDatabase database, String location,
			BiConsumer<RestClient, ConfigurableApplicationContext> test) {
		SpringApplication application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.SERVLET)
			.initializers((app) -> app.getBeanFactory().registerSingleton("dataSource", database.dataSource()))
			.properties("server.port=0", "management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=unrestricted", "migrations.endpoint.migrate.enabled=true",
					"migrations.model-packages=io.github.migrations.autoconfigure.fixtures",
					"migrations.location=" + location, "migrations.target.app=shop",
					"migrations.target.migration=0001", "migrations.lint=fail",
					"spring.autoconfigure.exclude=org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
			.build();
		try (ConfigurableApplicationContext context = application.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			test.accept(RestClient.create("http://localhost:" + port), context);
		}
	}

	private static JsonNode get(RestClient client, String path) {
		Answer answer = client.get().uri(path).exchange((request, response) -> Answer.of(response.getStatusCode().value(),
				new String(response.getBody().readAllBytes())));
		assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
		return answer.body();
	}

	private static Answer post(RestClient client, String path, String token) {
		return client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"token\": \"" + token + "\"}")
			.exchange((request, response) -> Answer.of(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes())));
	}

	private static List<String> history(TestDatabase database) {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select app, name from migrations_history order by id")) {
			List<String> keys = new ArrayList<>();
			while (rows.next()) {
				keys.add(rows.getString(1) + "." + rows.getString(2));
			}
			return keys;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, JsonNode body) {

		static Answer of(int status, String body) {
			return new Answer(status, JsonMapper.shared().readTree(body));
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
