package io.github.migrations.autoconfigure;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the command mode: when
 * {@code migrations.command} is set, a {@link MigrationsCommandRunner} runs that command once the
 * application has started, prints its output and exits the JVM with its exit code. The
 * application then starts no web server ({@link MigrationsCommandEnvironmentPostProcessor}) and
 * applies nothing at startup (no {@link MigrationsInitializer}).
 *
 * @author Migrations contributors
 * @since 0.1
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(Migrations.class)
@ConditionalOnProperty(MigrationsCommandEnvironmentPostProcessor.COMMAND_PROPERTY)
public final class MigrationsCommandAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsCommandRunner migrationsCommandRunner(ObjectProvider<Migrations> migrations,
			ConfigurableApplicationContext context) {
		String command = context.getEnvironment()
			.getRequiredProperty(MigrationsCommandEnvironmentPostProcessor.COMMAND_PROPERTY);
		return new MigrationsCommandRunner(migrations.getIfUnique(), command,
				CommandOutput.of(System.out, System.err),
				(exitCode) -> System.exit(SpringApplication.exit(context, () -> exitCode)));
	}

}
