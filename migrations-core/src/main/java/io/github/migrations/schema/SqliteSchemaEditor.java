package io.github.migrations.schema;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.migrations.MigrationException;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import org.jspecify.annotations.Nullable;

/**
 * Schema editor for SQLite, after Django's {@code sqlite3/schema.py}: Django's column types,
 * {@code AUTOINCREMENT} primary keys, foreign keys declared in the column
 * ({@code REFERENCES … DEFERRABLE INITIALLY DEFERRED}), partial indexes, no comments, and
 * transactional DDL. {@code ALTER TABLE} is used where Django uses it (add a nullable column
 * without default, drop a plain column, rename a column or table); every other change of a table
 * remakes it, keeping its rows (see {@link TableRemake}). Indexes cannot be renamed: they are
 * dropped and created again.
 *
 * @since 0.1
 */
public class SqliteSchemaEditor extends BaseSchemaEditor {

	private static final ColumnTypes TYPES = new ColumnTypes("SQLite", Map.ofEntries(
			Map.entry(FieldType.AutoField.class, "integer"), Map.entry(FieldType.BigAutoField.class, "integer"),
			Map.entry(FieldType.SmallAutoField.class, "integer"), Map.entry(FieldType.BinaryField.class, "BLOB"),
			Map.entry(FieldType.BooleanField.class, "bool"),
			Map.entry(FieldType.CharField.class, "varchar({max_length})"), Map.entry(FieldType.DateField.class, "date"),
			Map.entry(FieldType.DateTimeField.class, "datetime"), Map.entry(FieldType.DecimalField.class, "decimal"),
			Map.entry(FieldType.DurationField.class, "bigint"),
			Map.entry(FieldType.EmailField.class, "varchar({max_length})"), Map.entry(FieldType.FloatField.class, "real"),
			Map.entry(FieldType.IntegerField.class, "integer"), Map.entry(FieldType.BigIntegerField.class, "bigint"),
			Map.entry(FieldType.JSONField.class, "text"),
			Map.entry(FieldType.PositiveBigIntegerField.class, "bigint unsigned"),
			Map.entry(FieldType.PositiveIntegerField.class, "integer unsigned"),
			Map.entry(FieldType.PositiveSmallIntegerField.class, "smallint unsigned"),
			Map.entry(FieldType.SlugField.class, "varchar({max_length})"),
			Map.entry(FieldType.SmallIntegerField.class, "smallint"), Map.entry(FieldType.TextField.class, "text"),
			Map.entry(FieldType.TimeField.class, "time"), Map.entry(FieldType.URLField.class, "varchar({max_length})"),
			Map.entry(FieldType.UUIDField.class, "char(32)")));

	private boolean foreignKeysTurnedOff;

	/**
	 * Create an editor.
	 * @param connection the connection to a SQLite database
	 * @param collectOnly whether statements are only collected, never executed
	 */
	public SqliteSchemaEditor(Connection connection, boolean collectOnly) {
		super(connection, collectOnly);
	}

	@Override
	public Vendor vendor() {
		return Vendor.SQLITE;
	}

	// ---- fields -------------------------------------------------------------------------

	@Override
	public void addField(ModelState model, String name, FieldState field) {
		if (field.type() instanceof FieldType.ManyToManyField || !remakesToAdd(field)) {
			super.addField(model, name, field);
			return;
		}
		ModelState after = model.fields().containsKey(name) ? model : model.withField(name, field);
		String column = field.column(name);
		Map<String, String> mapping = TableRemake.sameColumns(this, after, Set.of(column));
		if (field.dbDefault() == null) {
			mapping.put(column, (field.defaultValue() != null) ? literal(after, field, field.defaultValue()) : "NULL");
		}
		TableRemake.run(this, after, mapping);
	}

	/**
	 * Return whether a new column needs a remake (Django's rules: {@code ADD COLUMN} cannot add a
	 * primary key, a unique or NOT NULL column, one whose default fills existing rows and must be
	 * dropped afterwards, or one whose database default is not a constant).
	 */
	private boolean remakesToAdd(FieldState field) {
		return field.primaryKey() || isUnique(field) || !field.nullable() || field.defaultValue() != null
				|| (field.dbDefault() != null && isNow(field.type(), field.dbDefault()));
	}

