package io.github.migrations.state;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A named table constraint of a model: unique over fields, or a check.
 *
 * @since 0.1
 */
public sealed interface ConstraintState {

	/**
	 * Return the constraint name.
	 * @return the name
	 */
	String name();

	/**
	 * Unique over one or more fields, optionally only where a condition holds (PostgreSQL and
	 * SQLite create a partial unique index for that).
	 * @param name the constraint name
	 * @param fields the field names
	 * @param condition a SQL condition, or {@code null}
	 */
	record Unique(String name, List<String> fields, @Nullable String condition) implements ConstraintState {

		public Unique {
			fields = List.copyOf(fields);
			if (fields.isEmpty()) {
				throw new IllegalArgumentException("Unique constraint '" + name + "' needs at least one field");
			}
		}

	}

	/**
	 * A check that every row must satisfy.
	 * @param name the constraint name
	 * @param check the SQL condition, written with column names (for example {@code price >= 0})
	 */
	record Check(String name, String check) implements ConstraintState {
	}

}
