package io.github.migrations.actuate.endpoint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.github.migrations.actuate.endpoint.FuzzedRequests.Request;
import io.github.migrations.actuate.endpoint.FuzzedRequests.StaleToken;
import io.github.migrations.schema.Introspector;
import io.github.migrations.testsupport.StatementRecordingDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzes the write (and plan) operation of the migrations endpoint over real HTTP: a full
 * auto-configured application with the endpoint's access unrestricted and migrate enabled, on H2
 * and on PostgreSQL, receives generated requests ({@link FuzzedRequests}, a fixed seed, a fixed
 * count and a time bound). For each request:
 * <ul>
 * <li>the answer is a 4xx with a JSON body naming the error, never a 5xx or a stack trace (a
 * {@code GET} of a plan that exists is answered with the plan);</li>
 * <li>the tables, their columns, the history and the progress rows are what they were before;</li>
 * <li>no SQL the application ran (statements and prepared statements, through a recording
 * {@code DataSource}) contains a value of the request, and no DDL ran at all.</li>
 * </ul>
 *
 * @author Migrations contributors
 */
class MigrationsEndpointFuzzTests {

	private static final long SEED = Long.getLong("migrations.fuzz.seed", 20261124L);

	private static final int REQUESTS = Integer.getInteger("migrations.fuzz.requests", 1000);

	private static final Duration TIME = Duration.ofSeconds(Long.getLong("migrations.fuzz.seconds", 20L));

	/**
	 * Requests sent even when the time is up (a loaded machine is slower, not a reason to check
	 * less); the run still ends within {@link #LIMIT}.
	 */
	private static final int MINIMUM = 100;

	private static final Duration LIMIT = Duration.ofSeconds(120);

	private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME");

	@Test
	void refusesEveryFuzzedRequestOnH2WithoutTouchingTheDatabase() throws Exception {
		try (TestDatabase database = TestDatabases.h2()) {
			fuzz(database);
		}
	}

