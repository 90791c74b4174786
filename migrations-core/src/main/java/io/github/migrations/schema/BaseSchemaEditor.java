package io.github.migrations.schema;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.migrations.MigrationException;
import io.github.migrations.SchemaEditException;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Base of the vendor schema editors, after Django's {@code BaseDatabaseSchemaEditor}: the
 * algorithms live here, the SQL comes from small template methods the vendors override.
 * Statements run at once through a JDBC {@link Statement} (and are collected), or, in
 * collect-only mode, are only collected. Foreign keys, constraints and indexes of new tables and
 * columns are deferred to {@link #flushDeferred()}.
 * <p>
 * Identifiers are always quoted, so reserved words work as names, and folded to the case the
 * database uses for unquoted names, so hand-written SQL with unquoted names still finds them.
 * Existing constraints and indexes are found by introspection before they are dropped.
 * <p>
 * A many-to-many field without {@code through} model gets Django's automatic join table (see
 * {@link JoinTables}); it is created and dropped with its model or field.
 *
 * @since 0.1
 */
public abstract class BaseSchemaEditor extends SqlTemplates implements SchemaEditor {

	private static final System.Logger logger = System.getLogger(BaseSchemaEditor.class.getName());

	/** The connection statements run on; never closed by the editor. */
	protected final Connection connection;

	private final boolean collectOnly;

	private final IdentifierCase identifierCase;

	private final List<String> collected = new ArrayList<>();

	/** Called before each statement runs; {@code null} for nothing (no lambda to spin per editor). */
	private @Nullable Consumer<String> beforeExecute;

	private final List<Deferred> deferred = new ArrayList<>();

	private @Nullable ProjectState projectState;

	private @Nullable ModelState joinOwner;

