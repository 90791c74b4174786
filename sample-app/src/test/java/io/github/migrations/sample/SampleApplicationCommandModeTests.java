package io.github.migrations.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

	private static final long TIMEOUT_SECONDS = 120;

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
			Run unknownApp = run(url, busyPort, "showmigrations nosuch");
			assertThat(unknownApp.exitCode()).isEqualTo(2);
			assertThat(unknownApp.output()).contains("No installed app with label 'nosuch'.");
		}
	}

	private Run run(String url, ServerSocket busyPort, String command) throws IOException, InterruptedException {
		Path output = Files.createTempFile(this.directory, "output", ".txt");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SampleApplication.class.getName(),
				"--spring.datasource.url=" + url, "--server.port=" + busyPort.getLocalPort(),
				"--migrations.command=" + command)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError("'" + command + "' did not exit within " + TIMEOUT_SECONDS + "s:\n"
					+ Files.readString(output));
		}
		return new Run(process.exitValue(), Files.readString(output));
	}

	private record Run(int exitCode, String output) {

	}

}
