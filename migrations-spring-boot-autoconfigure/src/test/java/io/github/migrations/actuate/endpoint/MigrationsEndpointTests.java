package io.github.migrations.actuate.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.autoconfigure.MigrationsStrategy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsEndpoint} and {@link MigrationsEndpointWebExtension} over real HTTP,
 * against an embedded Tomcat started by a full auto-configured application on H2: status, plans,
 * every refusal, and an accepted revert followed by forwards again. The fixtures:
 *
 * <pre>
 * shop:  0001_initial &lt;-- 0002_add_sku
 * crm:   0001_initial
 * audit: 0001_initial &lt;-- 0002_backfill (raw SQL without reverse: irreversible)
 * </pre>
 *
 * @author Migrations contributors
 */
class MigrationsEndpointTests {

	private static final String FIXTURES = "io.github.migrations.autoconfigure.fixtures";

	static final String EXPOSED = "management.endpoints.web.exposure.include=migrations";

	static final String UNRESTRICTED = "management.endpoint.migrations.access=unrestricted";

	static final String MIGRATE_ENABLED = "migrations.endpoint.migrate.enabled=true";

	@Test
	void reportsEachMigrationOfEachAppAsAppliedAfterStartup() {
		run(List.of(EXPOSED), (client) -> {
			Response response = get(client, "/actuator/migrations");
			assertThat(response.status()).isEqualTo(200);
			JsonNode bean = bean(response.body());
			JsonNode apps = bean.path("apps");
			assertThat(names(apps.path("shop"))).containsExactly("0001_initial", "0002_add_sku");
			assertThat(names(apps.path("crm"))).containsExactly("0001_initial");
			for (JsonNode migration : migrations(apps)) {
				assertThat(migration.path("applied").asBoolean()).isTrue();
				assertThat(migration.path("appliedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
				assertThat(migration.path("checksum").asString()).hasSize(64);
				assertThat(migration.path("checksumState").asString()).isEqualTo("OK");
			}
			assertThat(bean.path("pending").isEmpty()).isTrue();
			assertThat(bean.path("unmigratedChanges").isEmpty()).isTrue();
			assertThat(bean.has("lockHolder")).isFalse();
		});
	}

	@Test
	void reportsPendingMigrationsWhenTheStrategyDoesNotMigrate() {
		run(List.of(NoMigrationAtStartupConfiguration.class), List.of(EXPOSED), (client) -> {
			JsonNode bean = bean(get(client, "/actuator/migrations").body());
			assertThat(names(bean.path("apps").path("shop"))).containsExactly("0001_initial", "0002_add_sku");
			for (JsonNode migration : migrations(bean.path("apps"))) {
				assertThat(migration.path("applied").asBoolean()).isFalse();
				assertThat(migration.has("appliedAt")).isFalse();
				assertThat(migration.has("checksumState")).isFalse();
			}
			assertThat(strings(bean.path("pending"))).containsExactly("crm.0001_initial", "shop.0001_initial",
					"shop.0002_add_sku");
		});
	}

	@Test
	void reportsModelChangesThatNoMigrationReflects() {
		run(List.of(EXPOSED, "migrations.location=classpath:db/unmigrated", "migrations.model-packages=" + FIXTURES
				+ ".shop"), (client) -> {
					JsonNode changes = bean(get(client, "/actuator/migrations").body()).path("unmigratedChanges");
					assertThat(strings(changes.path("shop"))).containsExactly("+ Add field sku to product");
				});
	}

	@Test
	void reportsDriftPerAppAndInTheHealthDetailsWithTheConfiguredStatus() {
		run(List.of("management.endpoints.web.exposure.include=migrations,health",
				"management.endpoint.health.show-details=always", "migrations.health.drift-status=OUT_OF_SERVICE"),
				(client, context) -> {
					assertThat(bean(get(client, "/actuator/migrations").body()).path("drift").toString()).isEqualTo("{}");
					assertThat(get(client, "/actuator/health").status()).isEqualTo(200);
					JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
					jdbc.sql("ALTER TABLE shop_product ADD COLUMN note varchar(20)").update();
					jdbc.sql("CREATE TABLE legacy_audit (id integer PRIMARY KEY)").update();
					JsonNode drift = bean(get(client, "/actuator/migrations").body()).path("drift");
					// docs/drift.md shows these two responses
					assertThat(drift).isEqualTo(JsonMapper.shared().readTree("""
							{"shop": [{"code": "unexpected-column", "table": "shop_product",
							           "description": "Unexpected column shop_product.NOTE (CHARACTER VARYING(20) NULL)"}],
							 "(no app)": [{"code": "unexpected-table", "table": "LEGACY_AUDIT",
							               "description": "Unexpected table LEGACY_AUDIT"}]}"""));
					Response health = get(client, "/actuator/health");
					assertThat(health.status()).isEqualTo(503);
					assertThat(health.body().path("components").path("migrations")).isEqualTo(JsonMapper.shared().readTree("""
							{"details": {"drift": {"shop": ["Unexpected column shop_product.NOTE (CHARACTER VARYING(20) NULL)"],
							                       "(no app)": ["Unexpected table LEGACY_AUDIT"]}},
							 "status": "OUT_OF_SERVICE"}"""));
				});
	}

	@Test
	void reportsDriftOnSqliteInTheEndpointAndTheHealthDetails() throws IOException {
		Path directory = Files.createDirectories(Path.of("target", "sqlite"));
		Path file = directory.resolve("endpoint-drift-" + UUID.randomUUID() + ".db");
		try {
			// Spring Data JDBC has no SQLite dialect
			run(List.of("spring.datasource.url=jdbc:sqlite:" + file.toAbsolutePath(),
					"spring.data.jdbc.repositories.enabled=false",
					"management.endpoints.web.exposure.include=migrations,health",
					"management.endpoint.health.show-details=always", "migrations.health.drift-status=OUT_OF_SERVICE"),
					(client, context) -> {
						assertThat(bean(get(client, "/actuator/migrations").body()).path("drift").toString())
							.isEqualTo("{}");
						assertThat(get(client, "/actuator/health").status()).isEqualTo(200);
						JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
						jdbc.sql("ALTER TABLE shop_product ADD COLUMN note varchar(20)").update();
						jdbc.sql("CREATE TABLE legacy_audit (id integer PRIMARY KEY)").update();
						assertThat(bean(get(client, "/actuator/migrations").body()).path("drift"))
							.isEqualTo(JsonMapper.shared().readTree("""
									{"shop": [{"code": "unexpected-column", "table": "shop_product",
									           "description": "Unexpected column shop_product.note (varchar(20) NULL)"}],
									 "(no app)": [{"code": "unexpected-table", "table": "legacy_audit",
									               "description": "Unexpected table legacy_audit"}]}"""));
						Response health = get(client, "/actuator/health");
						assertThat(health.status()).isEqualTo(503);
						assertThat(health.body().path("components").path("migrations").path("details").path("drift"))
							.isEqualTo(JsonMapper.shared().readTree("""
									{"shop": ["Unexpected column shop_product.note (varchar(20) NULL)"],
									 "(no app)": ["Unexpected table legacy_audit"]}"""));
					});
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void reportsDriftOfEachDatabaseOnItsOwn() {
		run(List.of(TwoDatabasesConfiguration.class), List.of(EXPOSED), (client, context) -> {
			context.getBean("ordersMigrations", Migrations.class).migrate();
			context.getBean("reportsMigrations", Migrations.class).migrate();
			JdbcClient.create(context.getBean(DataSource.class))
				.sql("ALTER TABLE crm_customer ADD COLUMN note varchar(20)")
				.update();
			JsonNode beans = get(client, "/actuator/migrations").body().path("contexts").path("application")
				.path("migrationsBeans");
			assertThat(beans.path("ordersMigrations").path("drift").path("crm").path(0).path("code").asString())
				.isEqualTo("unexpected-column");
			assertThat(beans.path("reportsMigrations").path("drift").isEmpty()).isTrue();
		});
	}

	@Test
	void plansARevertWithItsSqlAndAToken() {
		run(List.of(EXPOSED), (client) -> {
			Response response = get(client, "/actuator/migrations/shop/0001");
			assertThat(response.status()).isEqualTo(200);
			JsonNode plan = response.body();
			assertThat(plan.path("bean").asString()).isEqualTo("migrations");
			assertThat(plan.path("app").asString()).isEqualTo("shop");
			assertThat(plan.path("target").asString()).isEqualTo("0001_initial");
			assertThat(plan.path("direction").asString()).isEqualTo("backwards");
			assertThat(plan.path("destructive").asBoolean()).isTrue();
			assertThat(plan.path("irreversible").asBoolean()).isFalse();
			assertThat(plan.path("token").asString()).matches("[0-9a-f]{64}");
			JsonNode step = plan.path("steps").get(0);
			assertThat(plan.path("steps").size()).isEqualTo(1);
			assertThat(step.path("name").asString()).isEqualTo("0002_add_sku");
			assertThat(step.path("direction").asString()).isEqualTo("backwards");
			assertThat(strings(step.path("operations"))).containsExactly("Undo Add field sku to product");
			assertThat(strings(step.path("sql"))).singleElement()
				.asString()
				.isEqualToIgnoringCase("ALTER TABLE \"shop_product\" DROP COLUMN \"sku\"");
			assertThat(get(client, "/actuator/migrations/shop/zero").body().path("steps").size()).isEqualTo(2);
		});
	}

	@Test
	void revertsWithTheTokenThenMigratesForwardsAgain() {
		run(List.of(EXPOSED, UNRESTRICTED, MIGRATE_ENABLED), (client, context) -> {
			JsonNode plan = get(client, "/actuator/migrations/shop/0001").body();
			Response reverted = post(client, "/actuator/migrations/shop/0001", plan.path("token").asString());
			assertThat(reverted.status()).isEqualTo(200);
			assertThat(reverted.body().path("target").asString()).isEqualTo("0001_initial");
			assertThat(reverted.body().path("executed")).isEqualTo(plan.path("steps"));
			assertThat(columns(context)).doesNotContain("SKU");
			JsonNode status = bean(get(client, "/actuator/migrations").body());
			assertThat(strings(status.path("pending"))).containsExactly("shop.0002_add_sku");
			JsonNode forwards = get(client, "/actuator/migrations/shop/0002").body();
			assertThat(forwards.path("direction").asString()).isEqualTo("forwards");
			Response migrated = post(client, "/actuator/migrations/shop/0002", forwards.path("token").asString());
			assertThat(migrated.status()).isEqualTo(200);
			assertThat(migrated.body().path("executed").get(0).path("name").asString()).isEqualTo("0002_add_sku");
			assertThat(columns(context)).contains("SKU");
			assertThat(bean(get(client, "/actuator/migrations").body()).path("pending").isEmpty()).isTrue();
		});
	}

	@Test
	void refusesWritesWhileAccessIsReadOnlyEvenWhenMigrateIsEnabled() {
		run(List.of(EXPOSED, MIGRATE_ENABLED), (client) -> {
			String token = get(client, "/actuator/migrations/shop/0001").body().path("token").asString();
			assertThat(post(client, "/actuator/migrations/shop/0001", token).status()).isEqualTo(405);
		});
	}

	@Test
	void refusesWritesUnlessMigrateIsEnabled() {
		run(List.of(EXPOSED, UNRESTRICTED), (client, context) -> {
			String token = get(client, "/actuator/migrations/shop/0001").body().path("token").asString();
			Response response = post(client, "/actuator/migrations/shop/0001", token);
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.body().path("error").asString()).isEqualTo("migrate-disabled");
			assertThat(response.body().path("message").asString())
				.contains("'migrations.endpoint.migrate.enabled=true'");
			assertThat(columns(context)).contains("SKU");
		});
	}

	@Test
	void refusesAStaleTokenWithTheCurrentPlan() {
		run(List.of(EXPOSED, UNRESTRICTED, MIGRATE_ENABLED), (client, context) -> {
			String reviewed = get(client, "/actuator/migrations/shop/zero").body().path("token").asString();
			String other = get(client, "/actuator/migrations/shop/0001").body().path("token").asString();
			assertThat(post(client, "/actuator/migrations/shop/0001", other).status()).isEqualTo(200);
			Response response = post(client, "/actuator/migrations/shop/zero", reviewed);
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.body().path("error").asString()).isEqualTo("stale-plan");
			JsonNode current = response.body().path("plan");
			assertThat(current.path("token").asString()).isNotEqualTo(reviewed);
			assertThat(current.path("steps").size()).isEqualTo(1);
			assertThat(current.path("steps").get(0).path("name").asString()).isEqualTo("0001_initial");
			assertThat(tables(context)).contains("SHOP_PRODUCT");
		});
	}

	@Test
	void refusesUnknownAppsAndTargetsAndAMissingToken() {
		run(List.of(EXPOSED, UNRESTRICTED, MIGRATE_ENABLED), (client) -> {
			Response unknownApp = get(client, "/actuator/migrations/billing/0001");
			assertThat(unknownApp.status()).isEqualTo(404);
			assertThat(unknownApp.body().path("error").asString()).isEqualTo("unknown-app");
			assertThat(unknownApp.body().path("message").asString())
				.isEqualTo("App 'billing' does not have migrations. Apps with migrations: crm, shop.");
			Response unknownTarget = post(client, "/actuator/migrations/shop/0009", "whatever");
			assertThat(unknownTarget.status()).isEqualTo(404);
			assertThat(unknownTarget.body().path("error").asString()).isEqualTo("unknown-target");
			assertThat(post(client, "/actuator/migrations/billing/zero", "whatever").status()).isEqualTo(404);
			Response missingToken = client.post()
				.uri("/actuator/migrations/shop/0001")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{}")
				.exchange((request, response) -> Response.of(response.getStatusCode().value(),
						new String(response.getBody().readAllBytes())));
			assertThat(missingToken.status()).isEqualTo(400);
			assertThat(missingToken.body().path("error").asString()).isEqualTo("missing-token");
			assertThat(missingToken.body().path("message").asString()).contains("Nothing was run");
			assertThat(post(client, "/actuator/migrations/shop/0001", " ").body().path("error").asString())
				.isEqualTo("missing-token");
		});
	}

	@Test
	void refusesToRevertAnIrreversibleMigration() {
		run(List.of(EXPOSED, UNRESTRICTED, MIGRATE_ENABLED, "migrations.location=classpath:db/irreversible",
				"migrations.model-packages=io.github.migrations.actuate.endpoint"), (client, context) -> {
					JsonNode plan = get(client, "/actuator/migrations/audit/zero").body();
					assertThat(plan.path("irreversible").asBoolean()).isTrue();
					JsonNode backfill = plan.path("steps").get(0);
					assertThat(backfill.path("irreversible").asBoolean()).isTrue();
					assertThat(backfill.path("sql").isEmpty()).isTrue();
					Response response = post(client, "/actuator/migrations/audit/zero", plan.path("token").asString());
					assertThat(response.status()).isEqualTo(422);
					assertThat(response.body().path("error").asString()).isEqualTo("irreversible-operation");
					assertThat(response.body().path("message").asString()).contains("Nothing was unapplied");
					assertThat(response.body().path("plan").path("token").asString())
						.isEqualTo(plan.path("token").asString());
					assertThat(tables(context)).contains("AUDIT_LOG");
				});
	}

	@Test
	void namesTheBeanWhenSeveralDatabasesAreMigrated() {
		run(List.of(TwoDatabasesConfiguration.class), List.of(EXPOSED), (client) -> {
			JsonNode beans = get(client, "/actuator/migrations").body().path("contexts").path("application")
				.path("migrationsBeans");
			assertThat(beans.has("ordersMigrations")).isTrue();
			assertThat(beans.has("reportsMigrations")).isTrue();
			Response ambiguous = get(client, "/actuator/migrations/shop/zero");
			assertThat(ambiguous.status()).isEqualTo(400);
			assertThat(ambiguous.body().path("error").asString()).isEqualTo("ambiguous-bean");
			Response named = get(client, "/actuator/migrations/shop/zero?bean=reportsMigrations");
			assertThat(named.status()).isEqualTo(200);
			assertThat(named.body().path("bean").asString()).isEqualTo("reportsMigrations");
			assertThat(get(client, "/actuator/migrations/shop/zero?bean=nope").status()).isEqualTo(404);
		});
	}

	@Test
	void isReadOnlyByDefault() {
		run(List.of(EXPOSED), (client) -> {
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
		run(List.of(), (client) -> {
			assertThat(get(client, "/actuator/migrations").status()).isEqualTo(404);
			assertThat(get(client, "/actuator/migrations/shop/0001").status()).isEqualTo(404);
			assertThat(get(client, "/actuator/health").status()).isEqualTo(200);
		});
	}

	@Test
	void isAbsentWhenAccessIsNone() {
		run(List.of(EXPOSED, "management.endpoint.migrations.access=none"),
				(client) -> assertThat(get(client, "/actuator/migrations").status()).isEqualTo(404));
	}

	static void run(List<String> properties, Consumer<RestClient> test) {
		run(List.of(), properties, (client, context) -> test.accept(client));
	}

	static void run(List<String> properties, AppTest test) {
		run(List.of(), properties, test);
	}

	static void run(List<Class<?>> configurations, List<String> properties, Consumer<RestClient> test) {
		run(configurations, properties, (client, context) -> test.accept(client));
	}

	static void run(List<Class<?>> configurations, List<String> properties, AppTest test) {
		List<String> all = new ArrayList<>();
		all.add("server.port=0");
		all.add("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		all.add("migrations.model-packages=" + FIXTURES);
		all.addAll(properties);
		List<Class<?>> sources = new ArrayList<>(List.of(TestApplication.class));
		sources.addAll(configurations);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class[]::new))
			.web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new))
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			test.accept(RestClient.create("http://localhost:" + port), context);
		}
	}

