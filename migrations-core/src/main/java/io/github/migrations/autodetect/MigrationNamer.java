package io.github.migrations.autodetect;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.operation.Operation;
import org.jspecify.annotations.Nullable;

/**
 * Django's migration naming: numbers ({@code parse_number}) and automatic names
 * ({@code suggest_name}).
 *
 * @since 0.1
 */
public final class MigrationNamer {

	private static final Pattern SQUASHED = Pattern.compile(".*_squashed_(\\d+).*");

	private static final Pattern LEADING_DIGITS = Pattern.compile("^(\\d+).*");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");

	private MigrationNamer() {
	}

	/**
	 * Return the number of a migration name: the number after {@code _squashed_} if any, else
	 * the leading digits, else 0.
	 * @param name the migration name
	 * @return the number
	 */
	public static int parseNumber(String name) {
		Matcher squashed = SQUASHED.matcher(name);
		if (squashed.matches()) {
			return Integer.parseInt(squashed.group(1));
		}
		Matcher digits = LEADING_DIGITS.matcher(name);
		return digits.matches() ? Integer.parseInt(digits.group(1)) : 0;
	}

	/**
	 * Return Django's suggested name fragment for a migration.
	 * @param operations the operations
	 * @param initial whether it is an initial migration
	 * @param now the current local time (for {@code auto_} names)
	 * @return the name fragment, without the number
	 */
	public static String suggestName(List<Operation> operations, boolean initial, LocalDateTime now) {
		if (initial) {
			return "initial";
		}
		String auto = "auto_" + TIMESTAMP.format(now);
		if (operations.isEmpty()) {
			return auto;
		}
		StringBuilder name = new StringBuilder();
		for (Operation operation : operations) {
			@Nullable String fragment = operation.migrationNameFragment();
			if (fragment == null) {
				return auto;
			}
			String cleaned = fragment.replaceAll("\\W+", "_");
			if (name.length() > 0 && name.length() + 1 + cleaned.length() > 52) {
				return name + "_and_more";
			}
			if (name.length() > 0) {
				name.append('_');
			}
			name.append(cleaned);
		}
		return name.toString();
	}

	/**
	 * Format a migration name from its number and fragment: {@code 0002_employee_email}.
	 * @param number the number
	 * @param fragment the name fragment
	 * @return the name
	 */
	public static String name(int number, String fragment) {
		String full = String.format("%04d_%s", number, fragment);
		return (full.length() > 105) ? full.substring(0, 105) : full;
	}

}
