package io.github.migrations.autoconfigure;

import java.time.Duration;

import io.github.migrations.Migrations;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * {@link InitializingBean} that applies pending migrations when it is initialized, through a
 * {@link MigrationsStrategy}: the application's, or the one the {@code migrations.*} properties
 * describe. Beans that use the database (such as {@code JdbcTemplate}, {@code JdbcClient}, jOOQ's
 * {@code DSLContext} or JPA's {@code EntityManagerFactory}) are made to depend on this bean, so
 * they see the migrated schema.
 * <p>
 * With the default strategy, the look for model changes that no migration reflects yet
 * ({@code migrations.unmigrated-changes=warn}) starts on a background thread once the
 * application is ready ({@link ApplicationReadyEvent}; when no {@code SpringApplication} started
 * the context, once it is refreshed), so that it competes with nothing of the startup.
 *
 * @author Migrations contributors
 * @since 0.1
 */
public class MigrationsInitializer
		implements InitializingBean, DisposableBean, Ordered, ApplicationContextAware, ApplicationListener<ApplicationEvent> {

	/** The bean that {@code SpringApplication} registers, whose context gets an {@link ApplicationReadyEvent}. */
	private static final String SPRING_APPLICATION_ARGUMENTS = "springApplicationArguments";

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

	private final Migrations migrations;

	private final @Nullable MigrationsStrategy migrationsStrategy;

	private @Nullable MigrationsStrategy usedStrategy;

	private int order = 0;

	private @Nullable ApplicationContext applicationContext;

	/**
	 * Create a new {@link MigrationsInitializer} instance.
	 * @param migrations the migrations engine
	 */
	public MigrationsInitializer(Migrations migrations) {
		this(migrations, null);
	}

	/**
	 * Create a new {@link MigrationsInitializer} instance.
	 * @param migrations the migrations engine
	 * @param migrationsStrategy the strategy used to migrate, or {@code null} to migrate every
	 * app to its latest migration, warning about unmigrated model changes
	 */
	public MigrationsInitializer(Migrations migrations, @Nullable MigrationsStrategy migrationsStrategy) {
		Assert.notNull(migrations, "'migrations' must not be null");
		this.migrations = migrations;
		this.migrationsStrategy = migrationsStrategy;
	}

	@Override
	public void afterPropertiesSet() {
		MigrationsStrategy strategy = (this.migrationsStrategy != null) ? this.migrationsStrategy
				: PropertiesMigrationsStrategy.defaults();
		this.usedStrategy = strategy;
		if (this.applicationContext != null && strategy instanceof PropertiesMigrationsStrategy properties) {
			properties.deferUnmigratedChangesCheck();
		}
		strategy.migrate(this.migrations);
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	/**
	 * Start the look for unmigrated model changes when the application is ready, or, in a
	 * context that no {@code SpringApplication} started, when the context is refreshed.
	 * @param event the event
	 */
	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		ApplicationContext context = this.applicationContext;
		if (!(this.usedStrategy instanceof PropertiesMigrationsStrategy strategy) || context == null) {
			return;
		}
		boolean ready = event instanceof ApplicationReadyEvent readyEvent && readyEvent.getApplicationContext() == context;
		boolean refreshed = event instanceof ContextRefreshedEvent refreshedEvent
				&& refreshedEvent.getApplicationContext() == context && !context.containsBean(SPRING_APPLICATION_ARGUMENTS);
		if (ready || refreshed) {
			strategy.startUnmigratedChangesCheck();
		}
	}

	/**
	 * Wait (at most 30 seconds) for a look for unmigrated model changes still running in the
	 * background, so that its warning is not lost when the application stops right away.
	 * @throws InterruptedException if interrupted while waiting
	 */
	@Override
	public void destroy() throws InterruptedException {
		if (this.usedStrategy instanceof PropertiesMigrationsStrategy strategy) {
			strategy.awaitUnmigratedChangesCheck(CHECK_TIMEOUT);
		}
	}

	/**
	 * Return the migrations engine.
	 * @return the migrations engine
	 */
	public Migrations getMigrations() {
		return this.migrations;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Set the order of this initializer relative to other {@link Ordered} beans.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

}
