package io.github.migrations.lint;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.operation.SafeForm;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;

/**
 * The rules that hold on every database: while a migration is applied, instances of the
 * application running the previous version keep reading and writing the tables, so a column
 * they do not fill, or a table or column they use that disappears or changes name, makes them
 * fail; and dropped data is lost.
 */
final class CompatibilityRules {

	private CompatibilityRules() {
	}

	static void check(Operation checked, OperationContext context) {
		// a safe form changes the columns and tables as its plain operation does
		Operation operation = (checked instanceof SafeForm safe) ? safe.plain() : checked;
		if (operation instanceof AddField add && !context.isNew(add.modelName())) {
			addField(context, context.after().model(context.app(), add.modelName()), add.name(), add.field());
		}
		else if (operation instanceof AlterField alter && !context.isNew(alter.modelName())) {
			renamedColumn(context, alter.modelName(), alter.name(), alter.name());
		}
		else if (operation instanceof RenameField rename && !context.isNew(rename.modelName())) {
			renamedColumn(context, rename.modelName(), rename.oldName(), rename.newName());
		}
		else if (operation instanceof RenameModel rename && !context.isNew(rename.oldName())) {
			renamedTable(context, context.before().model(context.app(), rename.oldName()),
					context.after().model(context.app(), rename.newName()));
		}
		else if (operation instanceof AlterModelTable table && !context.isNew(table.name())) {
			renamedTable(context, context.before().model(context.app(), table.name()),
					context.after().model(context.app(), table.name()));
		}
		else if (operation instanceof RemoveField remove && !context.isNew(remove.modelName())) {
			removeField(context, context.before().model(context.app(), remove.modelName()), remove.name());
		}
		else if (operation instanceof DeleteModel delete && !context.isNew(delete.name())) {
			dropTable(context, context.before().model(context.app(), delete.name()).table(), "model " + delete.name());
		}
	}

	private static void addField(OperationContext context, ModelState model, String name, FieldState field) {
		if (!field.type().hasColumn() || field.nullable() || field.dbDefault() != null || field.type().isAutoField()) {
			return;
		}
		String column = model.table() + "." + field.column(name);
		if (context.backwards() && !field.hasDefault()) {
			context.error(Rule.ADDING_REQUIRED_FIELD, "Column " + column
					+ " is added back NOT NULL without any default: the rows the table holds have no value for it, so the revert fails "
					+ "unless the table is empty.",
					"Give the field a default (or a dbDefault) in the migration that removed it before reverting it; "
							+ "or revert with a RunSql that adds the column nullable and fills it.");
			return;
		}
		String oneOff = field.hasDefault() ? " (its default only fills the rows that exist now)" : "";
		context.error(Rule.ADDING_REQUIRED_FIELD, "Column " + column
				+ " is added NOT NULL without a database default" + oneOff
				+ ": instances still running the previous version of the application insert rows without it, and those inserts fail.",
				"Give the field a dbDefault, which the database keeps for rows inserted without the column; "
						+ "or add it nullable, fill it, and make it NOT NULL in a later release.");
	}

	private static void renamedColumn(OperationContext context, String modelName, String oldName, String newName) {
		ModelState before = context.before().model(context.app(), modelName);
		ModelState after = context.after().model(context.app(), modelName);
		FieldChange change = FieldChange.of(before, oldName, after, newName, context.before(), context.after());
		if (!change.hasColumn() || !change.renamed()) {
			return;
		}
		context.error(Rule.RENAMING_COLUMN, "Column " + change.table() + "." + change.oldColumn() + " is renamed to "
				+ change.newColumn()
				+ ": instances still running the previous version of the application use the old name and fail until they are replaced.",
				"Rename the field but keep its column with dbColumn = \"" + change.oldColumn()
						+ "\"; or add the new column, write both, copy the data, and drop the old column in a later release.");
	}

	private static void renamedTable(OperationContext context, ModelState before, ModelState after) {
		if (before.table().equalsIgnoreCase(after.table())) {
			return;
		}
		context.error(Rule.RENAMING_TABLE, "Table " + before.table() + " is renamed to " + after.table()
				+ ": instances still running the previous version of the application use the old name and fail until they are replaced.",
				"Rename the model but keep its table with @Model(table = \"" + before.table()
						+ "\"); or create the new table, write both, copy the data, and drop the old table in a later release.");
	}

	private static void removeField(OperationContext context, ModelState model, String name) {
		FieldState field = model.field(name);
		if (field.type() instanceof FieldType.ManyToManyField m2m) {
			if (m2m.through() == null) {
				dropTable(context, model.table() + "_" + name, "the join table of " + model.name() + "." + name);
			}
			return;
		}
		context.error(Rule.DROPPING_COLUMN, "Column " + model.table() + "." + field.column(name)
				+ " is dropped: its data is lost, and instances still running the previous version of the application that read or write it fail.",
				"First release a version that no longer uses the field (keep it in the model, nullable or with a dbDefault), "
						+ "then remove it in a later release once no running instance reads it; back the data up if it may be needed.");
	}

	private static void dropTable(OperationContext context, String table, String what) {
		context.error(Rule.DROPPING_TABLE, "Table " + table + " (" + what
				+ ") is dropped: its data is lost, and instances still running the previous version of the application that use it fail.",
				"First release a version that no longer uses the model, then delete it in a later release once no running instance reads it; "
						+ "back the data up if it may be needed.");
	}

}
