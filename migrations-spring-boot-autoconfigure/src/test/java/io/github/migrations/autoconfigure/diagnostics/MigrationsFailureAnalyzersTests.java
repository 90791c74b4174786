package io.github.migrations.autoconfigure.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.github.migrations.HalfAppliedMigrationException;
import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the failure analyzers: each engine error, raised by a real failing startup, is
 * analyzed by exactly one of the analyzers registered in {@code META-INF/spring.factories}.
 *
 * @author Migrations contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsFailureAnalyzersTests {

	private static final String FIXTURES = "io.github.migrations.autoconfigure.fixtures";

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.url, "migrations.model-packages=" + FIXTURES);

	@Test
	void inconsistentHistoryIsAnalyzed() {
		this.contextRunner.run((context) -> new JdbcTemplate(context.getBean(DataSource.class))
			.update("delete from migrations_history where app = 'shop' and name = '0001_initial'"));
		FailureAnalysis analysis = analyzeStartupFailure(this.contextRunner);
		assertThat(analysis.getDescription()).startsWith("Migrations were not applied because the migration history")
			.contains("Migration shop.0002_add_sku is applied before its dependency shop.0001_initial");
		assertThat(analysis.getAction()).contains("showmigrations")
			.contains("INSERT INTO migrations_history (app, name, applied) VALUES ('shop', '0001_initial', CURRENT_TIMESTAMP)")
			.contains("DELETE FROM migrations_history WHERE app = 'shop' AND name = '0002_add_sku'");
		new JdbcTemplate(new DriverManagerDataSource(this.url, "sa", ""))
			.update("INSERT INTO migrations_history (app, name, applied) VALUES ('shop', '0001_initial', CURRENT_TIMESTAMP)");
		this.contextRunner.run((context) -> assertThat(context).as("the action's INSERT resolves it").hasNotFailed());
	}

	@Test
	void changedAppliedFileIsAnalyzed(@TempDir Path location) throws IOException {
		for (String name : List.of("shop/0001_initial.yaml", "shop/0002_add_sku.yaml", "crm/0001_initial.yaml")) {
			Path file = location.resolve(name);
			Files.createDirectories(file.getParent());
			Files.write(file, new ClassPathResource("db/migrations/" + name).getContentAsByteArray());
		}
		ApplicationContextRunner runner = this.contextRunner
			.withPropertyValues("migrations.location=" + location.toUri());
		runner.run((context) -> assertThat(context).hasNotFailed());
		Path changed = location.resolve("shop/0002_add_sku.yaml");
		Files.writeString(changed, Files.readString(changed).replace("max_length: 20", "max_length: 30"));
		FailureAnalysis analysis = analyzeStartupFailure(runner);
		assertThat(analysis.getDescription()).contains("an applied migration file has changed")
			.contains("Migration shop.0002_add_sku was changed after it was applied")
			.doesNotContain("\nRestore");
		assertThat(analysis.getAction()).contains("new migration").contains("migrations.validate-checksums=false");
	}

	@Test
	void lockTimeoutIsAnalyzed() {
		this.contextRunner.run((context) -> {
			try (MigrationLock lock = MigrationLocks.acquire(context.getBean(DataSource.class), "migrations_history",
					Duration.ofSeconds(5))) {
				FailureAnalysis analysis = analyzeStartupFailure(
						this.contextRunner.withPropertyValues("migrations.lock-timeout=1"));
				assertThat(analysis.getDescription()).contains("the migration lock was not acquired")
					.contains("within 1s");
				assertThat(analysis.getAction()).contains("migrations.lock-timeout")
					.contains("migrations.migrate-on-startup=false");
			}
		});
	}

	@Test
	void irreversibleOperationIsAnalyzed() {
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(
				"migrations.location=classpath:db/shop-irreversible", "migrations.model-packages=" + FIXTURES + ".shop");
		runner.run((context) -> assertThat(context).hasNotFailed());
		FailureAnalysis analysis = analyzeStartupFailure(
				runner.withPropertyValues("migrations.target.app=shop", "migrations.target.migration=0001"));
		assertThat(analysis.getDescription()).contains("an operation cannot be reversed")
			.contains("in shop.0003_fill_sku is not reversible. Nothing was unapplied.");
		assertThat(analysis.getAction()).contains("'migrations.target.migration'").contains("reverse_sql");
	}

	@Test
	void halfAppliedMigrationIsAnalyzedWithItsWaysOut() {
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(
				"migrations.location=classpath:db/half-applied", "migrations.model-packages=" + FIXTURES + ".shop");
		runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("NO_SUCH_COLUMN");
		});
		FailureAnalysis analysis = analyzeStartupFailure(runner);
		assertThat(analysis.getDescription()).startsWith("Migrations were not applied because a migration was left half-applied")
			.contains("Migration shop.0002_add_sku was interrupted before it finished")
			.contains("H2 commits each DDL statement at once")
			.contains("was running when the run stopped")
			.contains("no_such_column")
			.doesNotContain("finish it:");
		assertThat(analysis.getAction()).contains("--migrations.command=")
			.contains("finish it:")
			.contains("'migrate shop 0002_add_sku --fake'")
			.contains("'sqlmigrate shop 0002_add_sku --backwards'")
			.contains("DELETE FROM \"MIGRATIONS_HISTORY_PROGRESS\"");
	}

	@Test
	void halfUnappliedMigrationIsAnalyzedAsSuch() {
		HalfAppliedMigrationException cause = new HalfAppliedMigrationException("""
				Migration shop.0002_add_sku was interrupted while it was being UNAPPLIED: the unapplying was started at \
				2026-11-24T20:36:17Z by pid 1 on vm and ran outside a transaction (H2 commits each DDL statement at once), \
				so it may be half-unapplied; it is still recorded as applied.
				Nothing more is migrated until this is resolved. Either
				  - finish unapplying it: ...; or
				  - re-apply it: ...
				""");
		FailureAnalysis analysis = new HalfAppliedMigrationFailureAnalyzer().analyze(cause);
		assertThat(analysis.getDescription())
			.startsWith("Migrations were not applied because a migration was left half-unapplied")
			.contains("was being UNAPPLIED")
			.doesNotContain("finish unapplying it:");
		assertThat(analysis.getAction()).contains("finish unapplying it:", "re-apply it:");
	}

	@Test
	void unmigratedModelChangesAreAnalyzed() {
		FailureAnalysis analysis = analyzeStartupFailure(this.contextRunner.withPropertyValues(
				"migrations.location=classpath:db/unmigrated", "migrations.model-packages=" + FIXTURES + ".shop",
				"migrations.unmigrated-changes=fail"));
		assertThat(analysis.getDescription()).contains("Your models in app(s): 'shop' have changes");
		assertThat(analysis.getAction()).contains("./mvnw migrations:makemigrations -Dargs=\"shop\"")
			.contains("'migrations.unmigrated-changes'");
	}

	@Test
	void unsafeMigrationIsAnalyzedAndNothingIsApplied() {
		this.contextRunner.withPropertyValues("migrations.target.app=shop", "migrations.target.migration=0001")
			.run((context) -> assertThat(context).hasNotFailed());
		FailureAnalysis analysis = analyzeStartupFailure(this.contextRunner.withPropertyValues("migrations.lint=fail"));
		assertThat(analysis.getDescription()).startsWith("Migrations were not applied because a pending migration is unsafe")
			.contains("shop.0002_add_sku, operation 1 (Add field sku to product): adding-required-field");
		assertThat(analysis.getAction()).contains("acknowledged: [rule]").contains("'migrations.lint' to 'warn'");
		assertThat(new JdbcTemplate(new DriverManagerDataSource(this.url, "sa", ""))
			.queryForList("SELECT app || '.' || name FROM migrations_history ORDER BY id", String.class))
			.containsExactly("shop.0001_initial");
	}

	@Test
	void unsafeRevertIsAnalyzedAsARevertAndNothingIsUnapplied() {
		ApplicationContextRunner runner = this.contextRunner
			.withPropertyValues("migrations.location=classpath:db/lint-acknowledged", "migrations.lint=fail");
		runner.run((context) -> assertThat(context).hasNotFailed());
		FailureAnalysis analysis = analyzeStartupFailure(
				runner.withPropertyValues("migrations.target.app=shop", "migrations.target.migration=0001"));
		assertThat(analysis.getDescription())
			.startsWith("Migrations were not unapplied because reverting to 'migrations.target.migration' is unsafe")
			.contains("shop.0002_add_sku, operation 1 (Undo Add field sku to product): dropping-column: Revert: ")
			.doesNotContain("pending")
			.doesNotContain("Make the change in a new migration");
		assertThat(analysis.getAction()).contains("cannot be edited")
			.contains("checksum")
			.contains("'migrations.lint' to 'warn' for this start")
			.doesNotContain("acknowledged: [rule]");
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(this.url, "sa", ""));
		assertThat(jdbc.queryForList("SELECT app || '.' || name FROM migrations_history WHERE app = 'shop' ORDER BY id",
				String.class))
			.containsExactly("shop.0001_initial", "shop.0002_add_sku");
		assertThat(jdbc.queryForList("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'SHOP_PRODUCT'"
				+ " AND COLUMN_NAME = 'SKU'", Integer.class)).containsExactly(1);
	}

	@Test
	void conflictingMigrationsAreAnalyzed() {
		FailureAnalysis analysis = analyzeStartupFailure(
				this.contextRunner.withPropertyValues("migrations.location=classpath:db/conflicting"));
		assertThat(analysis.getDescription()).contains("conflicting migrations")
			.contains("0002_add_sku, 0002_product_code in shop");
		assertThat(analysis.getAction()).contains("makemigrations -Dargs=--merge");
	}

	@Test
	void applicationThatFailsToStartPrintsTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.datasource.url=" + this.url,
				"--migrations.model-packages=" + FIXTURES, "--migrations.location=classpath:db/conflicting"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nMigrations were not applied because of conflicting migrations")
			.contains("Action:\n\nTwo migrations of the same app were made in parallel");
	}

	private static FailureAnalysis analyzeStartupFailure(ApplicationContextRunner runner) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		runner.run((context) -> {
			assertThat(context).hasFailed();
			failure.set(context.getStartupFailure());
		});
		List<FailureAnalysis> analyses = ourAnalyzers().stream()
			.map((analyzer) -> analyzer.analyze(failure.get()))
			.filter(Objects::nonNull)
			.toList();
		assertThat(analyses).as("analyses of %s", failure.get()).hasSize(1);
		return analyses.get(0);
	}

	private static List<FailureAnalyzer> ourAnalyzers() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(MigrationsFailureAnalyzersTests.class.getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.logging(LogFactory.getLog(MigrationsFailureAnalyzersTests.class)))
			.stream()
			.filter((analyzer) -> analyzer.getClass().getPackageName().equals(FailureDescriptions.class.getPackageName()))
			.toList();
		assertThat(analyzers).hasSize(8);
		return analyzers;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class FailingApplication {

	}

}
