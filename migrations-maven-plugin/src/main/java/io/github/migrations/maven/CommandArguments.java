package io.github.migrations.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the {@code -Dargs="blog 0002 --plan"} string into Django's arguments: on whitespace,
 * with single or double quotes grouping words ({@code -Dargs="blog -n 'add title'"}).
 */
final class CommandArguments {

	private CommandArguments() {
	}

	/**
	 * Split a command line.
	 * @param line the text, may be {@code null} or blank
	 * @return the arguments, empty for a blank line
	 * @throws IllegalArgumentException if a quote is not closed
	 */
	static List<String> split(String line) {
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
