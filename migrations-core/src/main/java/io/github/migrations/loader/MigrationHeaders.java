package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.migrations.lint.Rule;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * Reads what the migration graph needs from a file (dependencies, replaces, {@code initial},
 * {@code atomic}) without a YAML parser, when the file has the layout {@code makemigrations}
 * writes: comment lines, then {@code initial:}, {@code atomic:}, {@code replaces:} and
 * {@code dependencies:} (block lists of {@code app.name} or {@code []}), {@code acknowledged:}
 * (a block list of known rule codes), then
 * {@code operations:} as the last top-level key, whose value is not read.
 * <p>
 * Anything else (another key, a trailing comment, a flow list, a quoted entry, a value after
 * {@code operations}, a document marker) gives {@code null}: the caller then parses the whole
 * file. The lines accepted mean the same in YAML whatever follows them, so a file read here
 * gives the graph the full parse gives; its operations are not read, so such a migration can
 * only be used to plan, never to run.
 * <p>
 * The lines are matched by hand, not with regular expressions: this runs for every file of a
 * restart, usually as the first code of a fresh JVM, where a regular expression costs several
 * times a hand-written loop until the JIT has compiled it.
 *
 * @since 0.1
 */
final class MigrationHeaders {

	/** The top-level keys read before {@code operations:}. */
	private static final List<String> KEYS = List.of("initial", "atomic", "replaces", "dependencies", "acknowledged");

	private MigrationHeaders() {
	}

	/**
	 * Read the header of a file whose content is already normalised (see {@link Checksums}).
	 * @param resource the file
	 * @param normalized its normalised content
	 * @param checksum its checksum
	 * @return the migration without operations, or {@code null} when the file's layout is not
	 * the one read here
	 */
	static @Nullable Migration read(MigrationResource resource, String normalized, String checksum) {
		Set<String> seen = new HashSet<>();
		List<MigrationKey> dependencies = null;
		List<MigrationKey> replaces = List.of();
		Boolean initial = null;
		boolean atomic = true;
		List<MigrationKey> list = null;
		List<String> acknowledged = List.of();
		List<String> rules = null;
		String indent = null;
		// the lines one by one up to operations: the rest of the file is only scanned, never split
		int length = normalized.length();
		int next = 0;
		boolean operations = false;
		while (next <= length) {
			int end = normalized.indexOf('\n', next);
			if (end < 0) {
				end = length;
			}
			String line = normalized.substring(next, end);
			next = end + 1;
			if (line.isEmpty() || line.charAt(0) == '#') {
				continue;
			}
			if (rules != null) {
				int dash = itemStart(line);
				String code = (dash > 0 && isRuleCode(line, dash + 2)) ? line.substring(dash + 2) : null;
				if (code != null && (indent == null || indent.length() == dash) && Rule.fromCode(code) != null
						&& !rules.contains(code)) {
					indent = line.substring(0, dash);
					rules.add(code);
					continue;
				}
				if (rules.isEmpty()) {
					return null;
				}
				rules = null;
			}
			if (list != null) {
				int dash = itemStart(line);
				if (dash > 0 && isMigrationName(line, dash + 2) && (indent == null || indent.length() == dash)) {
					indent = line.substring(0, dash);
					list.add(MigrationKey.parse(line.substring(dash + 2)));
					continue;
				}
				if (list.isEmpty()) {
					return null;
				}
				list = null;
			}
			if (line.equals("operations:") || line.startsWith("operations: ")) {
				operations = true;
				break;
			}
			String name = keyOf(line);
			if (name == null || !seen.add(name)) {
				return null;
			}
			String value = (line.length() == name.length() + 1) ? null : line.substring(name.length() + 2);
			if (name.equals("acknowledged")) {
				if (value != null) {
					return null;
				}
				rules = new ArrayList<>();
				acknowledged = rules;
				indent = null;
				continue;
			}
			switch (name) {
				case "initial", "atomic" -> {
					if (!"true".equals(value) && !"false".equals(value)) {
						return null;
					}
					if (name.equals("initial")) {
						initial = Boolean.valueOf(value);
					}
					else {
						atomic = Boolean.parseBoolean(value);
					}
				}
				default -> {
					if (value != null && !value.equals("[]")) {
						return null;
					}
					List<MigrationKey> keys = new ArrayList<>();
					if (value == null) {
						list = keys;
						indent = null;
					}
					if (name.equals("dependencies")) {
						dependencies = keys;
					}
					else {
						replaces = keys;
					}
				}
			}
		}
		if (!operations || list != null || rules != null || dependencies == null || !onlyIndentedAfter(normalized, next)) {
			return null;
		}
		return new Migration(new MigrationKey(resource.app(), resource.name()), dependencies, replaces, List.of(), atomic,
				initial, checksum, resource.location(), acknowledged);
	}

	/**
	 * Return the key of a line {@code <key>:} or {@code <key>: <value>}, where the value holds no
	 * character that YAML or a regular expression's {@code .} takes for a line break, or
	 * {@code null}.
	 */
	private static @Nullable String keyOf(String line) {
		int colon = line.indexOf(':');
		if (colon < 0 || (colon + 1 < line.length() && line.charAt(colon + 1) != ' ')) {
			return null;
		}
		for (String key : KEYS) {
			if (key.length() == colon && line.startsWith(key)) {
				for (int i = colon + 2; i < line.length(); i++) {
					char c = line.charAt(i);
					if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
						return null;
					}
				}
				return key;
			}
		}
		return null;
	}

	/**
	 * Return where the {@code "- "} of a block list item starts (the length of its indentation
	 * of one or more spaces), or {@code -1} when the line is not such an item.
	 */
	private static int itemStart(String line) {
		int spaces = 0;
		while (spaces < line.length() && line.charAt(spaces) == ' ') {
			spaces++;
		}
		return (spaces > 0 && line.startsWith("- ", spaces)) ? spaces : -1;
	}

	/** Whether the rest of the line from {@code from} is {@code app.name}: an identifier, a dot, a word. */
	private static boolean isMigrationName(String line, int from) {
		int dot = line.indexOf('.', from);
		if (dot <= from || dot == line.length() - 1 || !isLetterOrUnderscore(line.charAt(from))) {
			return false;
		}
		for (int i = from + 1; i < line.length(); i++) {
			if (i != dot && !isWordCharacter(line.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** Whether the rest of the line from {@code from} is a rule code: a lower-case letter, then letters, digits or dashes. */
	private static boolean isRuleCode(String line, int from) {
		if (from >= line.length() || line.charAt(from) < 'a' || line.charAt(from) > 'z') {
			return false;
		}
		for (int i = from + 1; i < line.length(); i++) {
			char c = line.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isLetterOrUnderscore(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
	}

	private static boolean isWordCharacter(char c) {
		return isLetterOrUnderscore(c) || (c >= '0' && c <= '9');
	}

	/** Whether every line from {@code from} on is empty, indented or a comment. */
	private static boolean onlyIndentedAfter(String text, int from) {
		int start = from;
		while (start < text.length()) {
			char first = text.charAt(start);
			if (first != '\n' && first != ' ' && first != '#') {
				return false;
			}
			int end = text.indexOf('\n', start);
			if (end < 0) {
				return true;
			}
			start = end + 1;
		}
		return true;
	}

}
