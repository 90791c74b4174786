package io.github.migrations.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path, with its merged output collected line by line as it comes:
 * the application instances of the crash and concurrency tests.
 */
public final class JavaProcess implements AutoCloseable {

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final Thread reader;

	private final Writer input;

	private int position;

	private JavaProcess(Process process) {
		this.process = process;
		this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		this.reader = new Thread(this::read, "output of pid " + process.pid());
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Start a JVM running a main class.
	 * @param systemProperties {@code name=value} pairs passed as {@code -D} options
	 * @param mainClass the class
	 * @param args its arguments
	 * @return the running process
	 */
	public static JavaProcess start(List<String> systemProperties, Class<?> mainClass, List<String> args)
			throws IOException {
		List<String> options = new ArrayList<>();
		systemProperties.forEach((property) -> options.add("-D" + property));
		return startWithJvmOptions(options, mainClass, args);
	}

	/**
	 * Start a JVM running a main class with options of its own (such as {@code -Xlog:...}).
	 * @param jvmOptions the options, after the ones every child gets
	 * @param mainClass the class
	 * @param args its arguments
	 * @return the running process
	 */
	public static JavaProcess startWithJvmOptions(List<String> jvmOptions, Class<?> mainClass, List<String> args)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Xshare:auto");
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(args);
		return new JavaProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/**
	 * Start a JVM running a main class whose first arguments are a migrations folder and a
	 * database: the folder, the JDBC URL, the user and the password (empty for none).
	 * @param systemProperties {@code name=value} pairs passed as {@code -D} options
	 * @param mainClass the class
	 * @param folder the migrations folder
	 * @param dataSource the database
	 * @param more the arguments after those
	 * @return the running process
	 */
	public static JavaProcess start(List<String> systemProperties, Class<?> mainClass, Path folder,
			SimpleDataSource dataSource, List<String> more) throws IOException {
		List<String> args = new ArrayList<>(List.of(folder.toString(), dataSource.url(), dataSource.user(),
				(dataSource.password() != null) ? dataSource.password() : ""));
		args.addAll(more);
		return start(systemProperties, mainClass, args);
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				synchronized (this.output) {
					this.output.append(line).append('\n');
					this.output.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// the process was killed
		}
	}

	/**
	 * Wait until a line equal to {@code line} was printed.
	 * @param line the line
	 * @param timeout how long to wait
	 * @throws AssertionError when the line did not come in time (with the output so far)
	 */
	public void awaitLine(String line, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.output) {
			while (!("\n" + this.output).contains("\n" + line + "\n")) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || (!this.process.isAlive() && !this.reader.isAlive())) {
					throw new AssertionError("No line '" + line + "' within " + timeout + "; output:\n" + this.output);
				}
				this.output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
			}
		}
	}

	/**
	 * Wait for a line that starts with a prefix, after what {@code next} returned before.
	 * @param prefix the start of the line
	 * @param timeout how long to wait
	 * @return the output from the end of the previous section to the end of that line
	 * @throws AssertionError when no such line came in time (with the output so far)
	 */
	public String next(String prefix, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.output) {
			while (true) {
				String rest = this.output.substring(this.position);
				int start = ("\n" + rest).indexOf("\n" + prefix);
				int end = (start >= 0) ? rest.indexOf('\n', start) : -1;
				if (end >= 0) {
					this.position += end + 1;
					return rest.substring(0, end + 1);
				}
				long left = deadline - System.nanoTime();
				if (left <= 0 || (!this.process.isAlive() && !this.reader.isAlive())) {
					throw new AssertionError("No line starting '" + prefix + "' within " + timeout + "; output:\n" + this.output);
				}
				this.output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
			}
		}
	}

	/**
	 * Send a line to the process's standard input.
	 * @param line the line
	 */
	public void send(String line) throws IOException {
		this.input.write(line + "\n");
		this.input.flush();
	}

	/**
	 * Kill the process with SIGKILL, as {@code kill -9} does, and wait until it is gone.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Wait for the process to exit.
	 * @param timeout how long to wait
	 * @return the exit code
	 * @throws AssertionError when it did not exit in time
	 */
	public int waitFor(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("The process did not finish within " + timeout + "; output:\n" + output());
		}
		this.reader.join(5000);
		return this.process.exitValue();
	}

	/**
	 * Return what the process printed so far.
	 * @return the output
	 */
	public String output() {
		synchronized (this.output) {
			return this.output.toString();
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
