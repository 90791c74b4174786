package io.github.migrations.autoconfigure;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.names;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what happens at startup when the application declares no {@link MigrationsStrategy}:
 * the {@code migrations.*} properties that {@link PropertiesMigrationsStrategy} follows.
 *
 * @author Migrations contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class PropertiesMigrationsStrategyTests {

	private static final String UNMIGRATED_WARNING = "Your models in app(s): 'shop' have changes that are not yet "
			+ "reflected in a migration, and so won't be applied.";

	private final String url = uniqueH2Url();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.url, "migrations.model-packages=" + FIXTURES);

	private final ApplicationContextRunner unmigratedRunner = this.contextRunner.withPropertyValues(
			"migrations.location=classpath:db/unmigrated", "migrations.model-packages=" + FIXTURES + ".shop");

	@Test
	void migrateOnStartupFalseKeepsTheEngineButAppliesNothing() {
		this.contextRunner.withPropertyValues("migrations.migrate-on-startup=false").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Migrations.class).hasSingleBean(MigrationsInitializer.class);
			Migrations migrations = context.getBean(Migrations.class);
			assertThat(names(migrations.status(), true)).isEmpty();
			assertThat(names(migrations.status(), false)).hasSize(3);
		});
	}

	@Test
	void targetAppAndMigrationLimitWhatIsApplied() {
		this.contextRunner.withPropertyValues("migrations.target.app=shop", "migrations.target.migration=0001")
			.run((context) -> assertThat(names(context.getBean(Migrations.class).status(), true))
				.containsExactly("shop.0001_initial"));
	}

	@Test
	void targetAppAloneMigratesThatAppToItsLatestMigration() {
		this.contextRunner.withPropertyValues("migrations.target.app=shop")
			.run((context) -> assertThat(names(context.getBean(Migrations.class).status(), true))
				.containsExactly("shop.0001_initial", "shop.0002_add_sku"));
	}

	@Test
	void targetBeforeAppliedMigrationsUnappliesThem() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("migrations.target.app=shop", "migrations.target.migration=0001")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(names(context.getBean(Migrations.class).status(), false)).containsExactly("shop.0002_add_sku");
				assertThat(columns(context.getBean(DataSource.class), "SHOP_PRODUCT")).doesNotContain("SKU");
			});
	}

	@Test
	void unsafeOperationsAreLoggedAsWarningsAndAppliedByDefault(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrations.target.app=shop", "migrations.target.migration=0001")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(names(context.getBean(Migrations.class).status(), false)).isEmpty();
		});
		assertThat(output).contains("WARN")
			.contains("Unsafe operation shop.0002_add_sku, operation 1 (Add field sku to product): adding-required-field: "
					+ "Column shop_product.sku is added NOT NULL");
	}

	@Test
	void targetMigrationWithoutAppFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.target.migration=0001").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("migrations.target.migration")
				.hasMessageContaining("migrations.target.app");
		});
	}

	@Test
	void fakeInitialAdoptsTablesThatAlreadyExist() {
		this.contextRunner.run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			jdbc.update("delete from migrations_history");
			jdbc.update("alter table shop_product drop column sku");
		});
		this.contextRunner.run((context) -> assertThat(context).hasFailed());
		this.contextRunner.withPropertyValues("migrations.fake-initial=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(names(context.getBean(Migrations.class).status(), true)).containsExactly("crm.0001_initial",
					"shop.0001_initial", "shop.0002_add_sku");
			assertThat(columns(context.getBean(DataSource.class), "SHOP_PRODUCT")).contains("SKU");
		});
	}

	@Test
	void unmigratedChangesAreLoggedAsAWarningByDefault(CapturedOutput output) {
		this.unmigratedRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(names(context.getBean(Migrations.class).status(), true)).containsExactly("shop.0001_initial");
		});
		assertThat(output).contains("WARN").contains(UNMIGRATED_WARNING).contains("Run 'makemigrations'");
	}

	@Test
	void unmigratedChangesWarningComesAfterMigratingSoStartupDoesNotWaitForIt(CapturedOutput output) {
		this.unmigratedRunner.run((context) -> assertThat(context).hasNotFailed());
		String log = output.toString();
		assertThat(log).contains("Applied 1 migration(s): shop.0001_initial").contains(UNMIGRATED_WARNING);
		assertThat(log.indexOf(UNMIGRATED_WARNING)).isGreaterThan(log.indexOf("Applied 1 migration(s)"));
	}

	@Test
	void unmigratedChangesAreLookedForOnceASpringApplicationIsReady(CapturedOutput output) {
		SpringApplication application = new SpringApplication(ReadyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + this.url,
				"--migrations.location=classpath:db/unmigrated", "--migrations.model-packages=" + FIXTURES + ".shop")) {
			assertThat(context.getBean(ReadyConfiguration.class).lookingWhileStarting).isFalse();
		}
		assertThat(output).contains(UNMIGRATED_WARNING);
		String log = output.toString();
		assertThat(log.indexOf(UNMIGRATED_WARNING)).isGreaterThan(log.indexOf("Applied 1 migration(s)"));
	}

	@Test
	void unmigratedChangesFailStartupBeforeMigratingWhenAskedTo() {
		this.unmigratedRunner.withPropertyValues("migrations.unmigrated-changes=fail").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(UnmigratedModelChangesException.class)
				.hasMessageContaining(UNMIGRATED_WARNING)
				.hasMessageContaining("Nothing was migrated");
		});
		this.contextRunner.withPropertyValues("migrations.migrate-on-startup=false")
			.run((context) -> assertThat(names(context.getBean(Migrations.class).status(), true)).isEmpty());
	}

	@Test
	void unmigratedChangesAreNotLookedForWhenIgnored(CapturedOutput output) {
		this.unmigratedRunner.withPropertyValues("migrations.unmigrated-changes=ignore")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(UNMIGRATED_WARNING);
	}

	@Test
	void modelsMatchingTheirMigrationsLogNoWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrations.unmigrated-changes=fail")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("have changes that are not yet reflected");
	}

	/**
	 * An application whose runner, which runs before the application is ready, notes whether
	 * the look for unmigrated changes has started.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class ReadyConfiguration {

		volatile boolean lookingWhileStarting = true;

		@Bean
		ApplicationRunner noteTheLook() {
			return (arguments) -> this.lookingWhileStarting = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.anyMatch((thread) -> thread.getName().equals("migrations-unmigrated-changes"));
		}

	}

	private static java.util.List<String> columns(DataSource dataSource, String table) {
		return new JdbcTemplate(dataSource).queryForList(
				"select column_name from information_schema.columns where table_name = ?", String.class, table);
	}

}
