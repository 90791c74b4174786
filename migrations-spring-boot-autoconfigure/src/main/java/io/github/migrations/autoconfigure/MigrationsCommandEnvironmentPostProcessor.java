package io.github.migrations.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * {@link EnvironmentPostProcessor} that prepares the command mode when {@code migrations.command}
 * is set (on the command line, in the environment as {@code MIGRATIONS_COMMAND}, or in a profile's
 * configuration): the application starts no web server, whatever else is configured, and by
 * default prints no banner, no startup information and only warnings from the logs, so its output
 * is the command's.
 *
 * @author Migrations contributors
 * @since 0.1
 * @see MigrationsCommandRunner
 */
public class MigrationsCommandEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The property that names the command to run.
	 */
	public static final String COMMAND_PROPERTY = "migrations.command";

	/**
	 * Name of the property source that forces what command mode needs.
	 */
	static final String FORCED_PROPERTY_SOURCE = "migrationsCommandMode";

	/**
	 * Name of the property source of the defaults that the application's configuration may override.
	 */
	static final String DEFAULTS_PROPERTY_SOURCE = "migrationsCommandModeDefaults";

	/**
	 * Runs after the application's configuration files have been read, so that a command set in
	 * a profile's configuration is seen.
	 */
	private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!StringUtils.hasText(environment.getProperty(COMMAND_PROPERTY))) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(FORCED_PROPERTY_SOURCE, Map.of("spring.main.web-application-type", "none")));
		environment.getPropertySources()
			.addLast(new MapPropertySource(DEFAULTS_PROPERTY_SOURCE, Map.of("spring.main.banner-mode", "off",
					"spring.main.log-startup-info", "false", "logging.level.root", "warn")));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
