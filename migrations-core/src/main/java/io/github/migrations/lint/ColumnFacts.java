package io.github.migrations.lint;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * What a field's column gets in the database besides its type, as the schema editors decide it:
 * a foreign key, a unique constraint, a plain index, a check.
 */
final class ColumnFacts {

	private ColumnFacts() {
	}

	static boolean isRelationColumn(FieldState field) {
		return field.type().relatedModel() != null && field.type().hasColumn();
	}

	static boolean isUnique(FieldState field) {
		return field.unique() || field.type() instanceof FieldType.OneToOneField;
	}

	/**
	 * Return whether the field gets a plain index ({@code db_index}, or a relation on
	 * PostgreSQL), unless unique or the primary key.
	 */
	static boolean isIndexed(FieldState field) {
		return (field.dbIndex() || isRelationColumn(field)) && !isUnique(field) && !field.primaryKey();
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
