package io.github.migrations.autoconfigure;

import io.github.migrations.Migrations;

/**
 * Strategy used to apply migrations at startup instead of {@link Migrations#migrate()}. Declare a
 * bean of this type to run other commands first, to publish availability events around a long
 * migration, or to skip migrating at startup altogether (a strategy that does nothing).
 * <p>
 * Implementations run while the application context is being refreshed, before any bean that
 * depends on database initialization (such as {@code JdbcTemplate}) is created.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@FunctionalInterface
public interface MigrationsStrategy {

	/**
	 * Apply migrations, or not, using the given engine.
	 * @param migrations the migrations engine
	 */
	void migrate(Migrations migrations);

}
