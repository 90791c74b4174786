package io.github.migrations.lint;

import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddFieldNotValid;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AddIndexConcurrently;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RemoveIndexConcurrently;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * What unapplying an operation does to the database, as the forward operation that does the
 * same (each operation's {@code databaseBackwards}): unapplying {@code AddField} is a
 * {@code RemoveField}, unapplying {@code RemoveField} an {@code AddField} of the field as it was,
 * and so on, so that the forward rules can be checked on it with the states swapped. Operations
 * whose undoing no rule is about (an index or a constraint dropped, options, validation, code)
 * have none.
 */
final class Inverse {

	private Inverse() {
	}

	/**
	 * Return the forward operation that makes the change unapplying an operation makes.
	 * @param operation the operation being unapplied (not a {@code SeparateDatabaseAndState})
	 * @param app the app label
	 * @param before the state before the operation, the one unapplying it reaches
	 * @return the operation, or {@code null} when no rule is about it
	 */
	static @Nullable Operation of(Operation operation, String app, ProjectState before) {
		if (operation instanceof CreateModel create) {
			return new DeleteModel(create.name());
		}
		if (operation instanceof DeleteModel delete) {
			ModelState model = before.model(app, delete.name());
			return new CreateModel(model.name(), model.fields(), model.dbTable());
		}
		if (operation instanceof RenameModel rename) {
			return new RenameModel(rename.newName(), rename.oldName());
		}
		if (operation instanceof AlterModelTable table) {
			return new AlterModelTable(table.name(), before.model(app, table.name()).dbTable());
		}
		if (operation instanceof AddField add) {
			return new RemoveField(add.modelName(), add.name());
		}
		if (operation instanceof AddFieldNotValid add) {
			return new RemoveField(add.modelName(), add.name());
		}
		if (operation instanceof RemoveField remove) {
			return new AddField(remove.modelName(), remove.name(),
					before.model(app, remove.modelName()).field(remove.name()), true);
		}
		if (operation instanceof AlterField alter) {
			return new AlterField(alter.modelName(), alter.name(),
					before.model(app, alter.modelName()).field(alter.name()), true);
		}
		if (operation instanceof RenameField rename) {
			return new RenameField(rename.modelName(), rename.newName(), rename.oldName());
		}
		if (operation instanceof RemoveIndex remove) {
			return new AddIndex(remove.modelName(), before.model(app, remove.modelName()).index(remove.name()));
		}
		if (operation instanceof RemoveIndexConcurrently remove) {
			return new AddIndexConcurrently(remove.modelName(),
					before.model(app, remove.modelName()).index(remove.name()));
		}
		if (operation instanceof RemoveConstraint remove) {
			return new AddConstraint(remove.modelName(),
					before.model(app, remove.modelName()).constraint(remove.name()));
		}
		return null;
	}

}
