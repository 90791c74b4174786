package io.github.migrations.maven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.lint.LintMode;

/**
 * What the plugin takes from the application's configuration: the same keys the Spring Boot
 * auto-configuration reads.
 *
 * @param url the JDBC URL ({@code migrations.url}, else {@code spring.datasource.url}), with a
 * relative H2 file path made absolute; {@code null} when none is configured
 * @param user the login user ({@code migrations.user}, else {@code spring.datasource.username})
 * @param password the login password ({@code migrations.password}, else
 * {@code spring.datasource.password})
 * @param urlOrigin the name of the property and the source the URL came from, for messages
 * @param modelPackages the packages to scan for models ({@code migrations.model-packages}); empty
 * to scan the module's compiled classes
 * @param table the history table ({@code migrations.table}), or {@code null} for the default
 * @param lockTimeout the lock timeout ({@code migrations.lock-timeout}, seconds unless a unit is
 * given), or {@code null} for the default
 * @param validateChecksums {@code migrations.validate-checksums}, or {@code null} for the default
 * @param lint {@code migrations.lint} ({@code warn}, {@code fail} or {@code ignore}), or
 * {@code null} for the default
 */
record MigrationsSettings(String url, String user, String password, String urlOrigin, List<String> modelPackages,
		String table, Duration lockTimeout, Boolean validateChecksums, LintMode lint) {

	private static final Pattern DURATION = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)?");

	/**
	 * Read the settings from the application's configuration.
	 * @param config the configuration
	 * @param baseDirectory the module's folder, against which relative H2 paths are resolved
	 * @return the settings
	 */
	static MigrationsSettings from(ApplicationConfig config, Path baseDirectory) {
		Optional<String> dedicated = config.get("migrations.url");
		String urlKey = dedicated.isPresent() ? "migrations.url" : "spring.datasource.url";
		String url = config.get(urlKey).map((value) -> JdbcUrls.resolveRelativeH2Path(value, baseDirectory))
			.orElse(null);
		String urlOrigin = config.origin(urlKey).map((origin) -> urlKey + " from " + origin).orElse(urlKey);
		String user = config.get("migrations.user").or(() -> config.get("spring.datasource.username")).orElse(null);
		String password = config.get("migrations.password")
			.or(() -> config.get("spring.datasource.password"))
			.orElse(null);
		return new MigrationsSettings(url, user, password, urlOrigin, config.getList("migrations.model-packages"),
				config.get("migrations.table").orElse(null),
				config.get("migrations.lock-timeout").map(MigrationsSettings::parseDuration).orElse(null),
				config.get("migrations.validate-checksums").map(Boolean::valueOf).orElse(null),
				config.get("migrations.lint").map(LintMode::of).orElse(null));
	}

	/**
	 * Parse a duration as Spring Boot does for {@code migrations.lock-timeout}: ISO-8601
	 * ({@code PT1M}), or a number with an optional unit ({@code ms}, {@code s}, {@code m},
	 * {@code h}, {@code d}); seconds when no unit is given.
	 * @param text the text
	 * @return the duration
	 */
	static Duration parseDuration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("p") || value.startsWith("-p")) {
			return Duration.parse(value.toUpperCase(Locale.ROOT));
		}
		Matcher matcher = DURATION.matcher(value);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a duration; use for example 30s, 2m or PT1M");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

}
