package io.github.migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine stays free of Spring, so it can run from a build plugin, a plain JVM or any
 * framework.
 */
class ArchitectureTests {

	@Test
	void coreNeverImportsSpring() throws IOException {
		Path sources = Path.of("src/main/java");
		assertThat(sources).isDirectory();
		try (Stream<Path> files = Files.walk(sources)) {
			List<String> offenders = files.filter((file) -> file.toString().endsWith(".java")).filter((file) -> {
				try {
					return Files.readString(file).contains("import org.springframework");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).map(Path::toString).toList();
			assertThat(offenders).isEmpty();
		}
	}

}
