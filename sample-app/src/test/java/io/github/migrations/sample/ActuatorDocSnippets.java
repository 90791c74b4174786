package io.github.migrations.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the responses shown in {@code docs/actuator.md} equal to real ones. Each response in the
 * page follows a marker line {@code <!-- response: name -->} and is a fenced JSON block. The
 * check compares the page with the responses a test captured, ignoring only the timestamps of
 * {@code appliedAt}, and fails when the page is stale; with {@code -Ddocs.update=true} it
 * rewrites the blocks instead.
 */
final class ActuatorDocSnippets {

	static final Path PAGE = Path.of("..", "docs", "actuator.md");

	private static final Pattern BLOCK = Pattern.compile("(<!-- response: ([a-z0-9-]+) -->\\n```json\\n)(.*?)(\\n```)",
			Pattern.DOTALL);

	private static final Pattern APPLIED_AT = Pattern.compile("(\"appliedAt\" : \")[^\"]*(\")");

	private final Map<String, String> captured = new LinkedHashMap<>();

	/**
	 * Remember a response for the block of that name.
	 * @param name the block name
	 * @param json the response, pretty-printed
	 */
	void capture(String name, String json) {
		this.captured.put(name, json.strip());
	}

	/**
	 * Compare the page with the captured responses, or rewrite it when {@code docs.update} is set.
	 */
	void verify() {
		String page = read();
		Map<String, String> documented = new LinkedHashMap<>();
		Matcher matcher = BLOCK.matcher(page);
		StringBuilder updated = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(2);
			documented.put(name, matcher.group(3));
			String replacement = this.captured.getOrDefault(name, matcher.group(3));
			matcher.appendReplacement(updated, Matcher.quoteReplacement(matcher.group(1) + replacement + matcher.group(4)));
		}
		matcher.appendTail(updated);
		if (Boolean.getBoolean("docs.update")) {
			write(updated.toString());
			return;
		}
		String hint = PAGE.normalize() + " is stale; regenerate it with "
				+ "./mvnw -pl sample-app -am test -Dtest=SampleMigrationsStoryTests -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true";
		assertThat(documented.keySet()).as(hint).containsExactlyInAnyOrderElementsOf(this.captured.keySet());
		this.captured.forEach((name, json) -> assertThat(masked(documented.get(name))).as(hint + " (response '" + name + "')")
			.isEqualTo(masked(json)));
	}

	private static String masked(String json) {
		return APPLIED_AT.matcher(json).replaceAll("$1…$2");
	}

	private static String read() {
		try {
			return Files.readString(PAGE, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(String page) {
		try {
			Files.writeString(PAGE, page, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
