package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A {@code makemigrations} command line simple enough to read without picocli: app labels and
 * the options {@code --check}, {@code --dry-run}, {@code --empty}, {@code --merge},
 * {@code --noinput}, {@code -v N} and {@code -n NAME}, each at most once. Building picocli's
 * model of every command costs more than a tenth of a second in a fresh JVM, which is most of
 * {@code makemigrations --check} on a small project; for these lines picocli would give the
 * same values, so {@link ManagementUtility} runs the command with them directly.
 * <p>
 * Anything else (help, an option twice, {@code --name=x}, an argument file {@code @file}, a
 * label that is not an identifier, a value picocli might read otherwise) is left to picocli,
 * which also reports the errors.
 *
 * @param apps the app labels, in order
 * @param check {@code --check}
 * @param dryRun {@code --dry-run}
 * @param empty {@code --empty}
 * @param merge {@code --merge}
 * @param noInput {@code --noinput} or {@code --no-input}
 * @param verbosity {@code -v}/{@code --verbosity}, 1 when not given
 * @param name {@code -n}/{@code --name}, or {@code null}
 */
record SimpleMakeMigrations(List<String> apps, boolean check, boolean dryRun, boolean empty, boolean merge,
		boolean noInput, int verbosity, @Nullable String name) {

	/** The command names, never taken for a label or a value. */
	private static final Set<String> COMMANDS = Set.of("makemigrations", "migrate", "showmigrations", "sqlmigrate",
			"squashmigrations", "optimizemigration", "drift", "manage", "help");

	/**
	 * Read a command line, or return {@code null} when it is not one of the simple ones.
	 * @param args the command name and its arguments
	 * @return the values, or {@code null} to let picocli read the line
	 */
	static @Nullable SimpleMakeMigrations parse(List<String> args) {
		if (args.isEmpty() || !args.get(0).equals("makemigrations")) {
			return null;
		}
		Set<String> seen = new HashSet<>();
		List<String> apps = new ArrayList<>();
		boolean check = false;
		boolean dryRun = false;
		boolean empty = false;
		boolean merge = false;
		boolean noInput = false;
		int verbosity = 1;
		String name = null;
		for (int i = 1; i < args.size(); i++) {
			String arg = args.get(i);
			String option = arg;
			switch (arg) {
				case "--check" -> check = true;
				case "--dry-run" -> dryRun = true;
				case "--empty" -> empty = true;
				case "--merge" -> merge = true;
				case "--noinput", "--no-input" -> {
					option = "--noinput";
					noInput = true;
				}
				case "-v", "--verbosity" -> {
					String value = (i + 1 < args.size()) ? args.get(++i) : "";
					if (value.length() != 1 || value.charAt(0) < '0' || value.charAt(0) > '9') {
						return null;
					}
					option = "-v";
					verbosity = value.charAt(0) - '0';
				}
				case "-n", "--name" -> {
					String value = (i + 1 < args.size()) ? args.get(++i) : "";
					if (!isWord(value)) {
						return null;
					}
					option = "-n";
					name = value;
				}
				default -> {
					if (!isWord(arg)) {
						return null;
					}
					apps.add(arg);
					continue;
				}
			}
			if (!seen.add(option)) {
				return null;
			}
		}
		return new SimpleMakeMigrations(apps, check, dryRun, empty, merge, noInput, verbosity, name);
	}

	/**
	 * Return whether a label or value is an identifier that picocli can only take as it is.
	 */
	private static boolean isWord(String text) {
		if (text.isEmpty() || COMMANDS.contains(text) || Character.isDigit(text.charAt(0))) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				return false;
			}
		}
		return true;
	}

}
