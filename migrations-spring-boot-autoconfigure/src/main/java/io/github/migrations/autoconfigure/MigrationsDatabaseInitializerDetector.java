package io.github.migrations.autoconfigure;

import java.util.Set;

import io.github.migrations.Migrations;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * {@link DatabaseInitializerDetector} for {@link Migrations} beans, so that beans which use the
 * database wait for an engine that user code may call while it is initialized.
 * <p>
 * Its order, {@value #ORDER}, is chosen on purpose. Spring Boot chains initializers by detector
 * order: the initializers found by one detector depend on those found by the previous one.
 * Flyway's and Liquibase's detectors use orders 0 and 1; sharing one of those orders would let
 * the classpath decide which tool runs first, and a Flyway that finds our tables in its schema
 * refuses to baseline. With an order above 1, Flyway and Liquibase (managing other tables) run
 * first; {@code schema.sql}/{@code data.sql} scripts (order {@code LOWEST_PRECEDENCE - 100}) run
 * after us and may insert into our tables; and every bean that depends on database
 * initialization ({@code JdbcTemplate}, {@code JdbcClient}, jOOQ, JPA) waits for all of them.
 *
 * @author Migrations contributors
 * @see MigrationsInitializerDatabaseInitializerDetector
 */
class MigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/**
	 * Order of this detector: after Flyway (0, 1) and Liquibase (0).
	 */
	static final int ORDER = 10;

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(Migrations.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
