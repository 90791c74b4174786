package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * A statement a schema editor runs when it is flushed: a foreign key, a field's index, or a
 * named index or constraint. Like Django's deferred {@code Statement}s it follows renames made
 * before it runs: tables and columns it refers to, including a foreign key's target, are renamed,
 * and Django's generated names are computed from the names current when it runs.
 */
final class Deferred {

	private final BaseSchemaEditor editor;

	private final Kind kind;

	private String table;

	private @Nullable String column;

	private final @Nullable String name;

	private @Nullable String targetTable;

	private @Nullable String targetColumn;

	/** The SQL of a named statement; a foreign key's {@code ON DELETE} clause. */
	private String text;

	private Deferred(BaseSchemaEditor editor, Kind kind, String table, @Nullable String column, @Nullable String name,
			@Nullable String targetTable, @Nullable String targetColumn, String text) {
		this.editor = editor;
		this.kind = kind;
		this.table = table;
		this.column = column;
		this.name = name;
		this.targetTable = targetTable;
		this.targetColumn = targetColumn;
		this.text = text;
	}

	static Deferred foreignKey(BaseSchemaEditor editor, String table, String column, String targetTable,
			String targetColumn, String onDelete) {
		return new Deferred(editor, Kind.FOREIGN_KEY, table, column, null, targetTable, targetColumn, onDelete);
	}

	static Deferred fieldIndex(BaseSchemaEditor editor, String table, String column) {
		return new Deferred(editor, Kind.FIELD_INDEX, table, column, null, null, null, "");
	}

	static Deferred named(BaseSchemaEditor editor, String table, String name, String sql) {
		return new Deferred(editor, Kind.NAMED, table, null, name, null, null, sql);
	}

	/**
	 * Return the table the statement changes.
	 * @return the table, unquoted
	 */
	String table() {
		return this.table;
	}

	/**
	 * Return the column of a foreign key or field index, else {@code null}.
	 * @return the column, unquoted
	 */
	@Nullable String column() {
		return this.column;
	}

	/**
	 * Return the name of a named index or constraint, else {@code null}.
	 * @return the name
	 */
	@Nullable String name() {
		return this.name;
	}

	/**
	 * Return whether the statement refers to a table (as the table it changes or a foreign key's
	 * target).
	 * @param name the table
	 * @return {@code true} if it does
	 */
	boolean references(String name) {
		return this.table.equalsIgnoreCase(name) || name.equalsIgnoreCase(this.targetTable);
	}

	/**
	 * Follow a rename of a table ({@code oldColumn == null}) or of a column of {@code table}.
	 * @param table the table renamed, or whose column is renamed
	 * @param oldColumn the column renamed, or {@code null} for the table
	 * @param replacement the new name
	 */
	void rename(String table, @Nullable String oldColumn, String replacement) {
		if (this.kind == Kind.NAMED && this.table.equalsIgnoreCase(table)) {
			String from = this.editor.quoteName((oldColumn != null) ? oldColumn : table);
			this.text = this.text.replace(from, this.editor.quoteName(replacement));
		}
		if (oldColumn == null) {
			if (this.table.equalsIgnoreCase(table)) {
				this.table = replacement;
			}
			if (table.equalsIgnoreCase(this.targetTable)) {
				this.targetTable = replacement;
			}
			return;
		}
		if (this.table.equalsIgnoreCase(table) && oldColumn.equalsIgnoreCase(this.column)) {
			this.column = replacement;
		}
		if (table.equalsIgnoreCase(this.targetTable) && oldColumn.equalsIgnoreCase(this.targetColumn)) {
			this.targetColumn = replacement;
		}
	}

	/**
	 * Return the SQL with the names as they are now.
	 * @return the statement
	 */
	String sql() {
		return switch (this.kind) {
			case FOREIGN_KEY -> this.editor.foreignKeySql(this.table, this.column, this.targetTable, this.targetColumn,
					this.text);
			case FIELD_INDEX -> this.editor.fieldIndexSql(this.table, this.column);
			case NAMED -> this.text;
		};
	}

	private enum Kind {

		FOREIGN_KEY, FIELD_INDEX, NAMED

	}

}
