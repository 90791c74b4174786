package io.github.migrations.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link SampleApplication} in command mode, as an operator would run the packaged
 * application ({@code java -jar sample-app.jar --migrations.command="migrate blog 0002"}): each
 * command runs in a JVM of its own with this module's class path, prints Django's output and
 * exits with the command's status. The HTTP port given to the application is held by the test,
 * so an application that started its web server would fail instead of exiting cleanly.
 *
 * @author Migrations contributors
 */
class SampleApplicationCommandModeTests {

	@TempDir
	Path directory;

	@Test
	void commandsRunAgainstTheConfiguredDatabaseAndExitWithTheirStatus() throws Exception {
		try (ServerSocket busyPort = new ServerSocket(0)) {
			String url = "jdbc:h2:file:" + this.directory.resolve("sample").toAbsolutePath();
			Run show = run(url, busyPort, "showmigrations");
			assertThat(show.exitCode()).as(show.output()).isZero();
			assertThat(show.output()).isEqualTo("""
					blog
					 [ ] 0001_initial
					 [ ] 0002_add_description
					 [ ] 0003_add_subscribers
					payroll
					 [ ] 0001_initial
					""");
			Run migrate = run(url, busyPort, "migrate");
			assertThat(migrate.exitCode()).as(migrate.output()).isZero();
			assertThat(migrate.output()).isEqualTo("""
					Operations to perform:
					  Apply all migrations: blog, payroll
					Running migrations:
					  Applying blog.0001_initial... OK
					  Applying blog.0002_add_description... OK
					  Applying blog.0003_add_subscribers... OK
					  Applying payroll.0001_initial... OK
					""");
			Run revert = run(url, busyPort, "migrate blog 0002");
			assertThat(revert.exitCode()).as(revert.output()).isZero();
			assertThat(revert.output()).contains("Target specific migration: 0002_add_description, from blog")
				.contains("  Unapplying blog.0003_add_subscribers... OK");
			// docs/command-mode.md shows this run and the next
			Run unknownTarget = run(url, busyPort, "migrate blog 0009");
			assertThat(unknownTarget.exitCode()).as(unknownTarget.output()).isEqualTo(1);
			assertThat(unknownTarget.output())
				.isEqualTo("CommandError: Cannot find a migration matching '0009' from app 'blog'.\n");
			Run unknownApp = run(url, busyPort, "showmigrations nosuch");
			assertThat(unknownApp.exitCode()).isEqualTo(2);
			assertThat(unknownApp.output()).isEqualTo("No installed app with label 'nosuch'.\n");
		}
	}

	private Run run(String url, ServerSocket busyPort, String command) throws IOException, InterruptedException {
		try (SampleProcess process = SampleProcess.start(this.directory, Map.of(), "--spring.datasource.url=" + url,
				"--server.port=" + busyPort.getLocalPort(), "--migrations.command=" + command)) {
			int exitCode = process.waitForExit();
			return new Run(exitCode, process.output());
		}
	}

	private record Run(int exitCode, String output) {

	}

}
