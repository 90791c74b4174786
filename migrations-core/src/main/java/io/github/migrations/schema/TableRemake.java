package io.github.migrations.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelState;

/**
 * SQLite's way to make a change {@code ALTER TABLE} cannot make, after Django's
 * {@code _remake_table} (and SQLite's "generalized ALTER TABLE procedure"): create
 * {@code new__<table>} as the model now is, copy every row into it with
 * {@code INSERT INTO … SELECT …}, drop the old table, rename the new one to the old name, and
 * create the model's indexes again. Foreign key enforcement is off meanwhile (see
 * {@link SqliteForeignKeys}); the rows are kept.
 */
final class TableRemake {

	private TableRemake() {
	}

	/**
	 * Remake a table.
	 * @param editor the editor to run the statements on
	 * @param model the model as the table must be afterwards
	 * @param mapping for each column of the new table that takes a value, the SQL expression over
	 * the old table's columns that gives it (a quoted column, a literal, {@code coalesce(…)})
	 */
	static void run(BaseSchemaEditor editor, ModelState model, Map<String, String> mapping) {
		String table = model.table();
		String temporary = "new__" + table;
		SqliteForeignKeys.whileOff(editor, () -> {
			editor.forgetDeferred(table);
			editor.createTable(model, temporary);
			editor.execute("INSERT INTO " + editor.quoteName(temporary) + " ("
					+ String.join(", ", mapping.keySet().stream().map(editor::quoteName).toList()) + ") SELECT "
					+ String.join(", ", mapping.values()) + " FROM " + editor.quoteName(table));
			editor.execute(editor.sqlDeleteTable(editor.quoteName(table)));
			editor.execute(editor.sqlRenameTable(editor.quoteName(temporary), editor.quoteName(table)));
			editor.flushDeferred();
		});
	}

	/**
	 * Return the mapping that copies every column of a model from the column of the same name,
	 * except some.
	 * @param editor the editor that quotes names
	 * @param model the model as the table will be
	 * @param except the columns not copied this way
	 * @return the mapping, in column order
	 */
	static Map<String, String> sameColumns(BaseSchemaEditor editor, ModelState model, Set<String> except) {
		Map<String, String> mapping = new LinkedHashMap<>();
		model.fields().forEach((name, field) -> {
			String column = field.column(name);
			if (hasColumn(field) && !except.contains(column)) {
				mapping.put(column, editor.quoteName(column));
			}
		});
		return mapping;
	}

	private static boolean hasColumn(FieldState field) {
		return field.type().hasColumn();
	}

}
