package io.github.migrations.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the configuration reference of {@code docs/configuration.md}, a Markdown table, from
 * the {@code META-INF/spring-configuration-metadata.json} that Spring Boot's configuration
 * processor generates from the {@code @ConfigurationProperties} classes and their Javadoc.
 *
 * @author Migrations contributors
 */
final class ConfigurationReference {

	/** Marks the start of the generated part of the page. */
	static final String START = "<!-- generated from spring-configuration-metadata.json: do not edit below -->";

	/** Marks the end of the generated part of the page. */
	static final String END = "<!-- end of generated part -->";

	private ConfigurationReference() {
	}

	/**
	 * Render the tables: one per group of keys, in the order of the metadata.
	 * @param metadata the metadata file's content
	 * @return the Markdown
	 */
	static String render(String metadata) {
		JsonNode root = JsonMapper.builder().build().readTree(metadata);
		List<JsonNode> properties = new ArrayList<>();
		root.path("properties").forEach(properties::add);
		properties.sort(Comparator.comparing(ConfigurationReference::isManagement)
			.thenComparing((property) -> property.path("name").asString()));
		StringBuilder markdown = new StringBuilder();
		markdown.append("| Property | Type | Default | Description |\n");
		markdown.append("|---|---|---|---|\n");
		for (JsonNode property : properties) {
			markdown.append("| `")
				.append(property.path("name").asString())
				.append("` | ")
				.append(type(property.path("type").asString()))
				.append(" | ")
				.append(defaultValue(property.path("defaultValue")))
				.append(" | ")
				.append(property.path("description").asString().replace("|", "\\|").replace("\n", " "))
				.append(" |\n");
		}
		return markdown.toString();
	}

	/**
	 * Replace the generated part of a page.
	 * @param page the page
	 * @param generated the new generated part
	 * @return the page with the new generated part
	 */
	static String replaceGenerated(String page, String generated) {
		int start = page.indexOf(START);
		int end = page.indexOf(END);
		if (start < 0 || end < start) {
			throw new IllegalStateException("The page must hold the markers '" + START + "' and '" + END + "'");
		}
		return page.substring(0, start + START.length()) + "\n\n" + generated + "\n" + page.substring(end);
	}

	private static boolean isManagement(JsonNode property) {
		return property.path("name").asString().startsWith("management.");
	}

	private static String type(String type) {
		String simple = type.replace("java.lang.", "").replace("java.util.", "").replace("java.time.", "");
		if (simple.contains(".") && !simple.contains("<")) {
			return values(type).orElse("`" + simple.substring(simple.lastIndexOf('.') + 1) + "`");
		}
		return "`" + simple + "`";
	}

	private static Optional<String> values(String className) {
		try {
			Class<?> type = Class.forName(className);
			if (!type.isEnum()) {
				return Optional.empty();
			}
			return Optional.of(Arrays.stream(type.getEnumConstants())
				.map((constant) -> "`" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT) + "`")
				.collect(Collectors.joining(", ")));
		}
		catch (ClassNotFoundException ex) {
			return Optional.empty();
		}
	}

	private static String defaultValue(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		return "`" + value.asString() + "`";
	}

}
