package io.github.migrations.autoconfigure;

import java.util.List;
import java.util.function.IntConsumer;

import io.github.migrations.Migrations;
import io.github.migrations.cli.CommandArguments;
import io.github.migrations.command.CommandOutput;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.Ordered;

/**
 * {@link ApplicationRunner} of the command mode: runs the command line of
 * {@code migrations.command} (for example {@code migrate blog 0002}) as Django's
 * {@code manage.py} would, printing Django's output, then hands the command's exit code to the
 * exit action (the auto-configured one closes the context and exits the JVM with it). It runs
 * before the application's own runners.
 *
 * @author Migrations contributors
 * @since 0.1
 * @see MigrationsCommandEnvironmentPostProcessor
 */
public class MigrationsCommandRunner implements ApplicationRunner, ExitCodeGenerator, Ordered {

	/**
	 * Exit code when the command cannot run at all (no engine configured), as for bad usage.
	 */
	static final int NO_ENGINE_EXIT_CODE = 2;

	private final @Nullable Migrations migrations;

	private final String command;

	private final CommandOutput output;

	private final IntConsumer exit;

	private int exitCode;

	/**
	 * Create a new instance.
	 * @param migrations the engine, or {@code null} when the auto-configuration backed off
	 * @param command the command line, for example {@code migrate blog 0002}
	 * @param output where the command prints
	 * @param exit what to do with the exit code once the command has run
	 */
	public MigrationsCommandRunner(@Nullable Migrations migrations, String command, CommandOutput output,
			IntConsumer exit) {
		this.migrations = migrations;
		this.command = command;
		this.output = output;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exitCode = execute();
		this.output.flush();
		this.exit.accept(this.exitCode);
	}

	private int execute() {
		List<String> arguments;
		try {
			arguments = CommandArguments.split(this.command);
		}
		catch (IllegalArgumentException ex) {
			this.output.error("CommandError: migrations.command: " + ex.getMessage());
			return NO_ENGINE_EXIT_CODE;
		}
		if (this.migrations == null) {
			this.output.error("CommandError: cannot run '" + this.command + "': migrations are not configured. "
					+ "Check that migrations.enabled is not false and that a DataSource (spring.datasource.url) "
					+ "or migrations.url is configured.");
			return NO_ENGINE_EXIT_CODE;
		}
		return this.migrations.run(arguments, this.output);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
