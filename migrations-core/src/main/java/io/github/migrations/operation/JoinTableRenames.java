package io.github.migrations.operation;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * What follows a model's table or name when it changes, as Django's {@code RenameModel} and
 * {@code AlterModelTable} do: the model's table is renamed, then the automatic join tables of its
 * own many-to-many fields (named after its table, with a column named after it), then the
 * columns named after it in the join tables of other models' many-to-many fields pointing to it.
 * Foreign keys pointing to the table keep working: the databases follow a renamed table.
 */
final class JoinTableRenames {

	private JoinTableRenames() {
	}

	/**
	 * Rename the table of a model and what is named after it.
	 * @param editor the schema editor
	 * @param before the model before the change
	 * @param after the model after the change
	 * @param from the state before the change
	 * @param to the state after the change
	 */
	static void follow(SchemaEditor editor, ModelState before, ModelState after, ProjectState from, ProjectState to) {
		if (!before.table().equalsIgnoreCase(after.table())) {
			editor.alterDbTable(after, before.table(), after.table());
		}
		before.fields().forEach((name, field) -> {
			if (isAutoManyToMany(field) && after.fields().containsKey(name)) {
				editor.alterManyToMany(before, name, field, after, name, after.field(name));
			}
		});
		for (ModelState other : from.models().values()) {
			ModelState otherAfter = to.find(other.key());
			if (other.key().equals(before.key()) || otherAfter == null) {
				continue;
			}
			other.fields().forEach((name, field) -> {
				if (isAutoManyToMany(field) && before.key().equals(field.type().relatedModel())
						&& otherAfter.fields().containsKey(name)) {
					editor.alterManyToMany(other, name, field, otherAfter, name, otherAfter.field(name));
				}
			});
		}
	}

	private static boolean isAutoManyToMany(FieldState field) {
		return field.type() instanceof FieldType.ManyToManyField m2m && m2m.through() == null;
	}

}
