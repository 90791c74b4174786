package io.github.migrations.lint;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rules of the {@link MigrationLinter}, each with a stable code used in output, in the
 * {@code acknowledged:} list of a migration file and in the documentation ({@code docs/lint.md}).
 * Codes never change meaning; a rule that is dropped keeps its code reserved.
 *
 * @since 0.1
 */
public enum Rule {

	/** A NOT NULL column without a database default is added to an existing table. */
	ADDING_REQUIRED_FIELD("adding-required-field"),

	/** A column whose default is computed per row (a sequence) is added to an existing table. */
	ADDING_FIELD_WITH_VOLATILE_DEFAULT("adding-field-with-volatile-default"),

	/** An index is built on an existing table without {@code CONCURRENTLY}. */
	ADDING_INDEX_NON_CONCURRENTLY("adding-index-non-concurrently"),

	/** A unique constraint (and its index) is added to an existing table. */
	ADDING_UNIQUE_CONSTRAINT("adding-unique-constraint"),

	/** A foreign key is added to an existing table and every row is checked at once. */
	ADDING_FOREIGN_KEY_CONSTRAINT("adding-foreign-key-constraint"),

	/** A check constraint is added to an existing table and every row is checked at once. */
	ADDING_CHECK_CONSTRAINT("adding-check-constraint"),

	/** An existing column becomes NOT NULL. */
	SETTING_NOT_NULL("setting-not-null"),

	/** A column's type changes in a way that rewrites or copies the table. */
	CHANGING_COLUMN_TYPE("changing-column-type"),

	/** A column is renamed while running code still uses the old name. */
	RENAMING_COLUMN("renaming-column"),

	/** A table is renamed while running code still uses the old name. */
	RENAMING_TABLE("renaming-table"),

	/** A column is dropped: its data is lost and running code may still read it. */
	DROPPING_COLUMN("dropping-column"),

	/** A table is dropped: its data is lost and running code may still read it. */
	DROPPING_TABLE("dropping-table");

	private final String code;

	Rule(String code) {
		this.code = code;
	}

	/**
	 * Return the stable code, for example {@code adding-required-field}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Return the rule with the given code.
	 * @param code the code
	 * @return the rule, or {@code null} when no rule has that code
	 */
	public static @Nullable Rule fromCode(String code) {
		return Arrays.stream(values()).filter((rule) -> rule.code.equals(code)).findFirst().orElse(null);
	}

	/**
	 * Return every rule's code, in declaration order.
	 * @return the codes
	 */
	public static List<String> codes() {
		return Arrays.stream(values()).map(Rule::code).toList();
	}

	@Override
	public String toString() {
		return this.code;
	}

}
