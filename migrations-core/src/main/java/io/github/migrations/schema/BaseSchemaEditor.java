package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.migrations.MigrationException;
import io.github.migrations.SchemaEditException;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Base of the vendor schema editors, after Django's {@code BaseDatabaseSchemaEditor}: the
 * algorithms live here, the SQL comes from small template methods the vendors override.
 * Statements run at once through a JDBC {@link Statement} (and are collected), or, in
 * collect-only mode, are only collected. Foreign keys and indexes of new tables and columns are
 * deferred to {@link #flushDeferred()}.
 * <p>
 * Identifiers are always quoted, so reserved words work as names, and folded to the case the
 * database uses for unquoted names, so hand-written SQL with unquoted names still finds them.
 * Existing constraints and indexes are found by introspection before they are dropped.
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

	private Consumer<String> beforeExecute = (sql) -> {
	};

	private final List<Deferred> deferred = new ArrayList<>();

	private @Nullable ProjectState projectState;

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

	@Override
	public void createModel(ModelState model) {
		List<String> definitions = new ArrayList<>();
		List<Deferred> indexes = new ArrayList<>();
		model.fields().forEach((name, field) -> {
			String column = field.column(name);
			definitions.add(quoteName(column) + " " + columnDefinition(model, field, false));
			if (field.type() instanceof FieldType.ForeignKey fk) {
				this.deferred.add(createForeignKey(model, column, fk));
			}
			if (isIndexed(field)) {
				indexes.add(createIndex(model.table(), column));
			}
		});
		execute("CREATE TABLE " + quoteName(model.table()) + " (" + String.join(", ", definitions) + ")");
		this.deferred.addAll(indexes);
	}

	@Override
	public void deleteModel(ModelState model) {
		this.deferred.removeIf((statement) -> statement.table().equalsIgnoreCase(model.table()));
		execute(sqlDeleteTable(quoteName(model.table())));
	}

	@Override
	public void alterDbTable(ModelState model, String oldTable, String newTable) {
		if (oldTable.equalsIgnoreCase(newTable)) {
			return;
		}
		execute(sqlRenameTable(quoteName(oldTable), quoteName(newTable)));
		renameInDeferred(oldTable, null, newTable);
	}

	@Override
	public void addField(ModelState model, String name, FieldState field) {
		String table = quoteName(model.table());
		String column = field.column(name);
		execute("ALTER TABLE " + table + " ADD COLUMN " + quoteName(column) + " "
				+ columnDefinition(model, field, true));
		if (field.hasDefault()) {
			execute("ALTER TABLE " + table + " " + sqlDropColumnDefault(quoteName(column)));
		}
		if (field.type() instanceof FieldType.ForeignKey fk) {
			this.deferred.add(createForeignKey(model, column, fk));
		}
		if (isIndexed(field)) {
			this.deferred.add(createIndex(model.table(), column));
		}
	}

	@Override
	public void removeField(ModelState model, String name, FieldState field) {
		String column = field.column(name);
		if (field.type() instanceof FieldType.ForeignKey fk) {
			dropForeignKeys(model, column, fk);
		}
		this.deferred.removeIf((statement) -> statement.table().equalsIgnoreCase(model.table())
				&& column.equalsIgnoreCase(statement.column()));
		execute(sqlDeleteColumn(quoteName(model.table()), quoteName(column)));
	}

	@Override
	public void alterField(ModelState model, String oldName, FieldState oldField, String newName,
			FieldState newField) {
		AlterFieldPlan plan = new AlterFieldPlan(this, model, oldName, oldField, newName, newField);
		plan.run();
	}

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
		this.beforeExecute.accept(sql);
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
	 * Return the column definition after the column name: type, default, nullability,
	 * primary key or unique, vendor suffix.
	 * @param model the model the field belongs to
	 * @param field the field
	 * @param includeDefault whether to include the field's default
	 * @return the definition
	 */
	protected String columnDefinition(ModelState model, FieldState field, boolean includeDefault) {
		StringBuilder sql = new StringBuilder(columnType(model, field));
		if (includeDefault && field.defaultValue() != null) {
			sql.append(" DEFAULT ").append(quoteValue(field.type(), field.defaultValue()));
		}
		sql.append((field.nullable() && !field.primaryKey()) ? " NULL" : " NOT NULL");
		if (field.primaryKey()) {
			sql.append(" PRIMARY KEY");
		}
		else if (field.unique()) {
			sql.append(" UNIQUE");
		}
		String suffix = dataTypeSuffix(field.type());
		if (suffix != null) {
			sql.append(' ').append(suffix);
		}
		return sql.toString();
	}

	/**
	 * Return the column type of a field; a foreign key takes the type of its target's primary
	 * key (a {@code bigint} for a {@code BigAutoField}).
	 * @param model the model the field belongs to
	 * @param field the field
	 * @return the SQL type
	 */
	protected String columnType(ModelState model, FieldState field) {
		if (field.type() instanceof FieldType.ForeignKey fk) {
			FieldType targetType = target(model, fk).type();
			return dataType((targetType instanceof FieldType.BigAutoField) ? new FieldType.BigIntegerField()
					: targetType);
		}
		return dataType(field.type());
	}

	/**
	 * Return the SQL literal of a default value.
	 * @param type the field type
	 * @param value the canonical text
	 * @return the literal
	 */
	protected String quoteValue(FieldType type, String value) {
		return SqlLiterals.literal(type, value, false, true);
	}

	/**
	 * Return whether a field gets a plain index: {@code db_index} or a foreign key, unless it is
	 * unique or the primary key (which are indexed anyway).
	 * @param field the field
	 * @return {@code true} if an index is created for it
	 */
	protected boolean isIndexed(FieldState field) {
		return (field.dbIndex() || field.type().isRelation()) && !field.unique() && !field.primaryKey();
	}

	/**
	 * Return the table, primary key column and primary key type a foreign key points to.
	 * @param model the model holding the foreign key
	 * @param fk the foreign key
	 * @return the target
	 */
	protected Target target(ModelState model, FieldType.ForeignKey fk) {
		ModelKey key = fk.target();
		ModelState target = key.equals(model.key()) ? model
				: (this.projectState != null) ? this.projectState.find(key) : null;
		if (target == null) {
			return new Target(key.app() + "_" + key.name(), "id", new FieldType.BigAutoField());
		}
		String pk = target.primaryKeyName();
		FieldState pkField = target.field(pk);
		return new Target(target.table(), pkField.column(pk), pkField.type());
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

	Deferred createForeignKey(ModelState model, String column, FieldType.ForeignKey fk) {
		Target target = target(model, fk);
		String name = indexName(model.table(), column, "_fk_" + target.table() + "_" + target.column());
		return new Deferred(model.table(), column, sqlCreateForeignKey(quoteName(model.table()), quoteName(name),
				quoteName(column), quoteName(target.table()), quoteName(target.column())));
	}

	Deferred createIndex(String table, String column) {
		return new Deferred(table, column,
				"CREATE INDEX " + quoteName(indexName(table, column, "")) + " ON " + quoteName(table) + " ("
						+ quoteName(column) + ")");
	}

	void dropForeignKeys(ModelState model, String column, FieldType.ForeignKey fk) {
		Set<String> names = Introspector.foreignKeyNames(this.connection, model.table(), column);
		if (names.isEmpty()) {
			if (!this.collectOnly) {
				throw new MigrationException(
						"Found no foreign key constraint on " + model.table() + "." + column + " to drop");
			}
			Target target = target(model, fk);
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
		String from = quoteName((oldColumn != null) ? oldColumn : table);
		String to = quoteName(replacement);
		this.deferred.replaceAll((statement) -> {
			if (!statement.table().equalsIgnoreCase(table)) {
				return statement;
			}
			String newTable = (oldColumn != null) ? statement.table() : replacement;
			String newColumn = (oldColumn != null && oldColumn.equalsIgnoreCase(statement.column())) ? replacement
					: statement.column();
			return new Deferred(newTable, newColumn, statement.sql().replace(from, to));
		});
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

	/**
	 * A statement run when the editor is flushed, with the table and column it belongs to.
	 */
	record Deferred(String table, @Nullable String column, String sql) {
	}

	private enum IdentifierCase {

		UPPER, LOWER, AS_IS

	}

}
