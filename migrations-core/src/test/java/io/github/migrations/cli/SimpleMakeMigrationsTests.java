package io.github.migrations.cli;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import io.github.migrations.Migrations;
import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.command.CommandContext;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.e2e.v1.Employee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SimpleMakeMigrations}: the lines it reads give what picocli gives, and every
 * other line is left to picocli.
 */
class SimpleMakeMigrationsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T14:05:33Z"), ZoneOffset.UTC);

	@TempDir
	Path temp;

	@Test
	void readsAppLabelsAndTheSimpleOptions() {
		assertThat(SimpleMakeMigrations.parse(List.of("makemigrations")))
			.isEqualTo(new SimpleMakeMigrations(List.of(), false, false, false, false, false, 1, null));
		assertThat(SimpleMakeMigrations.parse(List.of("makemigrations", "shop", "--check", "blog", "--dry-run", "--empty",
				"--merge", "--no-input", "-v", "2", "--name", "add_sku")))
			.isEqualTo(new SimpleMakeMigrations(List.of("shop", "blog"), true, true, true, true, true, 2, "add_sku"));
		assertThat(SimpleMakeMigrations.parse(List.of("makemigrations", "--verbosity", "0", "-n", "x", "--noinput")))
			.isEqualTo(new SimpleMakeMigrations(List.of(), false, false, false, false, true, 0, "x"));
	}

	@Test
	void leavesEveryOtherLineToPicocli() {
		List<List<String>> others = List.of(List.of(), List.of("migrate"), List.of("makemigrations", "--help"),
				List.of("makemigrations", "-h"), List.of("makemigrations", "--check", "--check"),
				List.of("makemigrations", "--noinput", "--no-input"), List.of("makemigrations", "--name=x"),
				List.of("makemigrations", "-n"), List.of("makemigrations", "-v"), List.of("makemigrations", "-v", "10"),
				List.of("makemigrations", "-v", "-1"), List.of("makemigrations", "-v2"), List.of("makemigrations", "@args"),
				List.of("makemigrations", "0002"), List.of("makemigrations", "shop-app"), List.of("makemigrations", ""),
				List.of("makemigrations", "migrate"), List.of("makemigrations", "--"), List.of("makemigrations", "-n", "-v"),
				List.of("makemigrations", "-n", "help"), List.of("makemigrations", "--unknown"));
		for (List<String> line : others) {
			assertThat(SimpleMakeMigrations.parse(line)).as(line.toString()).isNull();
		}
	}

	@Test
	void theCommandPrintsAndExitsAsWithPicocli() throws Exception {
		List<List<String>> lines = List.of(List.of("makemigrations", "--dry-run"),
				List.of("makemigrations", "--check"), List.of("makemigrations", "--dry-run", "-v", "3"),
				List.of("makemigrations", "payroll", "-n", "first"), List.of("makemigrations", "nosuch"),
				List.of("makemigrations", "--empty"), List.of("makemigrations", "-n", "bad", "--merge"),
				List.of("makemigrations"));
		for (List<String> line : lines) {
			Path simple = Files.createDirectories(this.temp.resolve("simple-" + lines.indexOf(line)));
			Path parsed = Files.createDirectories(this.temp.resolve("parsed-" + lines.indexOf(line)));
			Outcome withoutPicocli = run(simple, line, false);
			Outcome withPicocli = run(parsed, line, true);
			assertThat(withoutPicocli.code()).as(line.toString()).isEqualTo(withPicocli.code());
			assertThat(withoutPicocli.output().replace(simple.toString(), "<dir>")).as(line.toString())
				.isEqualTo(withPicocli.output().replace(parsed.toString(), "<dir>"));
			assertThat(files(simple)).as(line.toString()).isEqualTo(files(parsed));
		}
	}

	@Test
	void aFailureOtherThanTheEnginesIsReportedByPicocliAsItAlwaysWas() {
		MigrationsConfiguration broken = Migrations.configure()
			.modelClasses(List.of(Employee.class))
			.source(() -> {
				throw new IllegalStateException("source broken");
			})
			.load()
			.configuration();
		Outcome withoutPicocli = run(broken, List.of("makemigrations", "--check"), false);
		Outcome withPicocli = run(broken, List.of("makemigrations", "--check"), true);
		assertThat(withoutPicocli.code()).isEqualTo(withPicocli.code()).isEqualTo(1);
		assertThat(withoutPicocli.output().lines().findFirst())
			.isEqualTo(withPicocli.output().lines().findFirst())
			.hasValue("java.lang.IllegalStateException: source broken");
	}

	private static Outcome run(Path directory, List<String> line, boolean picocli) {
		return run(Migrations.configure().modelClasses(List.of(Employee.class)).directory(directory).load().configuration(),
				line, picocli);
	}

	private static Outcome run(MigrationsConfiguration configuration, List<String> line, boolean picocli) {
		StringWriter text = new StringWriter();
		ManagementUtility utility = new ManagementUtility(
				new CommandContext(configuration, CommandOutput.capturing(text), CLOCK));
		int code = picocli ? utility.runWithParser(line, null) : utility.run(line);
		return new Outcome(code, text.toString());
	}

	private static List<String> files(Path root) throws Exception {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).map((file) -> root.relativize(file) + "\n" + read(file)).sorted().toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private record Outcome(int code, String output) {
	}

}
