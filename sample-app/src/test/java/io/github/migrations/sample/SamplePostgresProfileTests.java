package io.github.migrations.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.testsupport.SimpleDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts {@link SampleApplication} with the {@code postgres} profile, as
 * {@code ./mvnw -pl sample-app -am spring-boot:run -Dspring-boot.run.profiles=postgres} does,
 * against a real PostgreSQL server in a schema of its own (found by {@link TestDatabases}: the
 * environment's {@code MIGRATIONS_TEST_POSTGRESQL_URL}, Testcontainers, or the local server), and
 * reads {@code /actuator/migrations} over HTTP.
 *
 * @author Migrations contributors
 */
class SamplePostgresProfileTests {

	@Test
	void postgresProfileAppliesTheBlogMigrationsAndTheEndpointShowsThem() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			SimpleDataSource server = (SimpleDataSource) database.dataSource();
			try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
					"--spring.profiles.active=postgres", "--server.port=0", "--spring.datasource.url=" + server.url(),
					"--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password())) {
				assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("postgres");
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				JsonNode blog = JsonMapper.shared()
					.readTree(RestClient.builder()
						.baseUrl("http://localhost:" + port)
						.defaultHeaders((headers) -> headers.setBasicAuth("ops", "ops-demo"))
						.build()
						.get()
						.uri("/actuator/migrations")
						.retrieve()
						.body(String.class))
					.path("contexts")
					.path("migrations-sample")
					.path("migrationsBeans")
					.path("migrations")
					.path("apps")
					.path("blog");
				List<String> applied = new ArrayList<>();
				blog.path("migrations").forEach((migration) -> {
					if (migration.path("applied").asBoolean()) {
						applied.add(migration.path("name").asString());
					}
				});
				assertThat(applied).containsExactly("0001_initial", "0002_add_description", "0003_add_subscribers");
			}
			assertThat(tablesInTheTestsSchema(database)).as("the tables are in the test's own schema")
				.contains("blog_blog", "payroll_employee", "migrations_history");
		}
	}

	private static List<String> tablesInTheTestsSchema(TestDatabase database) throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

}
