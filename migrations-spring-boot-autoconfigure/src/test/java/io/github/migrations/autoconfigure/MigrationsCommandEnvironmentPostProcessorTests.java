package io.github.migrations.autoconfigure;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static io.github.migrations.autoconfigure.MigrationsTestSupport.FIXTURES;
import static io.github.migrations.autoconfigure.MigrationsTestSupport.uniqueH2Url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsCommandEnvironmentPostProcessor} and the command mode of a whole
 * {@link SpringApplication}.
 *
 * @author Migrations contributors
 */
class MigrationsCommandEnvironmentPostProcessorTests {

	private final MigrationsCommandEnvironmentPostProcessor postProcessor =
			new MigrationsCommandEnvironmentPostProcessor();

	@Test
	void environmentWithoutCommandIsLeftAlone() {
		MockEnvironment environment = new MockEnvironment();
		int sources = environment.getPropertySources().size();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().size()).isEqualTo(sources);
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

	@Test
	void blankCommandIsNoCommand() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.command", " ");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

	@Test
	void commandTurnsTheWebServerOffWhateverIsConfigured() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs", Map.of("migrations.command", "migrate",
					"spring.main.web-application-type", "servlet")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getProperty("logging.level.root")).isEqualTo("warn");
	}

	@Test
	void quietDefaultsYieldToTheApplicationsConfiguration() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("migrations.command", "migrate",
					"logging.level.root", "info", "spring.main.banner-mode", "console")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.level.root")).isEqualTo("info");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("console");
	}

	@Test
	void applicationInCommandModeStartsNoWebServerAndRunsTheCommand() {
		SpringApplication application = new SpringApplication(WebApplication.class);
		try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + uniqueH2Url(),
				"--migrations.model-packages=" + FIXTURES, "--server.port=0",
				"--migrations.command=showmigrations shop")) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(context.getBeanNamesForType(MigrationsInitializer.class)).isEmpty();
			RecordingExit exit = context.getBean(RecordingExit.class);
			assertThat(exit.printed.toString()).isEqualTo("shop\n [ ] 0001_initial\n [ ] 0002_add_sku\n");
			assertThat(exit.codes).containsExactly(0);
		}
	}

	@Test
	void applicationWithoutCommandStartsItsWebServer() {
		SpringApplication application = new SpringApplication(WebApplication.class);
		try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + uniqueH2Url(),
				"--migrations.model-packages=" + FIXTURES, "--server.port=0")) {
			assertThat(context).isInstanceOf(WebServerApplicationContext.class);
			assertThat(context.getBean(RecordingExit.class).codes).isEmpty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
			MigrationsCommandAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class })
	static class WebApplication {

		@Bean
		RecordingExit recordingExit() {
			return new RecordingExit();
		}

		@Bean
		@ConditionalOnProperty("migrations.command")
		MigrationsCommandRunner recordingCommandRunner(Migrations migrations, RecordingExit exit,
				Environment environment) {
			return new MigrationsCommandRunner(migrations, environment.getRequiredProperty("migrations.command"),
					CommandOutput.capturing(exit.printed), exit.codes::add);
		}

	}

	static class RecordingExit {

		final StringWriter printed = new StringWriter();

		final List<Integer> codes = new ArrayList<>();

	}

}
