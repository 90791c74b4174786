package io.github.migrations.drift;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One way the live database differs from the schema the applied migrations should have produced.
 * Every difference names its app (the app of the model whose table it concerns; {@code null} for
 * a table no model describes and no app prefix explains) and its table, and describes itself in
 * one line as {@code drift} prints it.
 *
 * @since 0.1
 */
public sealed interface Difference {

	/**
	 * Return the app of the model the difference concerns.
	 * @return the app label, or {@code null} for a table of no known app
	 */
	@Nullable String app();

	/**
	 * Return the table the difference concerns.
	 * @return the table name
	 */
	String table();

	/**
	 * Return a stable code of the kind of difference, for example {@code missing-column}.
	 * @return the code
	 */
	default String code() {
		String name = getClass().getSimpleName();
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the difference as one line, for example
	 * {@code Missing column shop_product.weight (integer NOT NULL)}.
	 * @return the description
	 */
	String describe();

	/**
	 * A table of a model that the database does not have.
	 *
	 * @param app the app
	 * @param model the model (or {@code Model.field} for an automatic join table)
	 * @param table the table
	 */
	record MissingTable(String app, String model, String table) implements Difference {

		@Override
		public String describe() {
			return "Missing table " + this.table + " (model " + this.model + ")";
		}

	}

	/**
	 * A table in the database that no model of the applied migrations describes.
	 *
	 * @param app the app whose prefix the table name has, or {@code null}
	 * @param table the table as stored
	 */
	record UnexpectedTable(@Nullable String app, String table) implements Difference {

		@Override
		public String describe() {
			return "Unexpected table " + this.table;
		}

	}

	/**
	 * A column of a field that the table does not have.
	 *
	 * @param app the app
	 * @param table the table
	 * @param column the column
	 * @param definition the type and nullability the migrations give it
	 */
	record MissingColumn(String app, String table, String column, String definition) implements Difference {

		@Override
		public String describe() {
			return "Missing column " + this.table + "." + this.column + " (" + this.definition + ")";
		}

	}

	/**
	 * A column in the table that no field describes.
	 *
	 * @param app the app
	 * @param table the table
	 * @param column the column as stored
	 * @param definition its type and nullability in the database
	 */
	record UnexpectedColumn(String app, String table, String column, String definition) implements Difference {

		@Override
		public String describe() {
			return "Unexpected column " + this.table + "." + this.column + " (" + this.definition + ")";
		}

	}

	/**
	 * A column whose type differs.
	 *
	 * @param app the app
	 * @param table the table
	 * @param column the column
	 * @param expected the type the migrations give it
	 * @param actual the type in the database
	 */
	record ColumnTypeDiffers(String app, String table, String column, String expected, String actual)
			implements Difference {

		@Override
		public String describe() {
			return "Column " + this.table + "." + this.column + " has type " + this.actual + ", the migrations say "
					+ this.expected;
		}

	}

	/**
	 * A column whose nullability differs.
	 *
	 * @param app the app
	 * @param table the table
	 * @param column the column
	 * @param expectedNullable whether the migrations let it accept NULL
	 */
	record NullabilityDiffers(String app, String table, String column, boolean expectedNullable)
			implements Difference {

		@Override
		public String describe() {
			return "Column " + this.table + "." + this.column + " is " + (this.expectedNullable ? "NOT NULL" : "NULL")
					+ ", the migrations say " + (this.expectedNullable ? "NULL" : "NOT NULL");
		}

	}

	/**
	 * A column whose database default differs.
	 *
	 * @param app the app
	 * @param table the table
	 * @param column the column
	 * @param expected the default the migrations give it, or {@code null} for none
	 * @param actual the default in the database, or {@code null} for none
	 */
	record DefaultDiffers(String app, String table, String column, @Nullable String expected,
			@Nullable String actual) implements Difference {

		@Override
		public String describe() {
			return "Column " + this.table + "." + this.column + " has "
					+ ((this.actual != null) ? "default " + this.actual : "no default") + ", the migrations say "
					+ ((this.expected != null) ? this.expected : "none");
		}

	}

	/**
	 * A column whose comment differs (not compared on SQLite, which keeps no comments).
	 *
	 * @param app the app
	 * @param table the table
	 * @param column the column
	 * @param expected the comment the migrations give it, or {@code null} for none
	 * @param actual the comment in the database, or {@code null} for none
	 */
	record CommentDiffers(String app, String table, String column, @Nullable String expected,
			@Nullable String actual) implements Difference {

		@Override
		public String describe() {
			return "Column " + this.table + "." + this.column + " has "
					+ ((this.actual != null) ? "comment '" + this.actual + "'" : "no comment") + ", the migrations say "
					+ ((this.expected != null) ? "'" + this.expected + "'" : "none");
		}

	}

	/**
	 * A check constraint whose condition differs, compared loosely (see
	 * {@link io.github.migrations.schema.Expressions}).
	 *
	 * @param app the app
	 * @param table the table
	 * @param name the constraint name as stored (for a column's own check on SQLite, its text)
	 * @param expected the condition of the migrations
	 * @param actual the condition as the database shows it
	 */
	record CheckDiffers(String app, String table, String name, String expected, String actual)
			implements Difference {

		@Override
		public String describe() {
			return "Check constraint " + this.name + " on " + this.table + " is (" + this.actual
					+ "), the migrations say (" + this.expected + ")";
		}

	}

	/**
	 * An index or conditional unique constraint whose condition differs (PostgreSQL and SQLite,
	 * the databases with partial indexes).
	 *
	 * @param app the app
	 * @param table the table
	 * @param name the index or constraint name
	 * @param expected the condition of the migrations, or {@code null} for none
	 * @param actual the condition in the database, or {@code null} for none
	 */
	record ConditionDiffers(String app, String table, String name, @Nullable String expected,
			@Nullable String actual) implements Difference {

		@Override
		public String describe() {
			return "Index " + this.name + " on " + this.table + " has "
					+ ((this.actual != null) ? "condition (" + this.actual + ")" : "no condition")
					+ ", the migrations say " + ((this.expected != null) ? "(" + this.expected + ")" : "none");
		}

	}

	/**
	 * A foreign key whose {@code ON DELETE} rule differs: the migrations create a foreign key
	 * without one, as Django does ({@code on_delete} is the application's behaviour), unless its
	 * {@code on_delete} is database-level ({@code DB_CASCADE} gives {@code CASCADE}, ...).
	 *
	 * @param app the app
	 * @param table the table
	 * @param name the constraint name as stored
	 * @param column the referencing column
	 * @param expected the rule of the migrations ({@code NO ACTION}, or a {@code DB_} rule's)
	 * @param actual the rule in the database, for example {@code CASCADE}
	 */
	record OnDeleteDiffers(String app, String table, String name, String column, String expected, String actual)
			implements Difference {

		@Override
		public String describe() {
			return "Foreign key " + this.name + " on " + this.table + " (" + this.column + ") has ON DELETE "
					+ this.actual + ", the migrations say " + this.expected;
		}

	}

	/**
	 * An index of the migrations that the table does not have.
	 *
	 * @param app the app
	 * @param table the table
	 * @param name the index name
	 * @param columns the columns
	 */
	record MissingIndex(String app, String table, String name, List<String> columns) implements Difference {

		@Override
		public String describe() {
			return "Missing index " + this.name + " on " + this.table + " (" + String.join(", ", this.columns) + ")";
		}

	}

	/**
	 * An index of the table that the migrations do not create.
	 *
	 * @param app the app
	 * @param table the table
	 * @param name the index name as stored
	 * @param columns the columns
	 */
	record UnexpectedIndex(String app, String table, String name, List<String> columns) implements Difference {

		@Override
		public String describe() {
			return "Unexpected index " + this.name + " on " + this.table + " (" + String.join(", ", this.columns)
					+ ")";
		}

	}

	/**
	 * A constraint of the migrations that the table does not have.
	 *
	 * @param app the app
	 * @param table the table
	 * @param kind the kind
	 * @param name the name, or {@code null} where the database names it
	 * @param columns the columns (for a foreign key: the referencing column), empty for a named
	 * check
	 */
	record MissingConstraint(String app, String table, ConstraintKind kind, @Nullable String name,
			List<String> columns) implements Difference {

		@Override
		public String describe() {
			return "Missing " + this.kind.displayName() + " constraint" + ((this.name != null) ? " " + this.name : "")
					+ " on " + this.table + (this.columns.isEmpty() ? "" : " (" + String.join(", ", this.columns) + ")");
		}

	}

	/**
	 * A constraint of the table that the migrations do not create.
	 *
	 * @param app the app
	 * @param table the table
	 * @param kind the kind
	 * @param name the name as stored
	 * @param columns the columns it involves
	 */
	record UnexpectedConstraint(String app, String table, ConstraintKind kind, String name, List<String> columns)
			implements Difference {

		@Override
		public String describe() {
			return "Unexpected " + this.kind.displayName() + " constraint " + this.name + " on " + this.table
					+ (this.columns.isEmpty() ? "" : " (" + String.join(", ", this.columns) + ")");
		}

	}

	/**
	 * The kinds of constraints compared.
	 */
	enum ConstraintKind {

		/** The primary key. */
		PRIMARY_KEY("primary key"),

		/** A unique constraint or unique index. */
		UNIQUE("unique"),

		/** A foreign key. */
		FOREIGN_KEY("foreign key"),

		/** A check constraint. */
		CHECK("check");

		private final String displayName;

		ConstraintKind(String displayName) {
			this.displayName = displayName;
		}

		/**
		 * Return the kind as SQL names it, in lower case.
		 * @return the name, for example {@code foreign key}
		 */
		public String displayName() {
			return this.displayName;
		}

	}

}
