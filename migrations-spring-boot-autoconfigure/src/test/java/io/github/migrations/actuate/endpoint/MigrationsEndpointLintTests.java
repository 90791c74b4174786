package io.github.migrations.actuate.endpoint;

import java.util.List;
import java.util.function.BiConsumer;

import io.github.migrations.actuate.endpoint.MigrationsEndpointTests.Response;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's plan carries the linter's findings for the real database it migrates, over
 * HTTP: the shop app stops at {@code 0001} at startup, and {@code 0002} adds a NOT NULL column
 * to the existing table; with {@code migrations.lint=fail} the reviewed plan is refused unless
 * its file acknowledges the rule. Going back from {@code 0002} drops that column: the revert plan
 * carries the revert's findings and fail mode refuses it with nothing unapplied.
 *
 * @author Migrations contributors
 */
class MigrationsEndpointLintTests {

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void thePlanCarriesEachStepsFindingsAndFailModeRefusesToRunIt(Vendor vendor) {
		run(vendor, "classpath:db/migrations", "0001", (client, database) -> {
			JsonNode plan = plan(client, "/actuator/migrations/shop/0002");
			JsonNode finding = plan.path("steps").get(0).path("findings").get(0);
			assertThat(plan.path("steps").get(0).path("findings").size()).isEqualTo(1);
			assertThat(finding.path("rule").asString()).isEqualTo("adding-required-field");
			assertThat(finding.path("severity").asString()).isEqualTo("error");
			assertThat(finding.path("operation").asInt()).isEqualTo(1);
			assertThat(finding.path("description").asString()).isEqualTo("Add field sku to product");
			assertThat(finding.path("message").asString()).startsWith("Column shop_product.sku is added NOT NULL");
			assertThat(finding.path("fix").asString()).startsWith("Give the field a dbDefault");
			assertThat(finding.path("acknowledged").asBoolean()).isFalse();

			Response refused = MigrationsEndpointTests.post(client, "/actuator/migrations/shop/0002",
					plan.path("token").asString());
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.body().path("error").asString()).isEqualTo("unsafe-migration");
			assertThat(refused.body().path("message").asString())
				.contains("Unsafe operations on a live " + vendor.displayName() + " database");
			assertThat(refused.body().path("plan").path("token").asString())
				.isEqualTo(plan.path("token").asString());
			assertThat(history(database)).containsExactly("shop.0001_initial");
		});
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void anAcknowledgedFindingIsShownAsAcknowledgedAndDoesNotStopTheRun(Vendor vendor) {
		run(vendor, "classpath:db/lint-acknowledged", "0001", (client, database) -> {
			JsonNode plan = plan(client, "/actuator/migrations/shop/0002");
			JsonNode finding = plan.path("steps").get(0).path("findings").get(0);
			assertThat(finding.path("rule").asString()).isEqualTo("adding-required-field");
			assertThat(finding.path("acknowledged").asBoolean()).isTrue();
			Response ran = MigrationsEndpointTests.post(client, "/actuator/migrations/shop/0002",
					plan.path("token").asString());
			assertThat(ran.status()).isEqualTo(200);
			assertThat(ran.body().path("executed").get(0).path("findings"))
				.isEqualTo(plan.path("steps").get(0).path("findings"));
			assertThat(history(database)).containsExactly("shop.0001_initial", "shop.0002_add_sku");
		});
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void aRevertPlanCarriesTheRevertsFindingsAndFailModeRefusesToUnapplyAnything(Vendor vendor) {
		run(vendor, "classpath:db/lint-acknowledged", "0002", (client, database) -> {
			JsonNode plan = plan(client, "/actuator/migrations/shop/0001");
			assertThat(plan.path("direction").asString()).isEqualTo("backwards");
			JsonNode step = plan.path("steps").get(0);
			assertThat(step.path("name").asString()).isEqualTo("0002_add_sku");
			assertThat(step.path("direction").asString()).isEqualTo("backwards");
			assertThat(step.path("findings").size()).isEqualTo(1);
			JsonNode finding = step.path("findings").get(0);
			assertThat(finding.path("rule").asString()).isEqualTo("dropping-column");
			assertThat(finding.path("severity").asString()).isEqualTo("error");
			assertThat(finding.path("operation").asInt()).isEqualTo(1);
			assertThat(finding.path("description").asString()).isEqualTo("Undo Add field sku to product");
			assertThat(finding.path("message").asString()).startsWith("Revert: Column shop_product.sku is dropped");
			assertThat(finding.path("acknowledged").asBoolean()).isFalse();

			Response refused = MigrationsEndpointTests.post(client, "/actuator/migrations/shop/0001",
					plan.path("token").asString());
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.body().path("error").asString()).isEqualTo("unsafe-migration");
			assertThat(refused.body().path("message").asString())
				.contains("Unsafe operations on a live " + vendor.displayName() + " database")
				.contains("nothing was unapplied")
				.contains("(Undo Add field sku to product): dropping-column: Revert: ")
				.doesNotContain("acknowledged: [");
			assertThat(refused.body().path("plan").path("token").asString())
				.isEqualTo(plan.path("token").asString());
			assertThat(refused.body().path("plan").path("steps").get(0).path("findings"))
				.isEqualTo(step.path("findings"));
			assertThat(history(database)).containsExactly("shop.0001_initial", "shop.0002_add_sku");
			assertThat(JdbcClient.create(database.dataSource())
				.sql("select count(sku) from shop_product")
				.query(Integer.class)
				.single()).as("the column sku is still there").isZero();
			assertThat(plan(client, "/actuator/migrations/shop/0001").path("token").asString())
				.as("the plan is unchanged")
				.isEqualTo(plan.path("token").asString());
		});
	}

	/**
	 * Start the application on a fresh database of the vendor, with the shop app at
	 * {@code target} and {@code migrations.lint=fail}, and run the test against its endpoint.
	 */
	private static void run(Vendor vendor, String location, String target,
			BiConsumer<RestClient, TestDatabase> test) {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			run(database, location, target, test);
		}
	}

	private static void run(TestDatabase database, String location, String target,
			BiConsumer<RestClient, TestDatabase> test) {
		SpringApplication application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.SERVLET)
			.initializers((app) -> app.getBeanFactory().registerSingleton("dataSource", database.dataSource()))
			.properties("server.port=0", "management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=unrestricted", "migrations.endpoint.migrate.enabled=true",
					"migrations.model-packages=io.github.migrations.autoconfigure.fixtures",
					"migrations.location=" + location, "migrations.target.app=shop",
					"migrations.target.migration=" + target, "migrations.lint=fail",
					"spring.autoconfigure.exclude=org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
			.build();
		try (ConfigurableApplicationContext context = application.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			test.accept(RestClient.create("http://localhost:" + port), database);
		}
	}

	private static JsonNode plan(RestClient client, String path) {
		Response answer = MigrationsEndpointTests.get(client, path);
		assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
		return answer.body();
	}

	private static List<String> history(TestDatabase database) {
		return JdbcClient.create(database.dataSource())
			.sql("select app, name from migrations_history order by id")
			.query((row, number) -> row.getString(1) + "." + row.getString(2))
			.list();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
