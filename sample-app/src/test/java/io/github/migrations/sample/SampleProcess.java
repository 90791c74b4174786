package io.github.migrations.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link SampleApplication} started in a JVM of its own, with this module's class path, a
 * working directory, environment variables and arguments of the test's choosing, its output
 * (standard output and error) going to a file.
 *
 * @author Migrations contributors
 */
final class SampleProcess implements AutoCloseable {

	static final long TIMEOUT_SECONDS = 120;

	private final Process process;

	private final Path output;

	private SampleProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Start the sample.
	 * @param workingDirectory the working directory, against which the default
	 * {@code ./target/h2/sample} database is resolved
	 * @param environment variables added to the test's own
	 * @param arguments the application's arguments
	 * @return the running process
	 */
	static SampleProcess start(Path workingDirectory, Map<String, String> environment, String... arguments)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), SampleApplication.class.getName()));
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile(workingDirectory, "output", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		return new SampleProcess(builder.start(), output);
	}

	/**
	 * Wait for the process to exit by itself.
	 * @return its exit code
	 */
	int waitForExit() throws IOException, InterruptedException {
		if (!this.process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
			throw new AssertionError("The sample did not exit within " + TIMEOUT_SECONDS + "s:\n" + output());
		}
		return this.process.exitValue();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Return what the process printed so far.
	 * @return the output
	 */
	String output() throws IOException {
		return Files.readString(this.output);
	}

	/**
	 * Stop the process as Ctrl-C would (SIGTERM, a graceful shutdown), forcibly if it lingers.
	 */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
