package io.github.migrations.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts {@link SampleApplication} as the README does ({@code ./mvnw -pl sample-app -am
 * spring-boot:run}: a JVM of its own, the module's class path, no arguments, its own
 * {@code application.yml}, so the default H2 file database {@code ./target/h2/sample}) and reads
 * {@code /actuator/migrations} as the ops user. The working directory is a fresh folder, so the
 * database file is created there and the first start applies every migration; only the HTTP port
 * is chosen by the test ({@code SERVER_PORT}), since 8080 may be taken. The demo credentials are
 * then overridden through the process environment ({@code OPS_USER}, {@code OPS_PASSWORD}), as
 * the README says.
 *
 * @author Migrations contributors
 */
class SampleApplicationProcessTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path directory;

	@Test
	void startsOnItsFileDatabaseAndAnswersTheEndpointForTheOpsUser() throws Exception {
		int port = freePort();
		try (SampleProcess sample = SampleProcess.start(this.directory, Map.of("SERVER_PORT", String.valueOf(port)))) {
			awaitHealth(sample, port);
			assertThat(sample.output()).contains("Applied 4 migration(s): blog.0001_initial, "
					+ "blog.0002_add_description, blog.0003_add_subscribers, payroll.0001_initial");
			assertThat(Files.exists(this.directory.resolve("target/h2/sample.mv.db"))).isTrue();
			HttpResponse<String> response = get(port, "/actuator/migrations", "ops", "ops-demo");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode apps = JsonMapper.shared()
				.readTree(response.body())
				.path("contexts")
				.path("migrations-sample")
				.path("migrationsBeans")
				.path("migrations")
				.path("apps");
			assertThat(applied(apps.path("blog"))).containsExactly("0001_initial", "0002_add_description",
					"0003_add_subscribers");
			assertThat(applied(apps.path("payroll"))).containsExactly("0001_initial");
			assertThat(get(port, "/actuator/migrations", null, null).statusCode()).isEqualTo(401);
		}
		int again = freePort();
		try (SampleProcess second = SampleProcess.start(this.directory, Map.of("SERVER_PORT", String.valueOf(again)))) {
			awaitHealth(second, again);
			assertThat(second.output()).contains("No migrations to apply");
		}
	}

	@Test
	void opsCredentialsComeFromTheEnvironment() throws Exception {
		int port = freePort();
		try (SampleProcess sample = SampleProcess.start(this.directory, Map.of("SERVER_PORT", String.valueOf(port),
				"OPS_USER", "release-bot", "OPS_PASSWORD", "s3cret-from-env"))) {
			awaitHealth(sample, port);
			assertThat(get(port, "/actuator/migrations", "release-bot", "s3cret-from-env").statusCode())
				.isEqualTo(200);
			assertThat(get(port, "/actuator/migrations", "ops", "ops-demo").statusCode()).isEqualTo(401);
			HttpResponse<String> plan = get(port, "/actuator/migrations/blog/0002", "release-bot", "s3cret-from-env");
			assertThat(plan.statusCode()).isEqualTo(200);
			assertThat(plan.body()).contains("\"direction\":\"backwards\"");
		}
	}

	private static void awaitHealth(SampleProcess sample, int port) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(SampleProcess.TIMEOUT_SECONDS).toNanos();
		while (System.nanoTime() < deadline) {
			if (!sample.isAlive()) {
				throw new AssertionError("The sample exited before it was up:\n" + sample.output());
			}
			try {
				if (get(port, "/actuator/health", null, null).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("The sample was not up within " + SampleProcess.TIMEOUT_SECONDS + "s:\n"
				+ sample.output());
	}

	private static HttpResponse<String> get(int port, String path, String user, String password)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> applied(JsonNode app) {
		List<String> names = new ArrayList<>();
		app.path("migrations").forEach((migration) -> {
			if (migration.path("applied").asBoolean()) {
				names.add(migration.path("name").asString());
			}
		});
		return names;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
