package io.github.migrations.reliability;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.github.migrations.MigrationException;
import io.github.migrations.Migrations;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A corpus of broken and hostile migration folders ({@code src/test/resources/hostile/<case>/}):
 * each is migrated on a fresh H2 database and must fail with the typed error and the message
 * fragments its {@code expected.properties} names ({@code exception}, {@code message} with
 * fragments separated by {@code |}), applying nothing. Hostile input that is legal (injection
 * attempts in names and defaults, odd file names) says {@code outcome=applied}: it must apply,
 * quoted, exactly the migrations listed in {@code history}, with the history table intact and,
 * when {@code table} is given, a table of exactly that (lower-cased) name.
 */
class HostileInputTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void eachBrokenInputFailsWithItsTypedErrorAndAppliesNothing(String name, Path folder) throws Exception {
		Properties expected = new Properties();
		try (Reader reader = Files.newBufferedReader(folder.resolve("expected.properties"), StandardCharsets.UTF_8)) {
			expected.load(reader);
		}
		try (TestDatabase database = TestDatabases.h2()) {
			Migrations migrations = Migrations.configure()
				.dataSource(database.dataSource())
				.directory(folder.resolve("migrations"))
				.load();
			Throwable thrown = catchThrowable(migrations::migrate);
			if ("applied".equals(expected.getProperty("outcome"))) {
				assertThat(thrown).as(name).isNull();
				assertThat(Databases.history(database.dataSource())).as(name + ": history")
					.containsExactlyElementsOf(list(expected, "history"));
				if (expected.containsKey("table")) {
					assertThat(Databases.tables(database.dataSource())).as(name).contains(expected.getProperty("table"));
				}
				return;
			}
			assertThat(thrown).as(name).isNotNull();
			assertThat(expected.getProperty("exception")).as(name + ": expected.properties names the error").isNotNull();
			assertThat(thrown.getClass().getSimpleName()).as(name + ": %s", thrown)
				.isEqualTo(expected.getProperty("exception"));
			assertThat(thrown).isInstanceOf(MigrationException.class);
			for (String fragment : expected.getProperty("message").split("\\|")) {
				assertThat(thrown.getMessage()).as(name).contains(fragment);
			}
			List<String> before = list(expected, "history");
			if (!before.isEmpty() || Databases.tables(database.dataSource()).contains("migrations_history")) {
				assertThat(Databases.history(database.dataSource())).as(name + ": only the migrations before it applied")
					.containsExactlyElementsOf(before);
			}
			assertThat(Databases.tables(database.dataSource())).as(name + ": nothing of it applied")
				.filteredOn((table) -> !table.startsWith("migrations_history"))
				.containsExactlyInAnyOrderElementsOf(list(expected, "tables"));
		}
	}

	private static List<String> list(Properties properties, String key) {
		return Stream.of(properties.getProperty(key, "").split("\\|")).filter((entry) -> !entry.isEmpty()).toList();
	}

	static Stream<Arguments> corpus() throws IOException, URISyntaxException {
		Path root = Path.of(HostileInputTests.class.getResource("/hostile").toURI());
		try (Stream<Path> cases = Files.list(root)) {
			List<Path> folders = cases.filter(Files::isDirectory).sorted().toList();
			assertThat(folders).hasSizeGreaterThanOrEqualTo(30);
			return folders.stream().map((folder) -> Arguments.of(folder.getFileName().toString(), folder));
		}
	}

}
