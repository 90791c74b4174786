package io.github.migrations.benchmarks.startup;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * What one startup process has: the baseline (no migration tool) or one tool's Spring Boot
 * starter, with the other tools' jars removed from its class path, the properties it needs and
 * the names of the beans that do its work.
 */
public enum StartupVariant {

	/** No migration tool: what the application's context costs by itself. */
	BASELINE(List.of(), List.of()),

	/** Our starter, with its defaults (unmigrated model changes: warn). */
	OURS(List.of("migrations-spring-boot-autoconfigure", "migrations-spring-boot-starter"),
			List.of("migrations", "migrationsInitializer")),

	/** Our starter, not looking for unmigrated model changes ({@code migrations.unmigrated-changes=ignore}). */
	OURS_IGNORE_CHANGES(OURS.jars, OURS.beans, "--migrations.unmigrated-changes=ignore"),

	/** Spring Boot's Flyway starter. */
	FLYWAY(List.of("spring-boot-flyway", "spring-boot-starter-flyway", "flyway-core", "flyway-database-postgresql"),
			List.of("flyway", "flywayInitializer")),

	/** Spring Boot's Liquibase starter. */
	LIQUIBASE(List.of("spring-boot-liquibase", "spring-boot-starter-liquibase", "liquibase-core"),
			List.of("liquibase"));

	private final List<String> jars;

	private final List<String> beans;

	private final List<String> arguments;

	StartupVariant(List<String> jars, List<String> beans, String... arguments) {
		this.jars = jars;
		this.beans = beans;
		this.arguments = List.of(arguments);
	}

	/**
	 * Return the extra application arguments of this variant.
	 * @return the arguments
	 */
	public List<String> arguments() {
		return this.arguments;
	}

	/**
	 * Return the subject name used in the results.
	 * @return for example {@code flyway}
	 */
	public String subject() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/**
	 * Return the names of the beans whose creation is the tool's work.
	 * @return the bean names
	 */
	public List<String> beans() {
		return this.beans;
	}

	/**
	 * Return a class path without the other tools' jars (and folders).
	 * @param classPath a class path holding every tool
	 * @return the class path of this variant
	 */
	public String classPath(String classPath) {
		List<String> kept = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			boolean other = false;
			for (StartupVariant variant : values()) {
				if (variant.jars != this.jars && variant.owns(entry)) {
					other = true;
				}
			}
			if (!other) {
				kept.add(entry);
			}
		}
		return String.join(File.pathSeparator, kept);
	}

	private boolean owns(String entry) {
		String name = entry.replace('\\', '/');
		int jar = name.lastIndexOf('/');
		String file = name.endsWith(".jar") ? name.substring(jar + 1) : name;
		return this.jars.stream().anyMatch((marker) -> file.startsWith(marker + "-") || file.contains("/" + marker + "/"));
	}

}
