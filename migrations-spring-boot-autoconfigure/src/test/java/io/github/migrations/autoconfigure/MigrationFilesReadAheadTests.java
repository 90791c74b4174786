package io.github.migrations.autoconfigure;

import io.github.migrations.Migrations;
import io.github.migrations.loader.DirectoryMigrationSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.names;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationFilesReadAheadPostProcessor}: the migration files read while the
 * context starts are the engine's.
 *
 * @author Migrations contributors
 */
class MigrationFilesReadAheadTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + uniqueH2Url(), "migrations.model-packages=" + FIXTURES);

	@Test
	void theEngineReadsTheFilesReadWhileTheContextStarted() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasBean(MigrationFilesReadAheadPostProcessor.BEAN_NAME);
			Migrations migrations = context.getBean(Migrations.class);
			assertThat(migrations.configuration().source())
				.isSameAs(context.getBean(MigrationFilesReadAheadPostProcessor.BEAN_NAME));
			assertThat(names(migrations.status(), true)).hasSize(3);
		});
	}

	@Test
	void anotherLocationIsReadWhereItIs() {
		this.contextRunner.withPropertyValues("migrations.location=classpath:db/unmigrated",
				"migrations.model-packages=" + FIXTURES + ".shop", "migrations.unmigrated-changes=ignore")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Migrations migrations = context.getBean(Migrations.class);
				assertThat(migrations.configuration().source())
					.isSameAs(context.getBean(MigrationFilesReadAheadPostProcessor.BEAN_NAME));
				assertThat(names(migrations.status(), true)).containsExactly("shop.0001_initial");
			});
	}

	@Test
	void aSourceFromACustomizerReplacesTheFilesReadAhead() {
		this.contextRunner
			.withBean(MigrationsConfigurationCustomizer.class,
					() -> (builder) -> builder.source(new DirectoryMigrationSource(java.nio.file.Path.of("missing"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrations.class).configuration().source())
					.isInstanceOf(DirectoryMigrationSource.class);
				assertThat(names(context.getBean(Migrations.class).status(), true)).isEmpty();
			});
	}

	@Test
	void nothingIsReadAheadWhenNothingIsMigratedAtStartup() {
		this.contextRunner.withPropertyValues("migrations.migrate-on-startup=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationFilesReadAheadPostProcessor.BEAN_NAME));
		this.contextRunner.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationFilesReadAheadPostProcessor.BEAN_NAME));
	}

}
