package io.github.migrations.schema;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.github.migrations.MigrationException;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;

/**
 * The steps of one {@code alterField}, in the order of Django's {@code _alter_field}: drop the
 * foreign key, unique constraint and index that go away; rename the column; change its type;
 * change its nullability (filling NULLs from the default first); then add the unique
 * constraint, index and foreign key that are new.
 */
final class AlterFieldPlan {

	private final BaseSchemaEditor editor;

	private final ModelState model;

	private final FieldState oldField;

	private final FieldState newField;

	private final String oldColumn;

	private final String newColumn;

	private final String table;

	AlterFieldPlan(BaseSchemaEditor editor, ModelState model, String oldName, FieldState oldField, String newName,
			FieldState newField) {
		this.editor = editor;
		this.model = model;
		this.oldField = oldField;
		this.newField = newField;
		this.oldColumn = oldField.column(oldName);
		this.newColumn = newField.column(newName);
		this.table = model.table();
	}

	void run() {
		String oldType = this.editor.columnType(this.model, this.oldField);
		String newType = this.editor.columnType(this.model, this.newField);
		boolean renamed = !this.oldColumn.equals(this.newColumn);
		boolean typeChanged = !oldType.equals(newType);
		boolean nullChanged = this.oldField.nullable() != this.newField.nullable();
		boolean fkChanged = this.oldField.type().isRelation()
				&& (!this.oldField.type().equals(this.newField.type()) || renamed || typeChanged);
		boolean dropUnique = this.oldField.unique() && !this.oldField.primaryKey() && !this.newField.unique();
		boolean addUnique = this.newField.unique() && !this.newField.primaryKey() && !this.oldField.unique();
		boolean addFk = this.newField.type().isRelation() && (fkChanged || !this.oldField.type().isRelation());
		boolean oldIndexed = this.editor.isIndexed(this.oldField);
		boolean newIndexed = this.editor.isIndexed(this.newField);
		if (!renamed && !typeChanged && !nullChanged && !fkChanged && !addFk && !dropUnique && !addUnique
				&& oldIndexed == newIndexed) {
			return;
		}
		String quotedTable = this.editor.quoteName(this.table);
		if (fkChanged && this.oldField.type() instanceof FieldType.ForeignKey oldFk) {
			this.editor.dropForeignKeys(this.model, this.oldColumn, oldFk);
		}
		if (dropUnique) {
			for (String name : existing("unique constraint",
					Introspector.uniqueConstraintNames(this.editor.connection, this.table, this.oldColumn),
					this.editor.indexName(this.table, this.oldColumn, "_uniq"))) {
				this.editor.execute(this.editor.sqlDeleteUnique(quotedTable, name));
			}
		}
		if (oldIndexed && !newIndexed) {
			for (String name : existing("index", indexNames(), this.editor.indexName(this.table, this.oldColumn, ""))) {
				this.editor.execute(this.editor.sqlDeleteIndex(quotedTable, name));
			}
		}
		if (renamed) {
			this.editor.execute(this.editor.sqlRenameColumn(quotedTable, this.editor.quoteName(this.oldColumn),
					this.editor.quoteName(this.newColumn)));
			this.editor.renameInDeferred(this.table, this.oldColumn, this.newColumn);
		}
		String column = this.editor.quoteName(this.newColumn);
		if (typeChanged) {
			boolean kindChanged = !this.oldField.type().getClass().equals(this.newField.type().getClass());
			alter(this.editor.sqlAlterColumnType(column, newType, this.oldField.nullable(), kindChanged));
		}
		if (nullChanged) {
			String defaultValue = this.newField.defaultValue();
			if (!this.newField.nullable() && defaultValue != null) {
				String literal = this.editor.quoteValue(this.newField.type(), defaultValue);
				alter(this.editor.sqlSetColumnDefault(column, literal));
				this.editor.sqlUpdateWithDefault(quotedTable, column, literal).forEach(this.editor::execute);
				alter(this.editor.sqlAlterColumnNull(column, newType, false));
				alter(this.editor.sqlDropColumnDefault(column));
			}
			else {
				alter(this.editor.sqlAlterColumnNull(column, newType, this.newField.nullable()));
			}
		}
		if (addUnique) {
			this.editor.execute(this.editor.sqlCreateUnique(quotedTable,
					this.editor.quoteName(this.editor.indexName(this.table, this.newColumn, "_uniq")), column));
		}
		if (newIndexed && !oldIndexed) {
			this.editor.execute(this.editor.createIndex(this.table, this.newColumn).sql());
		}
		if (addFk && this.newField.type() instanceof FieldType.ForeignKey fk) {
			this.editor.execute(this.editor.createForeignKey(this.model, this.newColumn, fk).sql());
		}
	}

	private void alter(String fragment) {
		this.editor.execute("ALTER TABLE " + this.editor.quoteName(this.table) + " " + fragment);
	}

	private Set<String> indexNames() {
		Set<String> all = Introspector.indexNames(this.editor.connection, this.table, this.oldColumn);
		String django = this.editor.indexName(this.table, this.oldColumn, "");
		for (String name : all) {
			if (name.equalsIgnoreCase(django)) {
				return Set.of(name);
			}
		}
		Set<String> excluded = new LinkedHashSet<>();
		this.editor.constraintIndexNames(this.table).forEach((name) -> excluded.add(name.toLowerCase(Locale.ROOT)));
		Introspector.foreignKeyNames(this.editor.connection, this.table, this.oldColumn)
			.forEach((name) -> excluded.add(name.toLowerCase(Locale.ROOT)));
		Set<String> names = new LinkedHashSet<>();
		for (String name : all) {
			if (!excluded.contains(name.toLowerCase(Locale.ROOT))) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Quote the names found; in collect-only mode, where the database has not been changed by
	 * earlier statements, fall back to the name Django would have given rather than fail.
	 */
	private Set<String> existing(String what, Set<String> found, String fallback) {
		Set<String> quoted = new LinkedHashSet<>();
		found.forEach((name) -> quoted.add(this.editor.quoteStored(name)));
		if (quoted.isEmpty()) {
			if (!this.editor.isCollectOnly()) {
				throw new MigrationException(
						"Found no " + what + " on " + this.table + "." + this.oldColumn + " to drop");
			}
			quoted.add(this.editor.quoteName(fallback));
		}
		return quoted;
	}

}