	@Override
	public void removeField(ModelState model, String name, FieldState field) {
		boolean plain = !field.primaryKey() && !isUnique(field) && !field.dbIndex() && !isRelationColumn(field);
		if (field.type() instanceof FieldType.ManyToManyField || !field.type().hasColumn() || plain) {
			super.removeField(model, name, field);
			return;
		}
		ModelState after = model.withoutField(name)
			.withIndexes(model.indexes()
				.stream()
				.filter((index) -> index.fields().stream().noneMatch((f) -> f.replace("-", "").equals(name)))
				.toList());
		TableRemake.run(this, after, TableRemake.sameColumns(this, after, Set.of()));
	}

	@Override
	protected void alterColumn(ModelState model, String oldName, FieldState oldField, String newName,
			FieldState newField) {
		ModelState after = withField(model, oldName, newName, newField);
		String oldColumn = oldField.column(oldName);
		String newColumn = newField.column(newName);
		boolean sameDefinition = definition(after, newColumn, oldField).equals(definition(after, newColumn, newField));
		if (oldColumn.equals(newColumn) && sameDefinition) {
			return;
		}
		if (sameDefinition && !hasForeignKey(oldField) && !hasForeignKey(newField)) {
			execute(sqlRenameColumn(quoteName(model.table()), quoteName(oldColumn), quoteName(newColumn)));
			renameInDeferred(model.table(), oldColumn, newColumn);
			return;
		}
		Map<String, String> mapping = TableRemake.sameColumns(this, after, Set.of(newColumn));
		if (oldField.nullable() && !newField.nullable()) {
			String fill = (newField.dbDefault() != null) ? newField.dbDefault() : newField.defaultValue();
			mapping.put(newColumn, "coalesce(" + quoteName(oldColumn) + ", "
					+ ((fill != null) ? literal(after, newField, fill) : "NULL") + ")");
		}
		else {
			mapping.put(newColumn, quoteName(oldColumn));
		}
		TableRemake.run(this, after, mapping);
	}

	private String definition(ModelState model, String column, FieldState field) {
		String references = hasForeignKey(field) ? " " + inlineForeignKey(model, field.type()) : "";
		return columnDefinition(model, column, field, false) + references + (isIndexed(field) ? " (indexed)" : "");
	}

	private static ModelState withField(ModelState model, String oldName, String newName, FieldState newField) {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		model.fields().forEach((name, field) -> {
			if (name.equals(oldName) || name.equals(newName)) {
				fields.putIfAbsent(newName, newField);
			}
			else {
				fields.put(name, field);
			}
		});
		fields.putIfAbsent(newName, newField);
		return new ModelState(model.app(), model.name(), fields, model.dbTable(), model.indexes(), model.constraints(),
				model.options());
	}

	@Override
	protected void alterJoinTable(ModelState oldJoin, ModelState newJoin) {
		List<String> oldColumns = columns(oldJoin);
		List<String> newColumns = columns(newJoin);
		if (oldJoin.table().equalsIgnoreCase(newJoin.table())) {
			if (oldJoin.fields().equals(newJoin.fields())) {
				return;
			}
			Map<String, String> mapping = new LinkedHashMap<>();
			for (int i = 0; i < newColumns.size(); i++) {
				mapping.put(newColumns.get(i), quoteName(oldColumns.get(i)));
			}
			TableRemake.run(this, newJoin, mapping);
			return;
		}
		createModel(newJoin);
		execute("INSERT INTO " + quoteName(newJoin.table()) + " ("
				+ String.join(", ", newColumns.stream().map(this::quoteName).toList()) + ") SELECT "
				+ String.join(", ", oldColumns.stream().map(this::quoteName).toList()) + " FROM "
				+ quoteName(oldJoin.table()));
		dropTable(oldJoin.table());
	}

	private static List<String> columns(ModelState model) {
		return model.fields().entrySet().stream().map((entry) -> entry.getValue().column(entry.getKey())).toList();
	}

	// ---- indexes and constraints --------------------------------------------------------

	@Override
	public void addConstraint(ModelState model, ConstraintState constraint) {
		if (isConditionalUnique(constraint)) {
			super.addConstraint(model, constraint);
			return;
		}
		List<ConstraintState> constraints = new java.util.ArrayList<>(model.constraints()
			.stream()
			.filter((existing) -> !existing.name().equals(constraint.name()))
			.toList());
		constraints.add(constraint);
		ModelState after = model.withConstraints(constraints);
		TableRemake.run(this, after, TableRemake.sameColumns(this, after, Set.of()));
	}

