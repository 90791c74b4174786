package io.github.migrations.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Starts reading the migration files (their checksums and headers, what a restart that applies
 * nothing compares with the history) as soon as the bean factory is post-processed, on a thread
 * of its own, while the rest of the context (the connection pool, the application's beans) is
 * being created; the {@code migrations} engine then uses the files read. Nothing is started in
 * command mode or with {@code migrations.migrate-on-startup=false}.
 *
 * @author Migrations contributors
 */
final class MigrationFilesReadAheadPostProcessor
		implements BeanFactoryPostProcessor, EnvironmentAware, ResourceLoaderAware, Ordered {

	/** The name of the {@link ReadAheadMigrationSource} registered. */
	static final String BEAN_NAME = "migrationsFilesReadAhead";

	private @Nullable Environment environment;

	private ResourceLoader resourceLoader = new DefaultResourceLoader();

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Environment environment = this.environment;
		if (environment == null || beanFactory.containsSingleton(BEAN_NAME)) {
			return;
		}
		if (!migratesOnStartup(environment)) {
			return;
		}
		Binder binder = Binder.get(environment);
		String location = binder.bind("migrations.location", String.class).orElse(new MigrationsProperties().getLocation());
		ReadAheadMigrationSource source = new ReadAheadMigrationSource(
				new ResourcePatternMigrationSource(new PathMatchingResourcePatternResolver(this.resourceLoader), location),
				location);
		source.start();
		beanFactory.registerSingleton(BEAN_NAME, source);
	}

	/**
	 * Whether pending migrations are applied while the context starts: not in command mode nor
	 * with {@code migrations.migrate-on-startup=false}.
	 * @param environment the environment
	 * @return whether migrations run at startup
	 */
	static boolean migratesOnStartup(Environment environment) {
		String command = environment.getProperty(MigrationsCommandEnvironmentPostProcessor.COMMAND_PROPERTY);
		boolean commandMode = command != null && !"false".equalsIgnoreCase(command);
		return !commandMode
				&& Binder.get(environment).bind("migrations.migrate-on-startup", Boolean.class).orElse(true);
	}

}
