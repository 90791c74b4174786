package io.github.migrations.lint;

import java.util.Objects;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * What an {@code AlterField} or {@code RenameField} changes in the database, decided as the
 * schema editors decide it (after Django's {@code _alter_field}).
 *
 * @param table the table
 * @param oldColumn the column before
 * @param newColumn the column after
 * @param oldField the field before
 * @param newField the field after
 * @param oldKind what the column stores before
 * @param newKind what the column stores after
 */
record FieldChange(String table, String oldColumn, String newColumn, FieldState oldField, FieldState newField,
		ColumnKind oldKind, ColumnKind newKind) {

	static FieldChange of(ModelState before, String oldName, ModelState after, String newName, ProjectState from,
			ProjectState to) {
		FieldState oldField = before.field(oldName);
		FieldState newField = after.field(newName);
		return new FieldChange(after.table(), oldField.column(oldName), newField.column(newName), oldField, newField,
				ColumnKind.of(oldField, from), ColumnKind.of(newField, to));
	}

	boolean hasColumn() {
		return this.oldField.type().hasColumn() && this.newField.type().hasColumn();
	}

	boolean renamed() {
		return !this.oldColumn.equalsIgnoreCase(this.newColumn);
	}

	boolean kindChanged() {
		return !this.oldKind.equals(this.newKind);
	}

	boolean becomesNotNull() {
		return this.oldField.nullable() && !this.newField.nullable();
	}

	boolean uniqueAdded() {
		return this.newField.uniqueColumn() && !this.newField.primaryKey()
				&& !(this.oldField.uniqueColumn() && !this.oldField.primaryKey());
	}

	boolean indexAdded() {
		return this.newField.ownIndex() && !this.oldField.ownIndex();
	}

	boolean checkAdded() {
		return ColumnFacts.hasCheck(this.newField) && !ColumnFacts.hasCheck(this.oldField);
	}

	/**
	 * Return whether a foreign key is created: the column becomes a relation with its constraint,
	 * or a relation changes target, column, type or database-level {@code on_delete} (the editor
	 * then drops and creates it again).
	 * @return {@code true} when a foreign key is added
	 */
	boolean foreignKeyAdded() {
		boolean oldRelation = ColumnFacts.hasForeignKey(this.oldField);
		boolean newRelation = ColumnFacts.hasForeignKey(this.newField);
		FieldType oldType = this.oldField.type();
		FieldType newType = this.newField.type();
		return newRelation && (!oldRelation || !Objects.equals(oldType.relatedModel(), newType.relatedModel())
				|| renamed() || kindChanged()
				|| !Objects.equals(oldType.databaseOnDelete(), newType.databaseOnDelete()));
	}

}