	@Override
	public void removeConstraint(ModelState model, ConstraintState constraint) {
		if (isConditionalUnique(constraint)) {
			super.removeConstraint(model, constraint);
			return;
		}
		ModelState after = model.withConstraints(model.constraints()
			.stream()
			.filter((existing) -> !existing.name().equals(constraint.name()))
			.toList());
		TableRemake.run(this, after, TableRemake.sameColumns(this, after, Set.of()));
	}

	private static boolean isConditionalUnique(ConstraintState constraint) {
		return constraint instanceof ConstraintState.Unique unique && unique.condition() != null;
	}

	@Override
	protected void renameExistingIndex(ModelState model, IndexState oldIndex, IndexState newIndex) {
		execute(sqlDeleteIndex(quoteName(model.table()), quoteName(oldIndex.name())));
		execute(indexSql(model, newIndex));
	}

	// ---- transactions -------------------------------------------------------------------

	@Override
	public void beforeTransaction() {
		if (!isCollectOnly() && SqliteForeignKeys.enabled(this.connection)) {
			SqliteForeignKeys.set(this.connection, false);
			this.foreignKeysTurnedOff = true;
		}
	}

	@Override
	public void afterTransaction() {
		if (this.foreignKeysTurnedOff) {
			this.foreignKeysTurnedOff = false;
			try {
				SqliteForeignKeys.set(this.connection, true);
			}
			catch (MigrationException ex) {
				// the connection is gone; a new one enforces foreign keys as it is configured
			}
		}
	}

	@Override
	public void flushDeferred() {
		super.flushDeferred();
		if (this.foreignKeysTurnedOff) {
			SqliteForeignKeys.check(this.connection);
		}
	}

	// ---- templates ----------------------------------------------------------------------

	@Override
	protected String dataType(FieldType type) {
		return TYPES.render(type);
	}

	@Override
	protected @Nullable String dataTypeSuffix(FieldType type) {
		return type.isAutoField() ? "AUTOINCREMENT" : null;
	}

	@Override
	protected @Nullable String inlineForeignKey(ModelState model, FieldType relation) {
		Target target = target(model, relation);
		return "REFERENCES " + quoteName(target.table()) + " (" + quoteName(target.column()) + ")"
				+ onDeleteSql(relation) + " DEFERRABLE INITIALLY DEFERRED";
	}

	@Override
	protected @Nullable String columnCheck(String column, FieldState field) {
		if (field.type() instanceof FieldType.JSONField) {
			return "(JSON_VALID(" + quoteName(column) + ") OR " + quoteName(column) + " IS NULL)";
		}
		return super.columnCheck(column, field);
	}

	@Override
	protected int maxNameLength() {
		// Django has no limit on SQLite and truncates names to 200 characters
		return 200;
	}

	@Override
	protected String sqlDeleteTable(String table) {
		return "DROP TABLE " + table;
	}

	@Override
	protected String sqlDeleteColumn(String table, String column) {
		return "ALTER TABLE " + table + " DROP COLUMN " + column;
	}

	@Override
	protected boolean supportsPartialIndexes() {
		return true;
	}

	@Override
	protected @Nullable String sqlColumnComment(String table, String column, String comment) {
		return null;
	}

	@Override
	protected boolean offsetInTimestamps() {
		return false;
	}

	@Override
	protected String quoteValue(FieldType type, String value) {
		String literal = super.quoteValue(type, value);
		if (type instanceof FieldType.BooleanField) {
			return literal.equals("true") ? "1" : "0";
		}
		return literal;
	}

	@Override
	protected String sqlNow(FieldType type) {
		if (type instanceof FieldType.DateTimeField) {
			return "(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))";
		}
		return (type instanceof FieldType.DateField) ? "CURRENT_DATE" : "CURRENT_TIME";
	}

	private static boolean isNow(FieldType type, String value) {
		boolean temporal = type instanceof FieldType.DateField || type instanceof FieldType.DateTimeField
				|| type instanceof FieldType.TimeField;
		return temporal && value.trim().equalsIgnoreCase("now");
	}

	@Override
	protected String durationLiteral(Duration duration) {
		return Long.toString(duration.toNanos() / 1000);
	}

	@Override
	protected String uuidLiteral(UUID uuid) {
		return "'" + uuid.toString().replace("-", "") + "'";
	}

}