	/**
	 * Create an editor.
	 * @param connection the connection to run statements on and read metadata from
	 * @param collectOnly whether statements are only collected, never executed
	 */
	protected BaseSchemaEditor(Connection connection, boolean collectOnly) {
		this.connection = Objects.requireNonNull(connection, "'connection' must not be null");
		this.collectOnly = collectOnly;
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			this.identifierCase = metaData.storesUpperCaseIdentifiers() ? IdentifierCase.UPPER
					: metaData.storesLowerCaseIdentifiers() ? IdentifierCase.LOWER : IdentifierCase.AS_IS;
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database metadata: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void setProjectState(ProjectState state) {
		this.projectState = state;
	}

	@Override
	public boolean isCollectOnly() {
		return this.collectOnly;
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	/**
	 * Quote an identifier, folded to the case the database stores unquoted names in.
	 * @param name the name, unquoted
	 * @return the quoted name
	 */
	public String quoteName(String name) {
		String folded = switch (this.identifierCase) {
			case UPPER -> name.toUpperCase(Locale.ROOT);
			case LOWER -> name.toLowerCase(Locale.ROOT);
			case AS_IS -> name;
		};
		String quote = identifierQuote();
		return quote + folded.replace(quote, quote + quote) + quote;
	}

	// ---- models -------------------------------------------------------------------------

	@Override
	public void createModel(ModelState model) {
		createTable(model, model.table());
		forEachJoinTable(model, this::createModel);
	}

	/**
	 * Create the table of a model under a given name, with its columns and (deferred) its
	 * foreign keys, constraints and indexes, which are named after the model's own table; no join
	 * tables. The SQLite table remake creates {@code new__<table>} this way.
	 * @param model the model
	 * @param table the name of the table to create, unquoted
	 */
	void createTable(ModelState model, String table) {
		List<String> definitions = new ArrayList<>();
		List<Deferred> later = new ArrayList<>();
		List<Deferred> fieldIndexes = new ArrayList<>();
		List<String> comments = new ArrayList<>();
		String modelTable = model.table();
		model.fields().forEach((name, field) -> {
			if (!field.type().hasColumn()) {
				return;
			}
			String column = field.column(name);
			String references = hasForeignKey(field) ? inlineForeignKey(model, field.type()) : null;
			definitions.add(quoteName(column) + " " + columnDefinition(model, column, field, false)
					+ ((references != null) ? " " + references : ""));
			if (hasForeignKey(field) && references == null) {
				this.deferred.add(createForeignKey(model, column, field.type()));
			}
			if (isIndexed(field)) {
				fieldIndexes.add(createIndex(modelTable, column));
			}
			// a column without a comment needs no statement: none is built
			String comment = (field.dbComment() != null) ? commentSql(modelTable, column, field.dbComment()) : null;
			if (comment != null) {
				comments.add(comment);
			}
		});
		for (ConstraintState constraint : model.constraints()) {
			String inline = inlineConstraintSql(model, constraint);
			if (inline != null) {
				definitions.add(inline);
			}
			else {
				String sql = constraintSql(model, constraint);
				if (sql != null) {
					later.add(Deferred.named(this, model.table(), constraint.name(), sql));
				}
			}
		}
		execute("CREATE TABLE " + quoteName(table) + " (" + String.join(", ", definitions) + ")");
		comments.forEach(this::execute);
		this.deferred.addAll(later);
		this.deferred.addAll(fieldIndexes);
		for (IndexState index : model.indexes()) {
			this.deferred.add(Deferred.named(this, model.table(), index.name(), indexSql(model, index)));
		}
	}

	/**
	 * Return the foreign key clause written into a column definition ({@code REFERENCES …}) on
	 * databases that declare foreign keys inline (SQLite, Django's {@code sql_create_inline_fk}),
	 * or {@code null} where they are added as named constraints afterwards.
	 * @param model the model holding the relation
	 * @param relation the relation type
	 * @return the clause, or {@code null}
	 */
	protected @Nullable String inlineForeignKey(ModelState model, FieldType relation) {
		return null;
	}

	@Override
	public void deleteModel(ModelState model) {
		forEachJoinTable(model, this::deleteModel);
		dropTable(model.table());
	}

	/**
	 * Drop a table (and only that), forgetting the deferred statements that refer to it.
	 * @param table the table, unquoted
	 */
	void dropTable(String table) {
		this.deferred.removeIf((statement) -> statement.references(table));
		execute(sqlDeleteTable(quoteName(table)));
	}

	/**
	 * Forget the deferred statements that change a table (before the SQLite remake recreates
	 * them).
	 * @param table the table, unquoted
	 */
	void forgetDeferred(String table) {
		this.deferred.removeIf((statement) -> statement.table().equalsIgnoreCase(table));
	}

	@Override
	public void alterDbTable(ModelState model, String oldTable, String newTable) {
		if (oldTable.equalsIgnoreCase(newTable)) {
			return;
		}
		execute(sqlRenameTable(quoteName(oldTable), quoteName(newTable)));
		renameInDeferred(oldTable, null, newTable);
	}

	// ---- fields -------------------------------------------------------------------------

	@Override
	public void addField(ModelState model, String name, FieldState field) {
		if (field.type() instanceof FieldType.ManyToManyField m2m) {
			if (m2m.through() == null) {
				runWithJoinOwner(model, () -> createModel(JoinTables.model(this, model, name, m2m)));
			}
			return;
		}
		String table = quoteName(model.table());
		String column = field.column(name);
		String references = hasForeignKey(field) ? inlineForeignKey(model, field.type()) : null;
		boolean oneOff = field.hasDefault() && field.dbDefault() == null;
		boolean fillByUpdate = oneOff && skipDefaultOnAlter(columnType(model, field));
		execute("ALTER TABLE " + table + " ADD COLUMN " + quoteName(column) + " "
				+ columnDefinition(model, column, field, !fillByUpdate) + ((references != null) ? " " + references : ""));
		if (fillByUpdate) {
			execute("UPDATE " + table + " SET " + quoteName(column) + " = "
					+ literal(model, field, field.defaultValue()));
		}
		else if (oneOff) {
			execute("ALTER TABLE " + table + " " + sqlDropOneOffDefault(quoteName(column), field.nullable()));
		}
		if (field.dbComment() != null) {
			String comment = commentSql(model.table(), column, field.dbComment());
			if (comment != null) {
				execute(comment);
			}
		}
		if (hasForeignKey(field) && references == null) {
			this.deferred.add(createForeignKey(model, column, field.type()));
		}
		if (isIndexed(field)) {
			this.deferred.add(createIndex(model.table(), column));
		}
	}

	@Override
	public void removeField(ModelState model, String name, FieldState field) {
		if (field.type() instanceof FieldType.ManyToManyField m2m) {
			if (m2m.through() == null) {
				runWithJoinOwner(model, () -> deleteModel(JoinTables.model(this, model, name, m2m)));
			}
			return;
		}
		String column = field.column(name);
		if (hasForeignKey(field)) {
			dropForeignKeys(model, column, field.type());
		}
		removeDeferredOfColumn(model.table(), column);
		execute(sqlDeleteColumn(quoteName(model.table()), quoteName(column)));
	}

	@Override
	public void alterField(ModelState model, String oldName, FieldState oldField, String newName,
			FieldState newField) {
		boolean oldM2m = oldField.type() instanceof FieldType.ManyToManyField;
		boolean newM2m = newField.type() instanceof FieldType.ManyToManyField;
		if (oldM2m || newM2m) {
			if (oldM2m && newM2m
					&& (((FieldType.ManyToManyField) oldField.type()).through() == null) == (((FieldType.ManyToManyField) newField
						.type()).through() == null)) {
				alterManyToMany(model, oldName, oldField, model, newName, newField);
				return;
			}
			throw new MigrationException("Cannot alter field " + model.name() + "." + oldName + " into "
					+ model.name() + "." + newName + " - they are not compatible types (you cannot alter to or from"
					+ " M2M fields, or add or remove through= on M2M fields)");
		}
		alterColumn(model, oldName, oldField, newName, newField);
	}

	/**
	 * Change the column of a field that is not many-to-many, in the order of Django's
	 * {@code _alter_field} (see {@link AlterFieldPlan}); SQLite remakes the table instead.
	 * @param model the model (after the change)
	 * @param oldName the old field name
	 * @param oldField the old field
	 * @param newName the new field name
	 * @param newField the new field
	 */
	protected void alterColumn(ModelState model, String oldName, FieldState oldField, String newName,
			FieldState newField) {
		new AlterFieldPlan(this, model, oldName, oldField, newName, newField).run();
	}

	@Override
	public void alterManyToMany(ModelState oldModel, String oldName, FieldState oldField, ModelState newModel,
			String newName, FieldState newField) {
		if (!(oldField.type() instanceof FieldType.ManyToManyField oldM2m)
				|| !(newField.type() instanceof FieldType.ManyToManyField newM2m)) {
			throw new IllegalArgumentException("Not many-to-many fields: " + oldName + ", " + newName);
		}
		if (oldM2m.through() != null || newM2m.through() != null) {
			return;
		}
		ModelState oldJoin = withJoinOwner(oldModel, () -> JoinTables.model(this, oldModel, oldName, oldM2m));
		ModelState newJoin = withJoinOwner(newModel, () -> JoinTables.model(this, newModel, newName, newM2m));
		runWithJoinOwner(newModel, () -> alterJoinTable(oldJoin, newJoin));
	}

	/**
	 * Rename an automatic join table and rename and repoint its two columns, as its many-to-many
	 * field or the models it joins changed; runs with the field's model as the owner that the join
	 * table's foreign keys resolve.
	 * @param oldJoin the join table's model before
	 * @param newJoin the join table's model after
	 */
	protected void alterJoinTable(ModelState oldJoin, ModelState newJoin) {
		alterDbTable(newJoin, oldJoin.table(), newJoin.table());
		List<String> oldFields = new ArrayList<>(oldJoin.fields().keySet());
		List<String> newFields = new ArrayList<>(newJoin.fields().keySet());
		for (int i = 1; i < oldFields.size(); i++) {
			String oldFieldName = oldFields.get(i);
			String newFieldName = newFields.get(i);
			FieldState before = oldJoin.field(oldFieldName);
			FieldState after = newJoin.field(newFieldName);
			if (!before.equals(after) || !oldFieldName.equals(newFieldName)) {
				alterField(newJoin, oldFieldName, before, newFieldName, after);
			}
		}
	}

	// ---- indexes and constraints --------------------------------------------------------

	@Override
	public void addIndex(ModelState model, IndexState index) {
		execute(indexSql(model, index));
	}

	@Override
	public void removeIndex(ModelState model, IndexState index) {
		if (removeDeferred(model.table(), index.name())) {
			return;
		}
		execute(sqlDeleteIndex(quoteName(model.table()), quoteName(index.name())));
	}

	@Override
	public void renameIndex(ModelState model, IndexState oldIndex, IndexState newIndex) {
		if (oldIndex.name().equals(newIndex.name())) {
			return;
		}
		if (removeDeferred(model.table(), oldIndex.name())) {
			this.deferred.add(Deferred.named(this, model.table(), newIndex.name(), indexSql(model, newIndex)));
			return;
		}
		renameExistingIndex(model, oldIndex, newIndex);
	}

	/**
	 * Rename an index that exists in the database; where indexes cannot be renamed (SQLite, as
	 * Django's {@code can_rename_index}) it is dropped and created again.
	 * @param model the model
	 * @param oldIndex the index with its old name
	 * @param newIndex the index with its new name
	 */
	protected void renameExistingIndex(ModelState model, IndexState oldIndex, IndexState newIndex) {
		execute(sqlRenameIndex(quoteName(model.table()), quoteName(oldIndex.name()), quoteName(newIndex.name())));
	}

	@Override
	public void addConstraint(ModelState model, ConstraintState constraint) {
		String sql = constraintSql(model, constraint);
		if (sql != null) {
			execute(sql);
		}
	}

	@Override
	public void removeConstraint(ModelState model, ConstraintState constraint) {
		if (removeDeferred(model.table(), constraint.name())) {
			return;
		}
		String table = quoteName(model.table());
		String name = quoteName(constraint.name());
		if (constraint instanceof ConstraintState.Check) {
			execute(sqlDeleteCheck(table, name));
		}
		else if (constraint instanceof ConstraintState.Unique unique) {
			if (unique.condition() == null) {
				execute(sqlDeleteUnique(table, name));
			}
			else if (supportsPartialIndexes()) {
				execute(sqlDeleteIndex(table, name));
			}
		}
	}

	/**
	 * Return the statement that creates an index of the model; a condition is left out where the
	 * database has no partial indexes (as Django does, which warns about it in its checks).
	 * @param model the model
	 * @param index the index
	 * @return the statement
	 */
	protected String indexSql(ModelState model, IndexState index) {
		String condition = index.condition();
		if (condition != null && !supportsPartialIndexes()) {
			logger.log(System.Logger.Level.WARNING, "{0} does not support indexes with conditions; index {1}"
					+ " on {2} is created without its condition ({3})", vendor().displayName(), index.name(),
					model.table(), condition);
			condition = null;
		}
		return sqlCreateIndex(quoteName(model.table()), quoteName(index.name()), indexColumns(model, index.fields()),
				condition, false);
	}

	/**
	 * Return the statement that adds a constraint, or {@code null} when the database cannot have
	 * it (a conditional unique constraint without partial indexes, which Django skips too).
	 * @param model the model
	 * @param constraint the constraint
	 * @return the statement, or {@code null}
	 */
	protected @Nullable String constraintSql(ModelState model, ConstraintState constraint) {
		String table = quoteName(model.table());
		String name = quoteName(constraint.name());
		if (constraint instanceof ConstraintState.Check check) {
			return sqlCreateCheck(table, name, check.check());
		}
		ConstraintState.Unique unique = (ConstraintState.Unique) constraint;
		String columns = indexColumns(model, unique.fields());
		if (unique.condition() == null) {
			return sqlCreateUnique(table, name, columns);
		}
		if (supportsPartialIndexes()) {
			return sqlCreateIndex(table, name, columns, unique.condition(), true);
		}
		logger.log(System.Logger.Level.WARNING, "{0} does not support unique constraints with conditions;"
				+ " constraint {1} on {2} is not created", vendor().displayName(), constraint.name(), model.table());
		return null;
	}

	/**
	 * Return a constraint as written in {@code CREATE TABLE} ({@code CONSTRAINT "name" UNIQUE (…)}
	 * or {@code CONSTRAINT "name" CHECK (…)}), as Django's {@code constraint_sql}; {@code null} for
	 * a conditional unique constraint, which is an index created afterwards.
	 * @param model the model
	 * @param constraint the constraint
	 * @return the table constraint, or {@code null}
	 */
	protected @Nullable String inlineConstraintSql(ModelState model, ConstraintState constraint) {
		String name = "CONSTRAINT " + quoteName(constraint.name());
		if (constraint instanceof ConstraintState.Check check) {
			return name + " CHECK (" + check.check() + ")";
		}
		ConstraintState.Unique unique = (ConstraintState.Unique) constraint;
		return (unique.condition() != null) ? null : name + " UNIQUE (" + indexColumns(model, unique.fields()) + ")";
	}

	private String indexColumns(ModelState model, List<String> fields) {
		List<String> columns = new ArrayList<>();
		for (String field : fields) {
			boolean descending = field.startsWith("-");
			String name = descending ? field.substring(1) : field;
			String column = quoteName(model.field(name).column(name));
			columns.add(descending ? column + " DESC" : column);
		}
		return String.join(", ", columns);
	}

	// ---- execution ----------------------------------------------------------------------

	/**
	 * Call a listener before each statement is executed (never in collect-only mode); the
	 * executor uses it to note how far a migration outside a transaction got.
	 * @param listener receives each statement before it runs
	 */
	public void beforeExecute(Consumer<String> listener) {
		this.beforeExecute = listener;
	}

	@Override
	public void execute(String sql) {
		this.collected.add(sql);
		if (this.collectOnly) {
			return;
		}
		Consumer<String> listener = this.beforeExecute;
		if (listener != null) {
			listener.accept(sql);
		}
		logger.log(System.Logger.Level.DEBUG, "Executing: {0}", sql);
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new SchemaEditException("Failed to execute statement: " + sql + "\n" + ex.getMessage(), sql, ex);
		}
	}

	@Override
	public List<String> collectedSql() {
		return List.copyOf(this.collected);
	}

	/**
	 * Return the deferred statements not yet run.
	 * @return the statements in order
	 */
	public List<String> deferredSql() {
		return this.deferred.stream().map(Deferred::sql).toList();
	}

	/**
	 * Prepare the connection before the transaction of a migration begins, as Django's schema
	 * editor does on entry (SQLite turns foreign key enforcement off, which it cannot do inside a
	 * transaction). Never in collect-only mode.
	 */
	public void beforeTransaction() {
	}

	/**
	 * Undo {@link #beforeTransaction()} once the transaction has ended, committed or rolled back.
	 */
	public void afterTransaction() {
	}

	@Override
	public void flushDeferred() {
		while (!this.deferred.isEmpty()) {
			execute(this.deferred.remove(0).sql());
		}
	}

	@Override
	public void close() {
		flushDeferred();
	}

	// ---- column definitions -------------------------------------------------------------

	/**
	 * Return the column definition after the column name, as Django's {@code column_sql}: type,
	 * comment (where inline), default, nullability, primary key or unique, check, vendor suffix.
	 * @param model the model the field belongs to
	 * @param column the column name, unquoted
	 * @param field the field
	 * @param includeDefault whether to include the field's one-off default (a database default is
	 * always included)
	 * @return the definition
	 */
	protected String columnDefinition(ModelState model, String column, FieldState field, boolean includeDefault) {
		StringBuilder sql = new StringBuilder(columnAttributes(model, column, field, field.nullable(), includeDefault,
				false));
		if (field.primaryKey()) {
			sql.append(" PRIMARY KEY");
		}
		else if (isUnique(field)) {
			sql.append(" UNIQUE");
		}
		String check = columnCheck(column, field);
		if (check != null) {
			sql.append(" CHECK (").append(check).append(')');
		}
		String suffix = dataTypeSuffix(field.type());
		if (suffix != null) {
			sql.append(' ').append(suffix);
		}
		return sql.toString();
	}

	/**
	 * Return the whole definition of an existing column as a {@code MODIFY} restates it: type,
	 * comment, database default, nullability and check, without key clauses.
	 * @param model the model
	 * @param column the column, unquoted
	 * @param field the field
	 * @param nullable the nullability to state
	 * @return the definition
	 */
	String modifyDefinition(ModelState model, String column, FieldState field, boolean nullable) {
		String sql = columnAttributes(model, column, field, nullable, false, true);
		String check = columnCheck(column, field);
		return (check != null && checksRestatedByModify()) ? sql + " CHECK (" + check + ")" : sql;
	}

	private String columnAttributes(ModelState model, String column, FieldState field, boolean nullable,
			boolean includeDefault, boolean modify) {
		String type = columnType(model, field);
		StringBuilder sql = new StringBuilder(type);
		if (inlineColumnComments() && field.dbComment() != null) {
			sql.append(" COMMENT ").append(SqlLiterals.string(field.dbComment(), backslashEscapes()));
		}
		if (field.dbDefault() != null) {
			sql.append(" DEFAULT ").append(columnDefaultSql(type, literal(model, field, field.dbDefault())));
		}
		else if (includeDefault && field.defaultValue() != null) {
			sql.append(" DEFAULT ").append(columnDefaultSql(type, literal(model, field, field.defaultValue())));
		}
		sql.append((nullable && !field.primaryKey()) ? " NULL" : " NOT NULL");
		return sql.toString();
	}

	/**
	 * Return the column type of a field; a relation takes the type of its target's primary key
	 * as Django's {@code rel_db_type} (an auto field is referenced by a plain integer of its size,
	 * a positive integer by a plain integer unless {@link #relatedFieldsMatchType()}).
	 * @param model the model the field belongs to
	 * @param field the field
	 * @return the SQL type
	 */
	protected String columnType(ModelState model, FieldState field) {
		return dataType(isRelationColumn(field) ? relatedType(target(model, field.type()).type()) : field.type());
	}

	private FieldType relatedType(FieldType target) {
		if (target instanceof FieldType.AutoField) {
			return new FieldType.IntegerField();
		}
		if (target instanceof FieldType.BigAutoField) {
			return new FieldType.BigIntegerField();
		}
		if (target instanceof FieldType.SmallAutoField) {
			return new FieldType.SmallIntegerField();
		}
		if (!relatedFieldsMatchType()) {
			if (target instanceof FieldType.PositiveIntegerField) {
				return new FieldType.IntegerField();
			}
			if (target instanceof FieldType.PositiveBigIntegerField) {
				return new FieldType.BigIntegerField();
			}
			if (target instanceof FieldType.PositiveSmallIntegerField) {
				return new FieldType.SmallIntegerField();
			}
		}
		return target;
	}

	/**
	 * Return the column check of a field (Django's {@code data_type_check_constraints}):
	 * {@code "col" >= 0} for positive integers, else {@code null}.
	 * @param column the column, unquoted
	 * @param field the field
	 * @return the condition, or {@code null}
	 */
	protected @Nullable String columnCheck(String column, FieldState field) {
		FieldType type = field.type();
		boolean positive = type instanceof FieldType.PositiveIntegerField
				|| type instanceof FieldType.PositiveSmallIntegerField
				|| type instanceof FieldType.PositiveBigIntegerField;
		return positive ? quoteName(column) + " >= 0" : null;
	}

	/**
	 * Return whether a {@code MODIFY} restates the column check, because the database forgets
	 * column checks a {@code MODIFY} does not repeat (MariaDB); then checks are not added or
	 * dropped by separate statements when a field changes.
	 * @return {@code true} when checks go into {@code MODIFY}
	 */
	protected boolean checksRestatedByModify() {
		return false;
	}

	/**
	 * Return the SQL literal of a value of a field: a relation's value has the type of the
	 * target's primary key.
	 * @param model the model the field belongs to
	 * @param field the field
	 * @param value the canonical text
	 * @return the literal
	 */
	String literal(ModelState model, FieldState field, String value) {
		FieldType type = isRelationColumn(field) ? relatedType(target(model, field.type()).type()) : field.type();
		return quoteValue(type, value);
	}

	/**
	 * Return the SQL literal of a default value; {@code now} for date and time types becomes
	 * {@link #sqlNow}.
	 * @param type the field type
	 * @param value the canonical text
	 * @return the literal
	 */
	protected String quoteValue(FieldType type, String value) {
		boolean temporal = type instanceof FieldType.DateField || type instanceof FieldType.DateTimeField
				|| type instanceof FieldType.TimeField;
		if (temporal && value.trim().equalsIgnoreCase("now")) {
			return sqlNow(type);
		}
		if (type instanceof FieldType.DurationField) {
			return durationLiteral(Duration.parse(value.trim()));
		}
		if (type instanceof FieldType.UUIDField) {
			return uuidLiteral(UUID.fromString(value.trim()));
		}
		if (type instanceof FieldType.BinaryField) {
			return binaryLiteral(value.getBytes(StandardCharsets.UTF_8));
		}
		if (type instanceof FieldType.JSONField) {
			return jsonLiteral(value);
		}
		return SqlLiterals.literal(type, value, backslashEscapes(), offsetInTimestamps());
	}

	/**
	 * Return the statement that sets a column comment, or {@code null} where comments are inline.
	 * @param table the table, unquoted
	 * @param column the column, unquoted
	 * @param comment the comment, or {@code null} to remove it
	 * @return the statement, or {@code null}
	 */
	@Nullable String commentSql(String table, String column, @Nullable String comment) {
		return sqlColumnComment(quoteName(table), quoteName(column),
				(comment != null) ? SqlLiterals.string(comment, backslashEscapes()) : "NULL");
	}

	/**
	 * Return whether a field's column is unique: {@code unique}, or a one-to-one relation.
	 * @param field the field
	 * @return {@code true} for a unique column
	 */
	protected boolean isUnique(FieldState field) {
		return field.uniqueColumn();
	}

	/**
	 * Return whether a field gets a plain index under Django's name: {@code db_index} (which a
	 * foreign key has unless it says {@code false}), unless it is unique or the primary key
	 * (which are indexed anyway).
	 * @param field the field
	 * @return {@code true} if an index is created for it
	 */
	protected boolean isIndexed(FieldState field) {
		return field.ownIndex();
	}

	/**
	 * Return whether a field is a relation stored in a column of its model (foreign key,
	 * one-to-one).
	 * @param field the field
	 * @return {@code true} for a relation column
	 */
	protected static boolean isRelationColumn(FieldState field) {
		return field.type().relatedModel() != null && field.type().hasColumn();
	}

	/**
	 * Return whether a field is a relation column whose foreign key constraint the database has
	 * (not Django's {@code db_constraint=False}).
	 * @param field the field
	 * @return {@code true} if the field's foreign key is created
	 */
	protected static boolean hasForeignKey(FieldState field) {
		return isRelationColumn(field) && field.type().dbConstraint();
	}

	/**
	 * Return the table, primary key column and primary key type a foreign key points to.
	 * @param model the model holding the foreign key
	 * @param fk the foreign key
	 * @return the target
	 */
	protected Target target(ModelState model, FieldType.ForeignKey fk) {
		return target(model, (FieldType) fk);
	}

	/**
	 * Return the table, primary key column and primary key type a relation points to. Without a
	 * project state the target is assumed to be Django's default: table {@code <app>_<model>} with
	 * a {@code BigAutoField} named {@code id}.
	 * @param model the model holding the relation
	 * @param relation the relation type
	 * @return the target
	 */
	protected Target target(ModelState model, FieldType relation) {
		ModelKey key = Objects.requireNonNull(relation.relatedModel(), "not a relation");
		ModelState target = find(model, key);
		if (target == null) {
			return new Target(key.app() + "_" + key.name(), "id", new FieldType.BigAutoField());
		}
		String pk = target.primaryKeyName();
		FieldState pkField = target.field(pk);
		return new Target(target.table(), pkField.column(pk), pkField.type());
	}

	private @Nullable ModelState find(ModelState model, ModelKey key) {
		if (key.equals(model.key())) {
			return model;
		}
		if (this.joinOwner != null && key.equals(this.joinOwner.key())) {
			return this.joinOwner;
		}
		return (this.projectState != null) ? this.projectState.find(key) : null;
	}

	// ---- join tables --------------------------------------------------------------------

	private void forEachJoinTable(ModelState model, Consumer<ModelState> action) {
		model.fields().forEach((name, field) -> {
			if (field.type() instanceof FieldType.ManyToManyField m2m && m2m.through() == null) {
				withJoinOwner(model, () -> {
					action.accept(JoinTables.model(this, model, name, m2m));
					return null;
				});
			}
		});
	}

	private void runWithJoinOwner(ModelState owner, Runnable action) {
		withJoinOwner(owner, () -> {
			action.run();
			return null;
		});
	}

	private <T> T withJoinOwner(ModelState owner, java.util.function.Supplier<T> action) {
		ModelState previous = this.joinOwner;
		this.joinOwner = owner;
		try {
			return action.get();
		}
		finally {
			this.joinOwner = previous;
		}
	}

	/**
	 * Return the name of the automatic join table of a many-to-many field.
	 * @param model the model holding the field
	 * @param fieldName the field name
	 * @return the table name, unquoted
	 */
	public String joinTableName(ModelState model, String fieldName) {
		return JoinTables.tableName(model, fieldName, maxNameLength());
	}

	// ---- deferred statements and names --------------------------------------------------

	/**
	 * Return the index or constraint name Django would give (see {@link IndexNames}).
	 * @param table the table, unquoted
	 * @param column the column, unquoted
	 * @param suffix the suffix
	 * @return the name, unquoted
	 */
	protected String indexName(String table, String column, String suffix) {
		return IndexNames.create(table, List.of(column), suffix, maxNameLength());
	}

	/**
	 * Return the longest identifier the database accepts, for helpers of this package.
	 * @return the length
	 */
	int nameLength() {
		return maxNameLength();
	}

	Deferred createForeignKey(ModelState model, String column, FieldType relation) {
		Target target = target(model, relation);
		return Deferred.foreignKey(this, model.table(), column, target.table(), target.column(),
				onDeleteSql(relation));
	}

	/**
	 * Return the {@code ON DELETE} clause of a relation's foreign key, with its leading space:
	 * its database-level {@code on_delete}'s, else empty (Django's {@code _create_on_delete_sql}).
	 * @param relation the relation type
	 * @return the clause, or the empty string
	 */
	protected String onDeleteSql(FieldType relation) {
		String rule = relation.databaseOnDelete();
		return (rule != null) ? " ON DELETE " + rule : "";
	}

	Deferred createIndex(String table, String column) {
		return Deferred.fieldIndex(this, table, column);
	}

	/**
	 * Return the statement that adds Django's foreign key constraint, named after the tables and
	 * columns as they are now.
	 */
	String foreignKeySql(String table, String column, String targetTable, String targetColumn, String onDelete) {
		String name = indexName(table, column, "_fk_" + targetTable + "_" + targetColumn);
		return sqlCreateForeignKey(quoteName(table), quoteName(name), quoteName(column), quoteName(targetTable),
				quoteName(targetColumn), onDelete);
	}

	/**
	 * Return the statement that creates Django's index of a field, named after the table and
	 * column as they are now.
	 */
	String fieldIndexSql(String table, String column) {
		return "CREATE INDEX " + quoteName(indexName(table, column, "")) + " ON " + quoteName(table) + " ("
				+ quoteName(column) + ")";
	}

	void dropForeignKeys(ModelState model, String column, FieldType relation) {
		Set<String> names = Introspector.foreignKeyNames(this.connection, model.table(), column);
		if (names.isEmpty()) {
			if (!this.collectOnly) {
				throw new MigrationException(
						"Found no foreign key constraint on " + model.table() + "." + column + " to drop");
			}
			Target target = target(model, relation);
			names = Set.of(quoteName(indexName(model.table(), column, "_fk_" + target.table() + "_" + target.column())));
		}
		else {
			names = names.stream().map(this::quoteStored).collect(Collectors.toCollection(LinkedHashSet::new));
		}
		for (String name : names) {
			sqlDeleteForeignKey(quoteName(model.table()), name).forEach(this::execute);
		}
	}

	/**
	 * Quote a name exactly as the database stores it, without folding.
	 * @param name the stored name
	 * @return the quoted name
	 */
	protected String quoteStored(String name) {
		String quote = identifierQuote();
		return quote + name.replace(quote, quote + quote) + quote;
	}

	void renameInDeferred(String table, @Nullable String oldColumn, String replacement) {
		this.deferred.forEach((statement) -> statement.rename(table, oldColumn, replacement));
	}

	/**
	 * Drop the statements not yet run that create a column's foreign key and index.
	 * @param table the table, unquoted
	 * @param column the column, unquoted
	 * @return whether there was one
	 */
	final boolean removeDeferredOfColumn(String table, String column) {
		return this.deferred.removeIf((statement) -> statement.table().equalsIgnoreCase(table)
				&& column.equalsIgnoreCase(statement.column()));
	}

	/**
	 * Drop a statement not yet run that creates the named index or constraint of a table.
	 * @param table the table, unquoted
	 * @param name the index or constraint name
	 * @return whether there was one
	 */
	protected final boolean removeDeferred(String table, String name) {
		return this.deferred.removeIf((statement) -> statement.table().equalsIgnoreCase(table)
				&& name.equals(statement.name()));
	}

	/**
	 * Where a foreign key points.
	 *
	 * @param table the target table
	 * @param column the target's primary key column
	 * @param type the target's primary key type
	 */
	protected record Target(String table, String column, FieldType type) {
	}

	private enum IdentifierCase {

		UPPER, LOWER, AS_IS

	}

}
