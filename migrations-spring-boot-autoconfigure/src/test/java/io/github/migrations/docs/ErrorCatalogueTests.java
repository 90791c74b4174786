package io.github.migrations.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@code docs/errors.md} catalogues every exception class of the engine and the
 * starter (a {@code ### `Name`} section each) and names every failure analyzer the starter
 * registers.
 *
 * @author Migrations contributors
 */
class ErrorCatalogueTests {

	private static final Path PAGE = Path.of("..", "docs", "errors.md");

	private static final Path FACTORIES = Path.of("src", "main", "resources", "META-INF", "spring.factories");

	private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public (abstract |final |sealed )*class ");

	private static final Pattern ANALYZER = Pattern
		.compile("io\\.github\\.migrations\\.autoconfigure\\.diagnostics\\.(\\w+FailureAnalyzer)");

	@Test
	void everyExceptionClassHasASection() throws IOException {
		String page = Files.readString(PAGE);
		List<String> exceptions = Stream
			.of(Path.of("..", "migrations-core", "src", "main", "java"), Path.of("src", "main", "java"))
			.flatMap(ErrorCatalogueTests::exceptionClasses)
			.toList();
		assertThat(exceptions).contains("MigrationException", "HalfAppliedMigrationException",
				"UnmigratedModelChangesException", "MigrationsEndpointException");
		assertThat(exceptions).allSatisfy((name) -> assertThat(page).as("%s has no section in %s", name, PAGE)
			.contains("### `" + name + "`"));
	}

	@Test
	void everyFailureAnalyzerIsNamed() throws IOException {
		String page = Files.readString(PAGE);
		Matcher registered = ANALYZER.matcher(Files.readString(FACTORIES));
		List<String> analyzers = new ArrayList<>();
		while (registered.find()) {
			analyzers.add(registered.group(1));
		}
		assertThat(analyzers).contains("HalfAppliedMigrationFailureAnalyzer");
		assertThat(analyzers).allSatisfy((name) -> assertThat(page).as("%s is not named in %s", name, PAGE)
			.contains("`" + name + "`"));
	}

	/** An exception that is not public never reaches a user (it is caught where it is thrown). */
	private static boolean isPublic(Path file) {
		try {
			return PUBLIC_CLASS.matcher(Files.readString(file)).find();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	private static Stream<String> exceptionClasses(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("Exception.java"))
				.filter(ErrorCatalogueTests::isPublic)
				.map((file) -> file.getFileName().toString())
				.map((name) -> name.substring(0, name.length() - ".java".length()))
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + sources, ex);
		}
	}

}