	@Test
	void refusesEveryFuzzedRequestOnPostgreSqlWithoutTouchingTheDatabase() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			fuzz(database);
		}
	}

	private void fuzz(TestDatabase database) throws Exception {
		StatementRecordingDataSource recording = StatementRecordingDataSource.everything(database.dataSource());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.SERVLET)
			.initializers((app) -> app.getBeanFactory().registerSingleton("dataSource", recording))
			.properties("server.port=0", "management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=unrestricted", "migrations.endpoint.migrate.enabled=true",
					"migrations.model-packages=io.github.migrations.autoconfigure.fixtures",
					"spring.autoconfigure.exclude=org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RestClient client = RestClient.create("http://localhost:" + port);
			List<StaleToken> stale = staleTokens(client);
			Snapshot before = Snapshot.of(database.dataSource());
			assertThat(before.history()).hasSize(3);
			FuzzedRequests requests = new FuzzedRequests(SEED, stale);
			long start = System.nanoTime();
			long deadline = start + TIME.toNanos();
			long limit = start + LIMIT.toNanos();
			int sent = 0;
			int recorded = 0;
			Map<String, Integer> refusals = new TreeMap<>();
			while (sent < REQUESTS && (System.nanoTime() < deadline || (sent < MINIMUM && System.nanoTime() < limit))) {
				Request request = requests.next();
				recording.drain();
				Answer answer = send(client, request);
				List<String> sql = recording.drain();
				recorded += sql.size();
				refusals.merge(checkRefused(request, answer), 1, Integer::sum);
				assertThat(Snapshot.of(database.dataSource())).as("schema and history after %s", request)
					.isEqualTo(before);
				checkNoRequestTextInSql(request, sql);
				sent++;
			}
			System.out.println("[MigrationsEndpointFuzzTests] " + database.vendor() + ": " + sent
					+ " fuzzed requests refused (seed " + SEED + "): " + refusals);
			assertThat(sent).as("requests sent in %s", LIMIT).isGreaterThanOrEqualTo(MINIMUM);
			assertThat(recorded).as("SQL statements recorded while refusing").isGreaterThan(sent);
		}
	}

	private static List<StaleToken> staleTokens(RestClient client) {
		String shopZero = token(client, "shop", "zero");
		String shopFirst = token(client, "shop", "0001");
		String crmZero = token(client, "crm", "zero");
		return List.of(new StaleToken("shop", "0001", shopZero), new StaleToken("shop", "0001_initial", shopZero),
				new StaleToken("shop", "__first__", shopZero), new StaleToken("shop", "zero", shopFirst),
				new StaleToken("shop", "0002", shopFirst), new StaleToken("shop", "__latest__", shopFirst),
				new StaleToken("crm", "zero", shopZero), new StaleToken("crm", "0001", crmZero),
				new StaleToken("shop", "zero", crmZero));
	}

	private static String token(RestClient client, String app, String target) {
		Answer plan = send(client, new Request(false, app, target, null, null));
		assertThat(plan.status()).as("plan of %s to %s", app, target).isEqualTo(200);
		return plan.json().path("token").asString();
	}

	private static Answer send(RestClient client, Request request) {
		StringBuilder uri = new StringBuilder("/actuator/migrations/")
			.append(UriUtils.encodePathSegment(request.app(), StandardCharsets.UTF_8))
			.append('/')
			.append(UriUtils.encodePathSegment(request.target(), StandardCharsets.UTF_8));
		if (request.bean() != null) {
			uri.append("?bean=").append(UriUtils.encodeQueryParam(request.bean(), StandardCharsets.UTF_8));
		}
		URI address = URI.create(uri.toString());
		RestClient.RequestHeadersSpec<?> spec = request.post()
				? client.post().uri(address).contentType(MediaType.APPLICATION_JSON).body(request.body())
				: client.get().uri(address);
		return spec.exchange((ignored, response) -> new Answer(response.getStatusCode().value(),
				String.valueOf(response.getHeaders().getContentType()),
				new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	/**
	 * Check that a request was refused cleanly. Tomcat itself refuses, with its own page, some
	 * paths before any application code runs (an encoded backslash, for example): that is a 400
	 * without details; everything else must be the application's JSON.
	 */
	private static String checkRefused(Request request, Answer answer) {
		if (!request.post() && answer.status() == 200) {
			assertThat(answer.json().path("token").asString()).as("plan for %s", request).matches("[0-9a-f]{64}");
			return "200 plan (GET)";
		}
		assertThat(answer.status()).as("status of %s, answered %s", request, answer).isBetween(400, 499);
		if (answer.status() == 400 && answer.contentType().startsWith("text/html")
				&& answer.body().contains("<title>HTTP Status 400 – Bad Request</title>")) {
			assertThat(answer.body()).as("Tomcat's answer to %s", request).doesNotContain("Exception");
			return "400 (Tomcat)";
		}
		assertThat(answer.contentType()).as("content type of %s, answered %s", request, answer).contains("json");
		JsonNode body = answer.json();
		assertThat(body.path("error").isString()).as("error of %s, answered %s", request, answer).isTrue();
		assertThat(body.has("trace")).as("trace in the answer to %s", request).isFalse();
		assertThat(answer.body()).as("answer to %s", request)
			.doesNotContain("\tat ")
			.doesNotContain("Exception:")
			.doesNotContain("java.lang.");
		return answer.status() + " " + body.path("error").asString();
	}

	private static void checkNoRequestTextInSql(Request request, List<String> sql) {
		for (String statement : sql) {
			String upper = statement.stripLeading().toUpperCase(Locale.ROOT);
			if (DDL.stream().anyMatch(upper::startsWith)) {
				fail("DDL ran for the refused request %s: %s", request, statement);
			}
			for (String value : request.values()) {
				if (value.length() >= 3 && statement.contains(value) && !Snapshot.vocabulary().contains(value)) {
					fail("Request text '%s' of %s reached SQL: %s", value, request, statement);
				}
			}
		}
	}

	/**
	 * What a request changes if it changes anything: the tables with their columns, the history
	 * rows and the progress rows.
	 */
	record Snapshot(Set<String> columns, List<String> history, List<String> progress) {

		/**
		 * Return names that the application's own SQL holds, which a request may carry too.
		 */
		static Set<String> vocabulary() {
			return Set.of("shop", "crm", "zero", "0001", "0002", "0001_initial", "0002_add_sku", "null", "true",
					"migrations_history", "shop_product", "SHOP", "ZERO", "NULL", "TRUE");
		}

		static Snapshot of(DataSource dataSource) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				Set<String> columns = new TreeSet<>();
				for (String table : Introspector.tableNames(connection)) {
					for (String column : Introspector.columnNames(connection, table)) {
						columns.add(table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT));
					}
				}
				List<String> history = rows(connection, "SELECT app, name, applied FROM migrations_history ORDER BY id");
				List<String> progress = columns.stream().anyMatch((column) -> column.startsWith("migrations_history_progress."))
						? rows(connection, "SELECT * FROM migrations_history_progress") : List.of();
				return new Snapshot(columns, history, progress);
			}
		}

		private static List<String> rows(Connection connection, String sql) throws SQLException {
			List<String> rows = new ArrayList<>();
			try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
				int count = result.getMetaData().getColumnCount();
				while (result.next()) {
					StringBuilder row = new StringBuilder();
					for (int i = 1; i <= count; i++) {
						row.append(result.getString(i)).append('|');
					}
					rows.add(row.toString());
				}
			}
			return rows;
		}

	}

	record Answer(int status, String contentType, String body) {

		JsonNode json() {
			return this.body.isEmpty() ? JsonMapper.shared().missingNode() : JsonMapper.shared().readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " "
					+ ((this.body.length() > 300) ? this.body.substring(0, 300) + "..." : this.body);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
