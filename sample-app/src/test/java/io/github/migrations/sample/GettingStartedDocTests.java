package io.github.migrations.sample;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.sample.payroll.Employee;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/getting-started.md} equal to the sample application it was written from.
 * Blocks of the page follow a marker line:
 * <ul>
 * <li>{@code <!-- file: PATH -->}: the block is that file of the repository, unchanged;</li>
 * <li>{@code <!-- file-except-header: PATH -->}: the same, but for the first line (the generated
 * migration's date);</li>
 * <li>{@code <!-- subset-of: PATH -->}: every setting of the YAML block has the same value in
 * that YAML file;</li>
 * <li>{@code <!-- output: makemigrations -->}: the block is {@code makemigrations} run on the
 * sample's {@code payroll} model in an empty project;</li>
 * <li>{@code <!-- response: PATH -->}: the block is a {@code curl} of that path and the answer
 * of an application with the page's model, migration and settings (only the time of applying
 * and the checksum may differ).</li>
 * </ul>
 *
 * @author Migrations contributors
 */
class GettingStartedDocTests {

	private static final Path ROOT = Path.of("..");

	private static final Path PAGE = ROOT.resolve("docs/getting-started.md");

	private static final Pattern BLOCK = Pattern.compile("<!-- ([a-z-]+): ([^ ]+) -->\\n```[a-z]*\\n(.*?)\\n```",
			Pattern.DOTALL);

	/** An empty project under the module's folder, so that the printed path is relative. */
	private final Path project = Path.of("target", "getting-started-" + UUID.randomUUID());

	@Test
	void filesShownArePartsOfTheSampleApplication() throws IOException {
		Map<String, String> files = blocks("file");
		assertThat(files).containsKey("sample-app/src/main/java/io/github/migrations/sample/payroll/Employee.java");
		files.forEach((path, block) -> assertThat(block).as("%s in %s", path, PAGE).isEqualTo(read(path).strip()));
		Map<String, String> generated = blocks("file-except-header");
		assertThat(generated).containsKey("sample-app/src/main/resources/db/migrations/payroll/0001_initial.yaml");
		generated.forEach((path, block) -> assertThat(withoutFirstLine(block)).as("%s in %s", path, PAGE)
			.isEqualTo(withoutFirstLine(read(path).strip())));
	}

	@Test
	void settingsShownAreTheSampleApplicationsSettings() throws IOException {
		Map<String, String> subsets = blocks("subset-of");
		assertThat(subsets).containsKey("sample-app/src/main/resources/application.yml");
		subsets.forEach((path, block) -> {
			Map<String, Object> sample = flatten(read(path));
			Map<String, Object> shown = flatten(block);
			assertThat(shown).as("settings in %s", PAGE).isNotEmpty();
			assertThat(sample).as("%s has the settings shown in %s", path, PAGE).containsAllEntriesOf(shown);
		});
	}

	@Test
	void makemigrationsOutputIsWhatTheCommandPrints() throws IOException {
		String block = blocks("output").get("makemigrations");
		assertThat(block).as("makemigrations output in %s", PAGE).isNotNull();
		Path directory = this.project.resolve("src/main/resources/db/migrations");
		StringWriter output = new StringWriter();
		int exitCode = Migrations.configure()
			.modelClasses(List.of(Employee.class))
			.directory(directory)
			.load()
			.run(List.of("makemigrations"), CommandOutput.capturing(output));
		assertThat(exitCode).as(output.toString()).isZero();
		String printed = output.toString().replace(this.project + "/", "").strip();
		assertThat(withoutFirstLine(block)).isEqualTo(printed);
		assertThat(block.lines().findFirst()).hasValue("$ ./mvnw -q migrations:makemigrations");
		assertThat(withoutFirstLine(Files.readString(directory.resolve("payroll/0001_initial.yaml")).strip()))
			.isEqualTo(withoutFirstLine(read("sample-app/src/main/resources/db/migrations/payroll/0001_initial.yaml").strip()));
	}

	@Test
	void endpointResponseIsWhatTheApplicationAnswers() throws IOException {
		String block = blocks("response").get("/actuator/migrations");
		assertThat(block).as("/actuator/migrations response in %s", PAGE).isNotNull();
		assertThat(block.lines().findFirst()).hasValue("$ curl -s http://localhost:8080/actuator/migrations");
		Path location = this.project.resolve("db/migrations");
		Files.createDirectories(location.resolve("payroll"));
		Files.writeString(location.resolve("payroll/0001_initial.yaml"),
				read("sample-app/src/main/resources/db/migrations/payroll/0001_initial.yaml"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PayrollApplication.class)
			.properties("spring.config.name=getting-started", "server.port=0",
					"spring.datasource.url=jdbc:h2:mem:getting-started-" + UUID.randomUUID(),
					"management.endpoints.web.exposure.include=migrations",
					"migrations.location=" + location.toAbsolutePath().toUri(),
					"migrations.model-packages=" + Employee.class.getPackageName(),
					"spring.security.user.name=reader", "spring.security.user.password=pw")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String answer = RestClient.builder()
				.baseUrl("http://localhost:" + port)
				.defaultHeaders((headers) -> headers.setBasicAuth("reader", "pw"))
				.build()
				.get()
				.uri("/actuator/migrations")
				.retrieve()
				.body(String.class);
			assertThat(comparable(withoutFirstLine(block))).as("%s shows%n%s%nThe application answers%n%s", PAGE,
					withoutFirstLine(block), answer)
				.isEqualTo(comparable(answer));
		}
	}

	/**
	 * Return the endpoint's JSON with the time of applying and the checksum replaced by their
	 * shapes.
	 */
	private static JsonNode comparable(String json) {
		JsonNode tree = JsonMapper.shared().readTree(json);
		for (JsonNode migration : tree.findParents("checksum")) {
			ObjectNode fields = (ObjectNode) migration;
			assertThat(fields.path("appliedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
			assertThat(fields.path("checksum").asString()).matches("[0-9a-f]{64}");
			fields.put("appliedAt", "(time)");
			fields.put("checksum", "(sha-256)");
		}
		return tree;
	}

	private static Map<String, String> blocks(String kind) throws IOException {
		Map<String, String> blocks = new LinkedHashMap<>();
		Matcher matcher = BLOCK.matcher(Files.readString(PAGE));
		while (matcher.find()) {
			if (matcher.group(1).equals(kind)) {
				blocks.put(matcher.group(2), matcher.group(3));
			}
		}
		return blocks;
	}

	private static String read(String path) {
		try {
			return Files.readString(ROOT.resolve(path));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

	private static String withoutFirstLine(String text) {
		return text.substring(text.indexOf('\n') + 1);
	}

	private static Map<String, Object> flatten(String yaml) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", new Yaml().load(yaml), flat);
		return flat;
	}

	/**
	 * The page's application: the payroll model, auto-configuration, no component scanning. Not
	 * a {@code @SpringBootConfiguration} nor a {@code @Configuration}, so that neither
	 * {@code @SpringBootTest} nor the sample's component scan finds it.
	 */
	@EnableAutoConfiguration
	static class PayrollApplication {

	}

	private static void flatten(String prefix, Object value, Map<String, Object> flat) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, flat));
		}
		else {
			flat.put(prefix, value);
		}
	}

}
