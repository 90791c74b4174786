package io.github.migrations.autoconfigure;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.names;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsCommandAutoConfiguration} and the {@link MigrationsCommandRunner} it
 * defines.
 *
 * @author Migrations contributors
 */
class MigrationsCommandAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsCommandAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + uniqueH2Url(), "migrations.model-packages=" + FIXTURES);

	private final StringWriter printed = new StringWriter();

	private final List<Integer> exitCodes = new ArrayList<>();

	@Test
	void backsOffWithoutACommand() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(MigrationsCommandRunner.class)
			.hasSingleBean(MigrationsInitializer.class));
	}

	@Test
	void backsOffWhenTheEngineIsNotOnTheClasspath() {
		this.contextRunner.withPropertyValues("migrations.command=showmigrations")
			.withClassLoader(new FilteredClassLoader(Migrations.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsCommandRunner.class));
	}

	@Test
	void commandDefinesARunnerAndNothingIsAppliedAtStartup() {
		this.contextRunner.withPropertyValues("migrations.command=showmigrations").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(MigrationsCommandRunner.class)
				.hasSingleBean(Migrations.class)
				.doesNotHaveBean(MigrationsInitializer.class);
			assertThat(names(context.getBean(Migrations.class).status(), true)).isEmpty();
		});
	}

	@Test
	void userDefinedRunnerReplacesOurs() {
		this.contextRunner.withPropertyValues("migrations.command=showmigrations")
			.withBean("customRunner", MigrationsCommandRunner.class,
					() -> new MigrationsCommandRunner(null, "showmigrations", CommandOutput.capturing(this.printed),
							this.exitCodes::add))
			.run((context) -> assertThat(context).hasSingleBean(MigrationsCommandRunner.class)
				.hasBean("customRunner"));
	}

	@Test
	void runnerRunsTheCommandAndHandsOverItsExitCode() {
		this.contextRunner.withPropertyValues("migrations.command=migrate shop 0001").run((context) -> {
			MigrationsCommandRunner runner = runner(context.getBean(Migrations.class), "migrate shop 0001");
			runner.run(new DefaultApplicationArguments());
			assertThat(this.printed.toString()).contains("Target specific migration: 0001_initial, from shop")
				.contains("Applying shop.0001_initial... OK");
			assertThat(this.exitCodes).containsExactly(0);
			assertThat(runner.getExitCode()).isZero();
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForObject("select count(*) from migrations_history", Integer.class)).isOne();
		});
	}

	@Test
	void failingCommandPrintsDjangosErrorAndHandsOverItsExitCode() {
		this.contextRunner.withPropertyValues("migrations.command=migrate nosuch").run((context) -> {
			runner(context.getBean(Migrations.class), "migrate nosuch").run(new DefaultApplicationArguments());
			assertThat(this.printed.toString()).contains("CommandError: No installed app with label 'nosuch'.");
			assertThat(this.exitCodes).containsExactly(1);
		});
	}

	@Test
	void quotedWordsAreOneArgument() {
		this.contextRunner.withPropertyValues("migrations.command=showmigrations").run((context) -> {
			runner(context.getBean(Migrations.class), "showmigrations 'shop'").run(new DefaultApplicationArguments());
			assertThat(this.printed.toString()).contains("shop\n [ ] 0001_initial\n [ ] 0002_add_sku").doesNotContain("crm");
			assertThat(this.exitCodes).containsExactly(0);
		});
	}

	@Test
	void unclosedQuoteIsABadUsage() {
		runner(null, "migrate shop '0001").run(new DefaultApplicationArguments());
		assertThat(this.printed.toString()).contains("CommandError: migrations.command: Unclosed '");
		assertThat(this.exitCodes).containsExactly(2);
	}

	@Test
	void missingEngineIsReportedInsteadOfSucceeding() {
		runner(null, "migrate").run(new DefaultApplicationArguments());
		assertThat(this.printed.toString()).contains("CommandError: cannot run 'migrate': migrations are not configured");
		assertThat(this.exitCodes).containsExactly(2);
	}

	private MigrationsCommandRunner runner(@Nullable Migrations migrations, String command) {
		return new MigrationsCommandRunner(migrations, command, CommandOutput.capturing(this.printed),
				this.exitCodes::add);
	}

}
