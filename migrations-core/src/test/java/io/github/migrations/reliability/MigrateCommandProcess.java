package io.github.migrations.reliability;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.testsupport.SimpleDataSource;

/**
 * A separate JVM that runs one command line ({@code migrate ...}) as an application instance
 * would, printing Django's output, and exits with the command's exit code. Arguments: migrations
 * folder, JDBC URL, user, password, then the command line. With the system property
 * {@code reliability.pauseBefore} set, the first statement containing that text is held back: the
 * process prints {@code PAUSED} and sleeps, so a test can kill it there.
 */
public final class MigrateCommandProcess {

	static final String PAUSE_PROPERTY = "reliability.pauseBefore";

	private MigrateCommandProcess() {
	}

	public static void main(String[] args) {
		DataSource dataSource = new SimpleDataSource(args[1], args[2], args[3]);
		String pauseBefore = System.getProperty(PAUSE_PROPERTY);
		if (pauseBefore != null) {
			dataSource = PausingDataSource.wrap(dataSource, pauseBefore, MigrateCommandProcess::pause);
		}
		List<String> command = Arrays.asList(args).subList(4, args.length);
		int code = Migrations.configure()
			.dataSource(dataSource)
			.directory(Path.of(args[0]))
			.lockTimeout(Duration.ofSeconds(60))
			.load()
			.run(command, CommandOutput.of(System.out, System.out));
		System.out.flush();
		System.exit(code);
	}

	private static void pause(Statement statement) {
		System.out.println();
		System.out.println("PAUSED");
		System.out.flush();
		try {
			Thread.sleep(Duration.ofMinutes(2).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
