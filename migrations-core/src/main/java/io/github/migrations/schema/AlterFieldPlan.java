package io.github.migrations.schema;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.github.migrations.MigrationException;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelState;

/**
 * The steps of one {@code alterField}, in the order of Django's {@code _alter_field}: drop the
 * foreign key, unique constraint, index and check that go away; rename the column; change its
 * type; change its comment and database default; change its nullability (filling NULLs from the
 * default first); then add the unique constraint, index, foreign key and check that are new.
 * Where the database restates a whole column to change it ({@code MODIFY}), comment, default and
 * check travel with the type change. As in Django, the unique constraints, checks and indexes
 * the model declares by name are never taken for the field's own, even on its column alone.
 */
final class AlterFieldPlan {

	/** The column name column checks are compared with where checks follow renames. */
	private static final String ANY_COLUMN = "__column_name__";

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
		boolean oldRelation = BaseSchemaEditor.hasForeignKey(this.oldField);
		boolean newRelation = BaseSchemaEditor.hasForeignKey(this.newField);
		boolean oldUnique = this.editor.isUnique(this.oldField) && !this.oldField.primaryKey();
		boolean newUnique = this.editor.isUnique(this.newField) && !this.newField.primaryKey();
		boolean oldIndexed = this.editor.isIndexed(this.oldField);
		boolean newIndexed = this.editor.isIndexed(this.newField);
		boolean fkChanged = oldRelation && (!newRelation
				|| !Objects.equals(this.oldField.type().relatedModel(), this.newField.type().relatedModel()) || renamed
				|| typeChanged || (oldIndexed && !newIndexed && keyHoldsIndex())
				|| !Objects.equals(this.oldField.type().databaseOnDelete(), this.newField.type().databaseOnDelete()));
		boolean addFk = newRelation && (fkChanged || !oldRelation);
		boolean separateChecks = !this.editor.checksRestatedByModify();
		boolean checksFollow = this.editor.columnChecksFollowRenames();
		String oldCheck = this.editor.columnCheck(checksFollow ? ANY_COLUMN : this.oldColumn, this.oldField);
		String newCheck = this.editor.columnCheck(checksFollow ? ANY_COLUMN : this.newColumn, this.newField);
		boolean checkChanged = !Objects.equals(oldCheck, newCheck);
		boolean commentChanged = !Objects.equals(this.oldField.dbComment(), this.newField.dbComment());
		boolean dbDefaultChanged = !Objects.equals(this.oldField.dbDefault(), this.newField.dbDefault());
		if (!renamed && !typeChanged && !nullChanged && !fkChanged && !addFk && oldUnique == newUnique
				&& oldIndexed == newIndexed && !checkChanged && !commentChanged && !dbDefaultChanged) {
			return;
		}
		String quotedTable = this.editor.quoteName(this.table);
		if (fkChanged) {
			this.editor.dropForeignKeys(this.model, this.oldColumn, this.oldField.type());
		}
		if (oldUnique && !newUnique) {
			for (String name : existing("unique constraint",
					withoutModelLevel(
							Introspector.uniqueConstraintNames(this.editor.connection, this.table, this.oldColumn)),
					this.editor.indexName(this.table, this.oldColumn, "_uniq"))) {
				this.editor.execute(this.editor.sqlDeleteUnique(quotedTable, name));
			}
		}
		if (oldIndexed && !newIndexed) {
			for (String name : existing("index", indexNames(), this.editor.indexName(this.table, this.oldColumn, ""))) {
				this.editor.execute(this.editor.sqlDeleteIndex(quotedTable, name));
			}
		}
		if (separateChecks && oldCheck != null && checkChanged) {
			for (String name : existing("check constraint",
					withoutModelLevel(
							Introspector.checkConstraintNames(this.editor.connection, this.table, this.oldColumn)),
					this.editor.indexName(this.table, this.oldColumn, "_check"))) {
				this.editor.execute(this.editor.sqlDeleteCheck(quotedTable, name));
			}
		}
		if (renamed) {
			this.editor.execute(this.editor.sqlRenameColumn(quotedTable, this.editor.quoteName(this.oldColumn),
					this.editor.quoteName(this.newColumn)));
			this.editor.renameInDeferred(this.table, this.oldColumn, this.newColumn);
		}
		String column = this.editor.quoteName(this.newColumn);
		boolean modified = false;
		if (typeChanged) {
			boolean kindChanged = !this.oldField.type().getClass().equals(this.newField.type().getClass());
			alter(this.editor.sqlAlterColumnType(column, newType, definition(this.oldField.nullable()), kindChanged));
			modified = true;
		}
		boolean restated = modified && !separateChecks;
		String inlineComment = commentChanged
				? this.editor.sqlAlterColumnComment(column, definition(this.oldField.nullable())) : null;
		if (dbDefaultChanged && !restated && inlineComment == null) {
			String dbDefault = this.newField.dbDefault();
			alter(this.editor.sqlAlterColumnDefault(column, newType, (dbDefault != null) ? defaultSql(dbDefault) : null,
					definition(this.oldField.nullable())));
		}
		if (commentChanged) {
			if (inlineComment == null) {
				String comment = this.editor.commentSql(this.table, this.newColumn, this.newField.dbComment());
				if (comment != null) {
					this.editor.execute(comment);
				}
			}
			else if (!modified) {
				alter(inlineComment);
			}
		}
		if (nullChanged) {
			alterNullability(quotedTable, column);
		}
		if (newUnique && !oldUnique) {
			this.editor.execute(this.editor.sqlCreateUnique(quotedTable,
					this.editor.quoteName(this.editor.indexName(this.table, this.newColumn, "_uniq")), column));
		}
		if (newIndexed && !oldIndexed) {
			this.editor.execute(this.editor.createIndex(this.table, this.newColumn).sql());
		}
		if (addFk) {
			this.editor.execute(this.editor.createForeignKey(this.model, this.newColumn, this.newField.type()).sql());
		}
		if (separateChecks && newCheck != null && checkChanged) {
			this.editor.execute(this.editor.sqlCreateCheck(quotedTable,
					this.editor.quoteName(this.editor.indexName(this.table, this.newColumn, "_check")),
					this.editor.columnCheck(this.newColumn, this.newField)));
		}
	}

	private void alterNullability(String quotedTable, String column) {
		if (this.newField.nullable()) {
			alter(this.editor.sqlAlterColumnNull(column, true, definition(true)));
			return;
		}
		String oneOff = this.newField.defaultValue();
		String dbDefault = this.newField.dbDefault();
		if (oneOff != null && dbDefault == null
				&& !this.editor.skipDefaultOnAlter(this.editor.columnType(this.model, this.newField))) {
			String literal = this.editor.literal(this.model, this.newField, oneOff);
			alter(this.editor.sqlSetColumnDefault(column, defaultSql(oneOff)));
			this.editor.sqlUpdateWithDefault(quotedTable, column, literal).forEach(this.editor::execute);
			alter(this.editor.sqlAlterColumnNull(column, false, definition(false)));
			alter(this.editor.sqlDropColumnDefault(column));
			return;
		}
		String fill = (oneOff != null) ? oneOff : dbDefault;
		if (fill != null) {
			this.editor.sqlUpdateWithDefault(quotedTable, column, this.editor.literal(this.model, this.newField, fill))
				.forEach(this.editor::execute);
		}
		alter(this.editor.sqlAlterColumnNull(column, false, definition(false)));
	}

	private String defaultSql(String value) {
		return this.editor.columnDefaultSql(this.editor.columnType(this.model, this.newField),
				this.editor.literal(this.model, this.newField, value));
	}

	private String definition(boolean nullable) {
		return this.editor.modifyDefinition(this.model, this.newColumn, this.newField, nullable);
	}

	private void alter(String fragment) {
		this.editor.execute("ALTER TABLE " + this.editor.quoteName(this.table) + " " + fragment);
	}

	/**
	 * Whether the foreign key of the column has taken the field's index as its own (H2 does so
	 * with an index created before the key, and then refuses to drop it): the key is dropped
	 * before the index and added back after, as Django does for any change of a relation.
	 */
	private boolean keyHoldsIndex() {
		String django = this.editor.indexName(this.table, this.oldColumn, "");
		return this.editor.constraintIndexNames(this.table).stream().anyMatch((name) -> name.equalsIgnoreCase(django));
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
		this.model.indexes().forEach((index) -> excluded.add(index.name().toLowerCase(Locale.ROOT)));
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
	 * Leave out the named constraints the model declares (Django's {@code meta_constraint_names}):
	 * a model-level unique or check constraint on the field's column alone is not the field's.
	 */
	private Set<String> withoutModelLevel(Set<String> found) {
		Set<String> declared = new LinkedHashSet<>();
		this.model.constraints().forEach((constraint) -> declared.add(constraint.name().toLowerCase(Locale.ROOT)));
		Set<String> names = new LinkedHashSet<>();
		for (String name : found) {
			if (!declared.contains(name.toLowerCase(Locale.ROOT))) {
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
