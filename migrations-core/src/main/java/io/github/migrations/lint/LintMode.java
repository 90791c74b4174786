package io.github.migrations.lint;

import java.util.Locale;

/**
 * What {@code migrate} does with the {@link MigrationLinter}'s findings on the pending migrations
 * (property {@code migrations.lint}, option {@code migrate --lint}).
 *
 * @since 0.1
 */
public enum LintMode {

	/** Do not lint: no findings are computed or shown. */
	IGNORE,

	/** Show the findings (in {@code migrate --plan}, makemigrations and the endpoint) and go on. */
	WARN,

	/**
	 * Show the findings and refuse to migrate, before anything is applied, when an error is not
	 * acknowledged by its migration.
	 */
	FAIL;

	/**
	 * Return the mode with the given name, in any case.
	 * @param name {@code ignore}, {@code warn} or {@code fail}
	 * @return the mode
	 * @throws IllegalArgumentException for another name, naming the valid ones
	 */
	public static LintMode of(String name) {
		for (LintMode mode : values()) {
			if (mode.name().equalsIgnoreCase(name.trim())) {
				return mode;
			}
		}
		throw new IllegalArgumentException("Unknown lint mode '" + name + "'; use ignore, warn or fail.");
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
