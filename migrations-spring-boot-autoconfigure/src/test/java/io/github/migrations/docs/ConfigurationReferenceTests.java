package io.github.migrations.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@code docs/configuration.md} shows the configuration properties as the
 * configuration processor describes them. When a property, its description or its default
 * changes, this test fails; run it with {@code -Dmigrations.docs.update=true} to rewrite the page.
 *
 * @author Migrations contributors
 */
class ConfigurationReferenceTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	@Test
	void configurationPageIsUpToDate() throws IOException {
		Path page = projectRoot().resolve("docs/configuration.md");
		String current = Files.readString(page);
		String expected = ConfigurationReference.replaceGenerated(current,
				ConfigurationReference.render(Files.readString(METADATA)));
		if (Boolean.getBoolean("migrations.docs.update")) {
			Files.writeString(page, expected);
			return;
		}
		assertThat(current).as("""
				%s is stale: the configuration properties changed. Regenerate it with
				./mvnw -pl migrations-spring-boot-autoconfigure -am test -Dtest=ConfigurationReferenceTests \
				-Dsurefire.failIfNoSpecifiedTests=false -Dmigrations.docs.update=true""", page).isEqualTo(expected);
	}

	@Test
	void everyPropertyHasADescription() throws IOException {
		String table = ConfigurationReference.render(Files.readString(METADATA));
		assertThat(table.lines().skip(2)).isNotEmpty().allSatisfy((row) -> assertThat(row).doesNotEndWith("|  |"));
		assertThat(table).contains("| `migrations.unmigrated-changes` | `ignore`, `warn`, `fail` | `warn` |")
			.contains("| `migrations.lock-timeout` | `Duration` | `60s` |");
	}

	private static Path projectRoot() {
		String root = System.getenv("MIGRATIONS_PROJECT_ROOT");
		return (root != null) ? Path.of(root) : Path.of("..");
	}

}
