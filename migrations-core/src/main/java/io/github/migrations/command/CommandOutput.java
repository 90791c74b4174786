package io.github.migrations.command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Where commands write: standard output for results, standard error for warnings and errors, and
 * a verbosity (0 to 3, Django's {@code -v}). Commands never print to {@code System.out} directly.
 *
 * @param out the normal output
 * @param err the error output
 * @param verbosity 0 quiet, 1 normal, 2 verbose, 3 very verbose
 * @since 0.1
 */
public record CommandOutput(PrintWriter out, PrintWriter err, int verbosity) {

	/**
	 * Return an output writing to the given streams at verbosity 1.
	 * @param out the normal output
	 * @param err the error output
	 * @return the output
	 */
	public static CommandOutput of(PrintStream out, PrintStream err) {
		return new CommandOutput(new PrintWriter(out, true), new PrintWriter(err, true), 1);
	}

	/**
	 * Return an output that captures both streams into the given writer, for tests and the
	 * actuator endpoint.
	 * @param both where to write
	 * @return the output
	 */
	public static CommandOutput capturing(StringWriter both) {
		PrintWriter writer = new PrintWriter(both, true);
		return new CommandOutput(writer, writer, 1);
	}

	public CommandOutput withVerbosity(int verbosity) {
		return new CommandOutput(this.out, this.err, verbosity);
	}

	/**
	 * Print a line on the normal output when verbosity is at least 1.
	 * @param line the line
	 */
	public void println(String line) {
		if (this.verbosity >= 1) {
			this.out.println(line);
		}
	}

	/**
	 * Print a line on the error output.
	 * @param line the line
	 */
	public void error(String line) {
		this.err.println(line);
	}

	/**
	 * Flush both streams.
	 */
	public void flush() {
		this.out.flush();
		this.err.flush();
	}

}
