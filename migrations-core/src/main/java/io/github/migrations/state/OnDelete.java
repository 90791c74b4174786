package io.github.migrations.state;

import org.jspecify.annotations.Nullable;

/**
 * What happens to rows that reference a deleted row, as Django's {@code on_delete}. The first
 * six are the application's: the database constraint is created without an action (as Django
 * does), and the behaviour is the application's. The three {@code DB_} values are the
 * database's (Django's database-level delete options, added after 5.2): the constraint is
 * created with {@code ON DELETE CASCADE}, {@code SET NULL} or {@code SET DEFAULT}, and the
 * application does nothing of its own.
 *
 * @since 0.1
 */
public enum OnDelete {

	CASCADE, PROTECT, RESTRICT, SET_NULL, SET_DEFAULT, DO_NOTHING,

	/** The database deletes the referencing rows ({@code ON DELETE CASCADE}). */
	DB_CASCADE,

	/** The database sets the referencing column to NULL ({@code ON DELETE SET NULL}). */
	DB_SET_NULL,

	/**
	 * The database sets the referencing column to its database default ({@code ON DELETE SET
	 * DEFAULT}).
	 */
	DB_SET_DEFAULT;

	/**
	 * Return the {@code ON DELETE} action the foreign key constraint is created with, or
	 * {@code null} for the application's rules (created without one).
	 * @return {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, or {@code null}
	 */
	public @Nullable String databaseRule() {
		return switch (this) {
			case DB_CASCADE -> "CASCADE";
			case DB_SET_NULL -> "SET NULL";
			case DB_SET_DEFAULT -> "SET DEFAULT";
			default -> null;
		};
	}

	/**
	 * Return the rule the database keeps for an {@code ON DELETE} action, or {@code null} where
	 * there is none ({@code NO ACTION}, {@code RESTRICT}: Django has no database-level rule for
	 * them).
	 * @param action the action in upper case, as {@link #databaseRule()} spells it
	 * @return the {@code DB_} rule, or {@code null}
	 */
	public static @Nullable OnDelete ofDatabaseRule(String action) {
		return switch (action) {
			case "CASCADE" -> DB_CASCADE;
			case "SET NULL" -> DB_SET_NULL;
			case "SET DEFAULT" -> DB_SET_DEFAULT;
			default -> null;
		};
	}

}
