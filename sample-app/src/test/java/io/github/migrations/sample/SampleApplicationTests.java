package io.github.migrations.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SampleApplication}, over real HTTP against the embedded server.
 *
 * @author Migrations contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:sample-application-tests;DB_CLOSE_DELAY=-1")
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbcClient;

	@Test
	void migrationsAreAppliedOnStartup() {
		assertThat(this.jdbcClient.sql("select app || '.' || name from migrations_history order by id")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("blog.0001_initial", "blog.0002_add_description",
					"blog.0003_add_subscribers", "payroll.0001_initial");
	}

	@Test
	void migrationsEndpointListsEveryMigrationAsApplied() {
		JsonNode apps = JsonMapper.shared()
			.readTree(opsClient().get().uri("/actuator/migrations").retrieve().body(String.class))
			.path("contexts")
			.path("migrations-sample")
			.path("migrationsBeans")
			.path("migrations")
			.path("apps");
		assertThat(names(apps.path("payroll"))).containsExactly("0001_initial");
		assertThat(names(apps.path("blog"))).containsExactly("0001_initial", "0002_add_description",
				"0003_add_subscribers");
		apps.forEach((app) -> app.path("migrations").forEach((migration) -> {
			assertThat(migration.path("applied").asBoolean()).isTrue();
			assertThat(migration.path("appliedAt").isString()).isTrue();
		}));
	}

	@Test
	void employeesCanBeAddedAndRead() {
		RestClient client = client();
		client.post()
			.uri("/api/employees")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Ada", "position", "Engineer", "salary", new BigDecimal("1234.50")))
			.retrieve()
			.toBodilessEntity();
		JsonNode employees = getJson("/api/employees");
		List<String> names = new ArrayList<>();
		employees.forEach((employee) -> names.add(employee.path("name").asString()));
		assertThat(names).contains("Ada");
		employees.forEach((employee) -> {
			if (employee.path("name").asString().equals("Ada")) {
				assertThat(employee.path("position").asString()).isEqualTo("Engineer");
				assertThat(employee.path("salary").decimalValue()).isEqualByComparingTo("1234.50");
				assertThat(employee.path("id").asLong()).isPositive();
			}
		});
	}

	@Test
	void blogsCanBeAddedAndReadWithTheColumnsOfEveryMigration() {
		RestClient client = client();
		String response = client.post()
			.uri("/api/blogs")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "Hello", "body", "First post", "subscribers", 7))
			.retrieve()
			.body(String.class);
		assertThat(response).contains("Hello");
		JsonNode hello = null;
		for (JsonNode blog : getJson("/api/blogs")) {
			if (blog.path("title").asString().equals("Hello")) {
				hello = blog;
			}
		}
		assertThat(hello).isNotNull();
		assertThat(hello.path("body").asString()).isEqualTo("First post");
		assertThat(hello.path("description").asString()).isEmpty();
		assertThat(hello.path("subscribers").asInt()).isEqualTo(7);
	}

	private JsonNode getJson(String path) {
		String body = client().get().uri(path).retrieve().body(String.class);
		return JsonMapper.shared().readTree(body);
	}

	@Test
	void migrationsEndpointNeedsASignedInUserAndHealthIsOpen() {
		Integer anonymous = client().get()
			.uri("/actuator/migrations")
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(anonymous).isEqualTo(401);
		Integer wrongPassword = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("ops", "wrong"))
			.build()
			.get()
			.uri("/actuator/migrations")
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(wrongPassword).isEqualTo(401);
		JsonNode health = getJson("/actuator/health");
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.has("components")).isFalse();
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	private RestClient opsClient() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("ops", "ops-demo"))
			.build();
	}

	private static List<String> names(JsonNode app) {
		List<String> names = new ArrayList<>();
		app.path("migrations").forEach((migration) -> names.add(migration.path("name").asString()));
		return names;
	}

}
