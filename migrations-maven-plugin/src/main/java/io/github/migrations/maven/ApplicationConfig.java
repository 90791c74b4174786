package io.github.migrations.maven;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The application's configuration read as Spring Boot would read it, without starting Spring:
 * {@code application.properties}, {@code application.yml} and {@code application.yaml}, the
 * files of the active profiles on top, then environment variables (relaxed names such as
 * {@code SPRING_DATASOURCE_URL}) and system properties ({@code -D}), each overriding the ones
 * before. Values may use {@code ${other.key:default}} placeholders.
 */
final class ApplicationConfig {

	/** The property holding the profiles to activate, as in Spring Boot. */
	static final String ACTIVE_PROFILES = "spring.profiles.active";

	private static final String[] EXTENSIONS = { "properties", "yml", "yaml" };

	private static final int MAX_PLACEHOLDER_DEPTH = 10;

	private final List<Source> sources;

	private final List<String> profiles;

	private ApplicationConfig(List<Source> sources, List<String> profiles) {
		this.sources = List.copyOf(sources);
		this.profiles = List.copyOf(profiles);
	}

	/**
	 * Read the configuration.
	 * @param directory the folder holding {@code application.*} (usually {@code src/main/resources})
	 * @param profile profiles to activate (comma-separated), or {@code null} to use
	 * {@code spring.profiles.active}
	 * @param environment the environment variables
	 * @param systemProperties the system properties, highest precedence
	 * @return the configuration
	 */
	static ApplicationConfig load(Path directory, String profile, Map<String, String> environment,
			Map<String, String> systemProperties) {
		Source system = Source.of("system properties", systemProperties);
		Source env = Source.ofEnvironment(environment);
		List<Source> base = new ArrayList<>();
		base.add(system);
		base.add(env);
		base.addAll(files(directory, "application", List.of()));
		List<String> profiles = commaList(
				(profile != null && !profile.isBlank()) ? profile : new ApplicationConfig(base, List.of()).get(ACTIVE_PROFILES).orElse(""));
		List<Source> sources = new ArrayList<>();
		sources.add(system);
		sources.add(env);
		for (int i = profiles.size() - 1; i >= 0; i--) {
			sources.addAll(files(directory, "application-" + profiles.get(i), profiles));
		}
		sources.addAll(files(directory, "application", profiles));
		return new ApplicationConfig(sources, profiles);
	}

	/**
	 * Return the active profiles.
	 * @return the profiles, in activation order
	 */
	List<String> profiles() {
		return this.profiles;
	}

	/**
	 * Return a value, with placeholders resolved.
	 * @param key the property name in its canonical form ({@code migrations.lock-timeout})
	 * @return the value, empty when no source has it
	 */
	Optional<String> get(String key) {
		return raw(key).map((value) -> resolvePlaceholders(value, 0));
	}

	/**
	 * Return a list value: either a comma-separated value or indexed items ({@code key[0]} …).
	 * @param key the property name
	 * @return the trimmed, non-empty items
	 */
	List<String> getList(String key) {
		Optional<String> value = get(key);
		if (value.isPresent()) {
			return commaList(value.get());
		}
		List<String> items = new ArrayList<>();
		for (int i = 0;; i++) {
			Optional<String> item = get(key + "[" + i + "]");
			if (item.isEmpty()) {
				return items;
			}
			items.addAll(commaList(item.get()));
		}
	}

	/**
	 * Describe where a value comes from, for diagnostics.
	 * @param key the property name
	 * @return the source's name, empty when no source has it
	 */
	Optional<String> origin(String key) {
		return this.sources.stream().filter((source) -> source.get(key) != null).map(Source::name).findFirst();
	}

	private Optional<String> raw(String key) {
		for (Source source : this.sources) {
			String value = source.get(key);
			if (value != null) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	private String resolvePlaceholders(String value, int depth) {
		int start = value.indexOf("${");
		if (start < 0 || depth > MAX_PLACEHOLDER_DEPTH) {
			return value;
		}
		int end = value.indexOf('}', start);
		if (end < 0) {
			return value;
		}
		String expression = value.substring(start + 2, end);
		int colon = expression.indexOf(':');
		String name = (colon >= 0) ? expression.substring(0, colon) : expression;
		String fallback = (colon >= 0) ? expression.substring(colon + 1) : null;
		Optional<String> replacement = raw(name).map((found) -> resolvePlaceholders(found, depth + 1));
		String resolved = replacement.orElse(fallback);
		if (resolved == null) {
			throw new IllegalStateException("Could not resolve placeholder '" + name + "' in value \"" + value + "\"");
		}
		return value.substring(0, start) + resolved + resolvePlaceholders(value.substring(end + 1), depth + 1);
	}

	static List<String> commaList(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

	/**
	 * The sources of one base name ({@code application} or {@code application-dev}): the
	 * properties file first, as it wins over YAML in Spring Boot.
	 */
	private static List<Source> files(Path directory, String baseName, List<String> profiles) {
		List<Source> found = new ArrayList<>();
		for (String extension : EXTENSIONS) {
			Path file = directory.resolve(baseName + "." + extension);
			if (Files.isRegularFile(file)) {
				Map<String, String> values = extension.equals("properties") ? readProperties(file)
						: readYaml(file, profiles);
				found.add(Source.of(file.getFileName().toString(), values));
			}
		}
		return found;
	}

	private static Map<String, String> readProperties(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		Map<String, String> values = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((name) -> values.put(name, properties.getProperty(name)));
		return values;
	}

	/**
	 * Merge the documents of a YAML file; a document with {@code spring.config.activate.on-profile}
	 * counts only when one of its profiles is active, and later documents override earlier ones.
	 */
	private static Map<String, String> readYaml(Path file, List<String> profiles) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		Map<String, String> merged = new LinkedHashMap<>();
		for (Map<String, String> document : YamlFlattener.flattenDocuments(text)) {
			String onProfile = document.get("spring.config.activate.on-profile");
			if (onProfile == null || commaList(onProfile).stream().anyMatch(profiles::contains)) {
				merged.putAll(document);
			}
		}
		return merged;
	}

	/**
	 * One source of properties, keyed by a uniform form of the names so that Spring Boot's
	 * relaxed names match: {@code lock-timeout}, {@code lockTimeout} and {@code lock_timeout} are
	 * one key.
	 */
	private record Source(String name, Map<String, String> values) {

		static Source of(String name, Map<String, String> values) {
			Map<String, String> uniform = new LinkedHashMap<>();
			values.forEach((key, value) -> uniform.put(uniform(key), value));
			return new Source(name, uniform);
		}

		/**
		 * Environment variables in Spring Boot's form: upper case, dots become underscores,
		 * dashes are dropped ({@code migrations.lock-timeout} is {@code MIGRATIONS_LOCKTIMEOUT}).
		 */
		static Source ofEnvironment(Map<String, String> environment) {
			Map<String, String> uniform = new LinkedHashMap<>();
			environment.forEach((key, value) -> uniform.put(key.toLowerCase(Locale.ROOT).replace('_', '.'), value));
			return new Source("environment variables", uniform);
		}

		static String uniform(String key) {
			return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		}

		String get(String key) {
			return this.values.get(uniform(key));
		}

	}

}
