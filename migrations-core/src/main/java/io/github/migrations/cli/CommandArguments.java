package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Splits a command line given as one string (the build plugin's {@code -Dargs="blog 0002 --plan"},
 * the application's {@code migrations.command}) into Django's arguments: on whitespace, with single
 * or double quotes grouping words ({@code blog -n 'add title'}).
 *
 * @since 0.1
 */
public final class CommandArguments {

	private CommandArguments() {
	}

	/**
	 * Split a command line.
	 * @param line the text, may be {@code null} or blank
	 * @return the arguments, empty for a blank line
	 * @throws IllegalArgumentException if a quote is not closed
	 */
	public static List<String> split(@Nullable String line) {
		List<String> arguments = new ArrayList<>();
		if (line == null) {
			return arguments;
		}
		StringBuilder current = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (char c : line.toCharArray()) {
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				inWord = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					arguments.add(current.toString());
					current.setLength(0);
					inWord = false;
				}
			}
			else {
				current.append(c);
				inWord = true;
			}
		}
		if (quote != 0) {
			throw new IllegalArgumentException("Unclosed " + quote + " in arguments: " + line);
		}
		if (inWord) {
			arguments.add(current.toString());
		}
		return arguments;
	}

}
