package io.github.migrations.writer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders scalars for migration files so that any YAML 1.1 reader gives back exactly the same
 * text: identifiers are written plain, every other string in single quotes, and strings holding
 * line breaks or non-printable characters in double quotes with escapes.
 *
 * @since 0.1
 */
final class YamlScalars {

	private static final Pattern IDENTIFIER = Pattern.compile("-?[A-Za-z_][A-Za-z0-9_.]*");

	private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]*");

	/** Plain words YAML 1.1 reads as booleans or null; compared in lower case. */
	private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

	private YamlScalars() {
	}

	/**
	 * Return the scalar for a string: plain when it is an identifier that YAML reads as a
	 * string, quoted otherwise.
	 * @param value the string
	 * @return the YAML scalar
	 */
	static String string(String value) {
		if (IDENTIFIER.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
			return value;
		}
		return quoted(value);
	}

	/**
	 * Return the string always quoted.
	 * @param value the string
	 * @return the YAML scalar in single quotes, or double quotes when escapes are needed
	 */
	static String quoted(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (needsEscape(value, i)) {
				return doubleQuoted(value);
			}
		}
		return "'" + value.replace("'", "''") + "'";
	}

	/**
	 * Return the value as a plain integer when it is one, quoted otherwise.
	 * @param value the canonical text
	 * @return the YAML scalar
	 */
	static String integer(String value) {
		return INTEGER.matcher(value).matches() ? value : quoted(value);
	}

	/**
	 * Return the value as a plain boolean when it is {@code true} or {@code false}, quoted
	 * otherwise.
	 * @param value the canonical text
	 * @return the YAML scalar
	 */
	static String bool(String value) {
		return ("true".equals(value) || "false".equals(value)) ? value : quoted(value);
	}

	private static boolean needsEscape(String value, int index) {
		char c = value.charAt(index);
		if (Character.isHighSurrogate(c)) {
			return index + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(index + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return index == 0 || !Character.isHighSurrogate(value.charAt(index - 1));
		}
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
				|| c == '\uFFFE' || c == '\uFFFF';
	}

	private static String doubleQuoted(String value) {
		StringBuilder result = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> result.append("\\\"");
				case '\\' -> result.append("\\\\");
				case '\n' -> result.append("\\n");
				case '\t' -> result.append("\\t");
				case '\r' -> result.append("\\r");
				default -> {
					if (needsEscape(value, i)) {
						result.append(String.format("\\u%04X", (int) c));
					}
					else {
						result.append(c);
					}
				}
			}
		}
		return result.append('"').toString();
	}

}
