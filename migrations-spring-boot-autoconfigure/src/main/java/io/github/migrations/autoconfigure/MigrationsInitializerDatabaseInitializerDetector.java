package io.github.migrations.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * {@link DatabaseInitializerDetector} for {@link MigrationsInitializer} beans, the beans that
 * actually apply migrations at startup. It runs one step after
 * {@link MigrationsDatabaseInitializerDetector} (see there for why the order is above Flyway's
 * and Liquibase's), so the initializer comes after the engine bean and before
 * {@code schema.sql}/{@code data.sql} scripts and every bean that depends on database
 * initialization.
 *
 * @author Migrations contributors
 */
class MigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/**
	 * Order of this detector: right after {@link MigrationsDatabaseInitializerDetector}.
	 */
	static final int ORDER = MigrationsDatabaseInitializerDetector.ORDER + 1;

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
