package io.github.migrations.recorder;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.github.migrations.MigrationException;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which migration is running outside a transaction and how far it got, so that a run
 * that dies half-way (process killed, connection lost) is named on the next start instead of
 * failing later on "table already exists". Django has no equivalent: on databases that commit DDL
 * at once it leaves the user to find out.
 * <p>
 * The table {@code <historyTable>_progress} ({@code app}, {@code name}, {@code started},
 * {@code owner}, {@code statement}, {@code statement_sql}, {@code direction}) is created the
 * first time a migration runs (forwards or backwards) outside a transaction; a row exists from
 * the first statement of such a run of a migration until the first statement of the next one
 * takes the row over (one {@code UPDATE}, so the table holds one row of a run at a time, and
 * each note costs the same however many migrations ran before) or the run ends (the row left is
 * deleted then), or after it was interrupted. The executor writes the row only after a failure
 * for a database that dies with the process (embedded H2 {@code mem:}), where no later process
 * can read it. A forwards row whose migration the history records as applied, a backwards row whose migration
 * it no longer records, and a row that no statement started are forgotten on the next start.
 * A table made before the {@code direction} column existed is read as forwards rows and gets
 * the column (nullable; {@code NULL} means forwards) before the first row is written. Rows are
 * written on a connection of their own, opened lazily, so that they survive a failure of the
 * migration's connection, and so that a statement that failed alone (nothing of the migration
 * applied, or unapplied) can still be forgotten when the migration's connection was killed.
 *
 * @since 0.1
 */
public final class ProgressRecorder implements AutoCloseable {

	private static final String DIRECTION = "direction";

	private static final String FORWARDS = "forwards";

	private static final String BACKWARDS = "backwards";

	private final DataSource dataSource;

	private final String tableName;

	private @Nullable Connection connection;

	private @Nullable BaseSchemaEditor names;

	private boolean hasTable;

	/** Whether another connection found no table before this recorder opened its own (see {@link #probeTable}). */
	private boolean absent;

	/** The caller's connection that found the table, which {@link #interrupted()} reads with. */
	private @Nullable Connection probed;

	/** Whether the table has the direction column, once known. */
	private @Nullable Boolean hasDirection;

	/** The direction of each migration started by this recorder. */
	private final Map<MigrationKey, String> directions = new HashMap<>();

	/** Whether a key has a row (true) or none (false), as far as this recorder knows. */
	private final Map<MigrationKey, Boolean> rows = new HashMap<>();

	/** Whether the history table was found missing, so that no row can exist. */
	private boolean historyMissing;

	/** Whether {@link #rows} knows every row (the table was read or created), so unknown keys have none. */
	private boolean allRowsKnown;

	private @Nullable String owner;

	/** Keys whose rows are to be deleted, in one batch, when the recorder closes. */
	private final Set<MigrationKey> forget = new LinkedHashSet<>();

	/** Keys whose rows this recorder wrote and has not deleted. */
	private final Set<MigrationKey> written = new HashSet<>();

	/** Prepared statements by SQL text, on {@link #connection}, closed with it. */
	private final Map<String, PreparedStatement> statements = new HashMap<>();

	/**
	 * Create a recorder; no connection is opened until it is needed.
	 * @param dataSource the database
	 * @param historyTable the history table name; the progress table is named after it
	 */
	public ProgressRecorder(DataSource dataSource, String historyTable) {
		this.dataSource = dataSource;
		this.tableName = tableName(historyTable);
	}

	/**
	 * Return the name of the progress table that belongs to a history table.
	 * @param historyTable the history table name
	 * @return {@code <historyTable>_progress}
	 */
	public static String tableName(String historyTable) {
		return historyTable + "_progress";
	}

	/**
	 * Return the model of a progress table.
	 * @param table the table name
	 * @return the model state
	 */
	public static ModelState progressModel(String table) {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", FieldState.of(new FieldType.BigAutoField()));
		fields.put("app", FieldState.of(new FieldType.CharField(255)));
		fields.put("name", FieldState.of(new FieldType.CharField(255)));
		fields.put("started", FieldState.of(new FieldType.DateTimeField()));
		fields.put("owner", FieldState.of(new FieldType.CharField(255)));
		fields.put("statement", FieldState.of(new FieldType.IntegerField()));
		fields.put("statement_sql", FieldState.of(new FieldType.TextField()).withNullable(true));
		fields.put(DIRECTION, directionField());
		return new ModelState("migrations", "Progress", fields, table);
	}

