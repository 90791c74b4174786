package io.github.migrations.benchmarks;

import java.nio.file.Path;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * Runs the peers in-process the way their Spring Boot integrations do: Flyway's {@code migrate()}
 * on a configured {@link Flyway}, Liquibase's {@link SpringLiquibase}, with their defaults.
 */
public final class Peers {

	private Peers() {
	}

	/**
	 * Apply the Flyway migrations.
	 * @param dataSource the database
	 * @param files the migrations
	 * @return the number of migrations applied
	 */
	public static int flyway(DataSource dataSource, PeerFiles files) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + files.flyway())
			.load()
			.migrate().migrationsExecuted;
	}

	/**
	 * Apply the Liquibase changelog.
	 * @param dataSource the database
	 * @param files the changelog
	 * @throws Exception on failure
	 */
	public static void liquibase(DataSource dataSource, PeerFiles files) throws Exception {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(dataSource);
		liquibase.setChangeLog(changelogLocation(files.liquibaseChangelog()));
		liquibase.setResourceLoader(new DefaultResourceLoader());
		liquibase.afterPropertiesSet();
	}

	/**
	 * Return the changelog location as Spring Boot's {@code spring.liquibase.change-log} takes it;
	 * the same text in every run, since Liquibase identifies changesets by it.
	 * @param changelog the changelog file
	 * @return the location
	 */
	public static String changelogLocation(Path changelog) {
		return "file:" + changelog.toAbsolutePath();
	}

}
