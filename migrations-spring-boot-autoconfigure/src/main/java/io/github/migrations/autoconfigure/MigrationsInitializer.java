package io.github.migrations.autoconfigure;

import java.util.stream.Collectors;

import io.github.migrations.MigrateResult;
import io.github.migrations.Migrations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * {@link InitializingBean} that applies pending migrations when it is initialized, through
 * {@link Migrations#migrate()} or a {@link MigrationsStrategy} if one is given. Beans that use the
 * database (such as {@code JdbcTemplate}, {@code JdbcClient}, jOOQ's {@code DSLContext} or JPA's
 * {@code EntityManagerFactory}) are made to depend on this bean, so they see the migrated schema.
 *
 * @author Migrations contributors
 * @since 0.1
 */
public class MigrationsInitializer implements InitializingBean, Ordered {

	private static final Log logger = LogFactory.getLog(MigrationsInitializer.class);

	private final Migrations migrations;

	private final @Nullable MigrationsStrategy migrationsStrategy;

	private int order = 0;

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
	 * @param migrationsStrategy the strategy used to migrate, or {@code null} to call
	 * {@link Migrations#migrate()}
	 */
	public MigrationsInitializer(Migrations migrations, @Nullable MigrationsStrategy migrationsStrategy) {
		Assert.notNull(migrations, "'migrations' must not be null");
		this.migrations = migrations;
		this.migrationsStrategy = migrationsStrategy;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.migrationsStrategy != null) {
			this.migrationsStrategy.migrate(this.migrations);
			return;
		}
		MigrateResult result = this.migrations.migrate();
		if (result.applied().isEmpty() && result.unapplied().isEmpty()) {
			logger.info("No migrations to apply");
			return;
		}
		if (!result.applied().isEmpty()) {
			logger.info("Applied " + result.applied().size() + " migration(s): "
					+ result.applied().stream().map(Object::toString).collect(Collectors.joining(", ")));
		}
		if (!result.unapplied().isEmpty()) {
			logger.info("Unapplied " + result.unapplied().size() + " migration(s): "
					+ result.unapplied().stream().map(Object::toString).collect(Collectors.joining(", ")));
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