	private static FieldState directionField() {
		return FieldState.of(new FieldType.CharField(9)).withNullable(true);
	}

	/**
	 * Return the name of the progress table.
	 * @return the table name, unquoted
	 */
	public String tableName() {
		return this.tableName;
	}

	/**
	 * Return the migrations that started and did not finish, oldest first.
	 * @return the interrupted migrations; empty when the table does not exist
	 */
	public List<InterruptedMigration> interrupted() {
		if (this.historyMissing || (this.absent && this.connection == null)) {
			return List.of();
		}
		// the rows are read on the caller's connection when it found the table: a restart opens no
		// connection of its own to find none, or only rows to forget
		Connection connection = (this.connection == null && this.probed != null) ? probed(this.probed) : connection();
		if (!hasTable(connection)) {
			this.rows.clear();
			this.allRowsKnown = true;
			return List.of();
		}
		// every column, so that a table made before the direction column existed is read in the same query
		String sql = "SELECT * FROM " + q(this.tableName) + " ORDER BY " + q("id");
		List<InterruptedMigration> result = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
			this.hasDirection = hasColumn(rows.getMetaData(), DIRECTION);
			while (rows.next()) {
				String direction = this.hasDirection ? rows.getString(DIRECTION) : null;
				result.add(new InterruptedMigration(new MigrationKey(rows.getString("app"), rows.getString("name")),
						rows.getTimestamp("started").toInstant(), rows.getString("owner"), rows.getInt("statement"),
						rows.getString("statement_sql"), BACKWARDS.equals(direction)));
			}
			this.rows.clear();
			for (InterruptedMigration interrupted : result) {
				this.rows.put(interrupted.key(), true);
			}
			this.allRowsKnown = true;
			return result;
		}
		catch (SQLException ex) {
			throw failure("read", ex);
		}
	}

	/**
	 * Find out through a connection of the caller, to the same database, whether the table
	 * exists, so that {@link #interrupted()} opens no connection of its own: when it does not (no
	 * migration ever ran outside a transaction) nothing is read, and when it does the rows are
	 * read on the caller's connection. Call it under the migration lock, before anything else of
	 * this recorder, and keep the connection open until {@link #interrupted()} has run.
	 * @param connection an open connection to the same database
	 */
	public void probeTable(Connection connection) {
		if (this.connection == null && !this.hasTable) {
			found(connection, Introspector.hasTable(connection, this.tableName));
		}
	}

	/**
	 * Find out as {@link #probeTable(Connection)} does, and whether the history table exists, in
	 * one look-up (the two names share a prefix), telling the history's recorder what was found.
	 * Call it under the migration lock, before anything else of this recorder.
	 * @param connection an open connection to the same database
	 * @param history the recorder of the history table this progress table belongs to
	 */
	public void probeTables(Connection connection, MigrationRecorder history) {
		if (this.connection != null || this.hasTable) {
			return;
		}
		Set<String> existing = Introspector.existingTables(connection, List.of(history.tableName(), this.tableName));
		history.tableFound(existing.contains(history.tableName()));
		found(connection, existing.contains(this.tableName));
	}

	private void found(Connection connection, boolean exists) {
		if (exists) {
			this.hasTable = true;
			this.probed = connection;
		}
		else {
			this.absent = true;
		}
	}

	/**
	 * Note that the history table does not exist, so no migration ran under this history yet (a
	 * migration's first progress note comes after the history table is made): there are no rows
	 * to read, and {@link #interrupted()} reads none.
	 */
	public void historyMissing() {
		this.rows.clear();
		this.allRowsKnown = true;
		this.historyMissing = true;
	}

	/**
	 * Note that a migration starts to be applied outside a transaction.
	 * @param key the migration
	 * @see #started(MigrationKey, boolean)
	 */
	public void started(MigrationKey key) {
		started(key, false);
	}

	/**
	 * Note that a migration starts to be applied or unapplied outside a transaction. Nothing is
	 * written until its first statement starts: a row that says no statement started and no row
	 * at all mean the same on the next start (nothing of the migration was applied, or unapplied).
	 * @param key the migration
	 * @param backwards whether it is being unapplied
	 */
	public void started(MigrationKey key, boolean backwards) {
		ensureTable(connection());
		this.directions.put(key, backwards ? BACKWARDS : FORWARDS);
	}

	/**
	 * Note that a statement of a running migration starts; the statements before it completed.
	 * The first statement's note takes over the row of a migration this recorder saw finish (one
	 * {@code UPDATE} of every column, so the table holds one row of this run at a time), or is an
	 * {@code INSERT} (after a {@code DELETE} of an older row, unless this recorder knows there is
	 * none); the next ones {@code UPDATE} the row.
	 * @param key the migration
	 * @param number the statement number, from 1
	 * @param sql the statement
	 */
	public void running(MigrationKey key, int number, String sql) {
		Boolean row = row(key);
		String direction = this.directions.getOrDefault(key, FORWARDS);
		if (Boolean.TRUE.equals(row) && !this.forget.contains(key)) {
			update("UPDATE " + q(this.tableName) + " SET " + q("statement") + " = ?, " + q("statement_sql") + " = ?, "
					+ q(DIRECTION) + " = ? WHERE " + q("app") + " = ? AND " + q("name") + " = ?", number, sql, direction,
					key.app(), key.name());
			return;
		}
		Connection connection = connection();
		ensureTable(connection);
		if (Boolean.FALSE.equals(row) && takeOver(key, number, sql, direction)) {
			return;
		}
		if (row == null || this.forget.remove(key)) {
			delete(key);
		}
		update("INSERT INTO " + q(this.tableName) + " ("
				+ columns("app", "name", "started", "owner", "statement", "statement_sql", DIRECTION)
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?)", key.app(), key.name(), Timestamp.from(Instant.now()), owner(), number,
				sql, direction);
		this.rows.put(key, true);
		this.written.add(key);
	}

	/**
	 * Turn the row of a migration this recorder wrote and saw finish into the row of a migration
	 * that starts, in one statement: at every moment the row names either a migration whose run
	 * reached its end (forgotten on the next start) or the one running.
	 * @return whether a row was taken over
	 */
	private boolean takeOver(MigrationKey key, int number, String sql, String direction) {
		MigrationKey spare = this.forget.stream().filter(this.written::contains).findFirst().orElse(null);
		if (spare == null) {
			return false;
		}
		this.forget.remove(spare);
		this.written.remove(spare);
		this.rows.put(spare, false);
		int taken = update("UPDATE " + q(this.tableName) + " SET "
				+ assignments("app", "name", "started", "owner", "statement", "statement_sql", DIRECTION) + " WHERE "
				+ q("app") + " = ? AND " + q("name") + " = ?", key.app(), key.name(), Timestamp.from(Instant.now()),
				owner(), number, sql, direction, spare.app(), spare.name());
		if (taken == 0) {
			return false;
		}
		this.rows.put(key, true);
		this.written.add(key);
		return true;
	}

	/**
	 * Forget a migration's progress: it finished, or nothing of it was applied.
	 * @param key the migration
	 */
	public void finished(MigrationKey key) {
		if (Boolean.FALSE.equals(row(key)) || !hasTable(connection())) {
			return;
		}
		this.forget.add(key);
	}

	/**
	 * Delete the rows of the migrations that finished, in one batch; a run that dies before
	 * leaves them, and the next start forgets them, since those migrations are recorded as
	 * applied (or had not started a statement).
	 */
	private void forgetFinished() {
		if (this.forget.isEmpty() || this.connection == null) {
			return;
		}
		String sql = "DELETE FROM " + q(this.tableName) + " WHERE " + q("app") + " = ? AND " + q("name") + " = ?";
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (MigrationKey key : this.forget) {
				statement.setString(1, key.app());
				statement.setString(2, key.name());
				statement.addBatch();
			}
			statement.executeBatch();
			this.forget.forEach((key) -> this.rows.put(key, false));
			this.written.removeAll(this.forget);
			this.forget.clear();
		}
		catch (SQLException ex) {
			throw failure("update", ex);
		}
	}

	private void delete(MigrationKey key) {
		update("DELETE FROM " + q(this.tableName) + " WHERE " + q("app") + " = ? AND " + q("name") + " = ?", key.app(),
				key.name());
		this.rows.put(key, false);
		this.written.remove(key);
	}

	private @Nullable Boolean row(MigrationKey key) {
		Boolean row = this.rows.get(key);
		return (row != null || !this.allRowsKnown) ? row : Boolean.FALSE;
	}

	/**
	 * Return the statement that forgets an interrupted run by hand, for messages.
	 * @param key the migration
	 * @return a {@code DELETE} statement
	 */
	public String forgetSql(MigrationKey key) {
		connection();
		return "DELETE FROM " + q(this.tableName) + " WHERE " + q("app") + " = '" + key.app().replace("'", "''")
				+ "' AND " + q("name") + " = '" + key.name().replace("'", "''") + "'";
	}

	/**
	 * Close the connection, if one was opened.
	 */
	@Override
	public void close() {
		try {
			forgetFinished();
		}
		catch (MigrationException ex) {
			// the database is gone; the next start forgets these rows (their migrations are applied)
		}
		if (this.connection != null) {
			this.statements.clear();
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// the connection is gone already
			}
			this.connection = null;
		}
	}

	private Connection probed(Connection connection) {
		if (this.names == null) {
			this.names = SchemaEditors.create(connection, false);
		}
		return connection;
	}

	private Connection connection() {
		if (this.connection == null) {
			try {
				Connection connection = this.dataSource.getConnection();
				connection.setAutoCommit(true);
				this.names = SchemaEditors.create(connection, false);
				this.connection = connection;
			}
			catch (SQLException ex) {
				throw new MigrationException("Could not open a connection for the " + this.tableName + " table: "
						+ ex.getMessage(), ex);
			}
		}
		return this.connection;
	}

	private boolean hasTable(Connection connection) {
		if (!this.hasTable) {
			this.hasTable = Introspector.hasTable(connection, this.tableName);
		}
		return this.hasTable;
	}

	private void ensureTable(Connection connection) {
		if (hasTable(connection)) {
			ensureDirection(connection);
			return;
		}
		try (BaseSchemaEditor creator = SchemaEditors.create(connection, false)) {
			creator.createModel(progressModel(this.tableName));
			this.rows.clear();
			this.allRowsKnown = true;
		}
		catch (MigrationException ex) {
			if (!Introspector.hasTable(connection, this.tableName)) {
				throw new MigrationException("Unable to create the " + this.tableName + " table (" + ex.getMessage() + ")",
						ex);
			}
		}
		this.hasTable = true;
		this.hasDirection = true;
	}

	/**
	 * Add the direction column to a table made before it existed; its rows stay forwards rows.
	 */
	private void ensureDirection(Connection connection) {
		if (this.hasDirection == null) {
			this.hasDirection = Introspector.hasColumn(connection, this.tableName, DIRECTION);
		}
		if (this.hasDirection) {
			return;
		}
		try (BaseSchemaEditor editor = SchemaEditors.create(connection, false)) {
			editor.addField(progressModel(this.tableName), DIRECTION, directionField());
		}
		catch (MigrationException ex) {
			if (!Introspector.hasColumn(connection, this.tableName, DIRECTION)) {
				throw new MigrationException("Unable to add the column " + DIRECTION + " to the " + this.tableName
						+ " table (" + ex.getMessage() + ")", ex);
			}
		}
		this.hasDirection = true;
	}

	private static boolean hasColumn(ResultSetMetaData metaData, String column) throws SQLException {
		for (int i = 1; i <= metaData.getColumnCount(); i++) {
			if (metaData.getColumnLabel(i).equalsIgnoreCase(column)) {
				return true;
			}
		}
		return false;
	}

	private int update(String sql, Object... parameters) {
		try {
			PreparedStatement statement = this.statements.get(sql);
			if (statement == null) {
				statement = connection().prepareStatement(sql);
				this.statements.put(sql, statement);
			}
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failure("update", ex);
		}
	}

	private String q(String name) {
		BaseSchemaEditor names = this.names;
		if (names == null) {
			connection();
			names = this.names;
		}
		return names.quoteName(name);
	}

	private String assignments(String... columns) {
		StringBuilder sql = new StringBuilder();
		for (String column : columns) {
			sql.append((sql.length() > 0) ? ", " : "").append(q(column)).append(" = ?");
		}
		return sql.toString();
	}

	private String columns(String... columns) {
		StringBuilder sql = new StringBuilder();
		for (String column : columns) {
			sql.append((sql.length() > 0) ? ", " : "").append(q(column));
		}
		return sql.toString();
	}

	private String owner() {
		if (this.owner == null) {
			this.owner = describeOwner();
		}
		return this.owner;
	}

	private static String describeOwner() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "unknown-host";
		}
		return "pid " + ProcessHandle.current().pid() + " on " + host;
	}

	private MigrationException failure(String action, SQLException ex) {
		return new MigrationException("Could not " + action + " the " + this.tableName + " table: " + ex.getMessage(),
				ex);
	}

}
