package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *
 * @since 0.1
 */
final class MigrationHeaders {

	private static final Pattern ITEM = Pattern.compile("( +)- ([A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z0-9_]+)");

	private static final Pattern KEY = Pattern.compile("(initial|atomic|replaces|dependencies|acknowledged):(?: (.*))?");

	private static final Pattern RULE = Pattern.compile("( +)- ([a-z][a-z0-9-]*)");

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
				Matcher rule = RULE.matcher(line);
				if (rule.matches() && (indent == null || indent.equals(rule.group(1)))
						&& Rule.fromCode(rule.group(2)) != null && !rules.contains(rule.group(2))) {
					indent = rule.group(1);
					rules.add(rule.group(2));
					continue;
				}
				if (rules.isEmpty()) {
					return null;
				}
				rules = null;
			}
			if (list != null) {
				Matcher item = ITEM.matcher(line);
				if (item.matches() && (indent == null || indent.equals(item.group(1)))) {
					indent = item.group(1);
					list.add(MigrationKey.parse(item.group(2)));
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
			Matcher key = KEY.matcher(line);
			if (!key.matches() || !seen.add(key.group(1))) {
				return null;
			}
			String value = key.group(2);
			if (key.group(1).equals("acknowledged")) {
				if (value != null) {
					return null;
				}
				rules = new ArrayList<>();
				acknowledged = rules;
				indent = null;
				continue;
			}
			switch (key.group(1)) {
				case "initial", "atomic" -> {
					if (!"true".equals(value) && !"false".equals(value)) {
						return null;
					}
					if (key.group(1).equals("initial")) {
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
					if (key.group(1).equals("dependencies")) {
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
