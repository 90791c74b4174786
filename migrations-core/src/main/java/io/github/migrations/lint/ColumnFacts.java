package io.github.migrations.lint;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * What a field's column gets in the database besides its type, as the schema editors decide it:
 * a foreign key, a check (its unique constraint and plain index: {@link FieldState#uniqueColumn()},
 * {@link FieldState#ownIndex()}).
 */
final class ColumnFacts {

	private ColumnFacts() {
	}

	/**
	 * Return whether the column is a relation's with its foreign key constraint (not Django's
	 * {@code db_constraint=False}).
	 */
	static boolean hasForeignKey(FieldState field) {
		return field.type().relatedModel() != null && field.type().hasColumn() && field.type().dbConstraint();
	}

	/**
	 * Return whether the column gets a check ({@code >= 0} for the positive integer types).
	 */
	static boolean hasCheck(FieldState field) {
		FieldType type = field.type();
		return type instanceof FieldType.PositiveIntegerField || type instanceof FieldType.PositiveSmallIntegerField
				|| type instanceof FieldType.PositiveBigIntegerField;
	}

	/**
	 * Return the table a relation points to, for messages.
	 */
	static String targetTable(FieldState field, ProjectState state) {
		ModelState target = (field.type().relatedModel() != null) ? state.find(field.type().relatedModel()) : null;
		return (target != null) ? target.table() : String.valueOf(field.type().relatedModel());
	}

}