	static Response get(RestClient client, String path) {
		return client.get().uri(path).exchange((request, response) -> Response.of(response.getStatusCode().value(),
				new String(response.getBody().readAllBytes())));
	}

	static Response post(RestClient client, String path, String token) {
		return client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"token\": \"" + token + "\"}")
			.exchange((request, response) -> Response.of(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes())));
	}

	static JsonNode bean(JsonNode status) {
		return status.path("contexts").path("application").path("migrationsBeans").path("migrations");
	}

	static List<String> names(JsonNode app) {
		List<String> names = new ArrayList<>();
		app.path("migrations").forEach((migration) -> names.add(migration.path("name").asString()));
		return names;
	}

	static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

	private static List<JsonNode> migrations(JsonNode apps) {
		List<JsonNode> all = new ArrayList<>();
		apps.forEach((app) -> app.path("migrations").forEach(all::add));
		assertThat(all).hasSize(3);
		return all;
	}

	static List<String> columns(ConfigurableApplicationContext context) {
		return JdbcClient.create(context.getBean(DataSource.class))
			.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'SHOP_PRODUCT'")
			.query(String.class)
			.list();
	}

	static List<String> tables(ConfigurableApplicationContext context) {
		return JdbcClient.create(context.getBean(DataSource.class))
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")
			.query(String.class)
			.list();
	}

	@FunctionalInterface
	interface AppTest {

		void accept(RestClient client, ConfigurableApplicationContext context);

	}

	record Response(int status, JsonNode body) {

		static Response of(int status, String body) {
			return new Response(status,
					body.isEmpty() ? JsonMapper.shared().missingNode() : JsonMapper.shared().readTree(body));
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class NoMigrationAtStartupConfiguration {

		@Bean
		MigrationsStrategy noMigrationAtStartup() {
			return (migrations) -> {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDatabasesConfiguration {

		@Bean
		Migrations ordersMigrations(DataSource dataSource) {
			return Migrations.configure().dataSource(dataSource).location("db/migrations").load();
		}

		@Bean
		Migrations reportsMigrations() {
			DataSource reports = DataSourceBuilder.create()
				.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
				.build();
			return Migrations.configure().dataSource(reports).location("db/migrations").load();
		}

	}

}
