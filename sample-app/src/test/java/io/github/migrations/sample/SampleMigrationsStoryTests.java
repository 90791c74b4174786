package io.github.migrations.sample;

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
 * The seed's story, told through {@code /actuator/migrations} over HTTP as the {@code ops} user:
 * the blog app's three migrations are applied; the plan back to {@code 0002} drops the
 * {@code subscribers} column; the revert runs with the plan's token (an older token is refused);
 * health reports the pending migration; forwards again restores the column. The responses are
 * the ones {@code docs/actuator.md} shows ({@link ActuatorDocSnippets}).
 *
 * @author Migrations contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:sample-story-tests;DB_CLOSE_DELAY=-1")
class SampleMigrationsStoryTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbcClient;

	private final ActuatorDocSnippets docs = new ActuatorDocSnippets();

	@Test
	void blogGoesBackToItsSecondMigrationAndForwardsAgainThroughTheEndpoint() {
		Response status = get("/actuator/migrations", "status");
		JsonNode blog = status.body().path("contexts").path("migrations-sample").path("migrationsBeans")
			.path("migrations").path("apps").path("blog").path("migrations");
		assertThat(names(blog)).containsExactly("0001_initial", "0002_add_description", "0003_add_subscribers");
		blog.forEach((migration) -> assertThat(migration.path("checksumState").asString()).isEqualTo("OK"));

		Response plan = get("/actuator/migrations/blog/0002", "plan");
		assertThat(plan.body().path("direction").asString()).isEqualTo("backwards");
		assertThat(plan.body().path("destructive").asBoolean()).isTrue();
		JsonNode step = plan.body().path("steps").get(0);
		assertThat(step.path("name").asString()).isEqualTo("0003_add_subscribers");
		assertThat(step.path("sql").get(0).asString()).isEqualToIgnoringCase("ALTER TABLE \"blog_blog\" DROP COLUMN \"subscribers\"");
		String token = plan.body().path("token").asString();

		Response revert = post("/actuator/migrations/blog/0002", token, "revert");
		assertThat(revert.status()).isEqualTo(200);
		assertThat(revert.body().path("executed")).isEqualTo(plan.body().path("steps"));
		assertThat(blogColumns()).doesNotContain("SUBSCRIBERS");

		Response stale = post("/actuator/migrations/blog/0002", token, "stale");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().path("plan").path("steps").isEmpty()).isTrue();

		assertThat(get("/actuator/health", null).status()).isEqualTo(503);
		Response health = get("/actuator/health/migrations", "health-pending");
		assertThat(health.body().path("status").asString()).isEqualTo("OUT_OF_SERVICE");
		assertThat(health.body().path("details").path("pending").get(0).asString()).isEqualTo("blog.0003_add_subscribers");

		Response forwards = get("/actuator/migrations/blog/0003", "plan-forwards");
		assertThat(forwards.body().path("direction").asString()).isEqualTo("forwards");
		Response migrated = post("/actuator/migrations/blog/0003", forwards.body().path("token").asString(),
				"forwards");
		assertThat(migrated.status()).isEqualTo(200);
		assertThat(blogColumns()).contains("SUBSCRIBERS");
		assertThat(get("/actuator/health", null).status()).isEqualTo(200);
		assertThat(this.jdbcClient.sql("select app || '.' || name from migrations_history where app = 'blog' order by id")
			.query(String.class)
			.list()).containsExactly("blog.0001_initial", "blog.0002_add_description", "blog.0003_add_subscribers");

		this.docs.verify();
	}

	private List<String> blogColumns() {
		return this.jdbcClient
			.sql("select column_name from information_schema.columns where table_name = 'BLOG_BLOG' order by ordinal_position")
			.query(String.class)
			.list();
	}

	private Response get(String path, String snippet) {
		Response response = ops().get().uri(path).exchange((request, http) -> Response.of(http.getStatusCode().value(),
				new String(http.getBody().readAllBytes())));
		capture(snippet, response);
		return response;
	}

	private Response post(String path, String token, String snippet) {
		Response response = ops().post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token))
			.exchange((request, http) -> Response.of(http.getStatusCode().value(),
					new String(http.getBody().readAllBytes())));
		capture(snippet, response);
		return response;
	}

	private void capture(String snippet, Response response) {
		if (snippet != null) {
			this.docs.capture(snippet, response.body().toPrettyString());
		}
	}

	private RestClient ops() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("ops", "ops-demo"))
			.build();
	}

	private static List<String> names(JsonNode migrations) {
		List<String> names = new ArrayList<>();
		migrations.forEach((migration) -> names.add(migration.path("name").asString()));
		return names;
	}

	record Response(int status, JsonNode body) {

		static Response of(int status, String body) {
			return new Response(status, JsonMapper.shared().readTree(body));
		}

	}

}
