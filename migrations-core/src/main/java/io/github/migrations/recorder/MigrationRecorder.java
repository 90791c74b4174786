package io.github.migrations.recorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * Reads and writes the history table, Django's {@code django_migrations}: one row per applied
 * migration, with {@code id}, {@code app}, {@code name}, {@code applied}, and, beyond Django,
 * {@code checksum} and {@code execution_time} (milliseconds). A row means "applied"; unapplying
 * deletes it. The table is created lazily by {@link #ensureSchema()}.
 * <p>
 * The recorder neither manages transactions nor closes the connection.
 *
 * @since 0.1
 */
public class MigrationRecorder {

	private final Connection connection;

	private final String tableName;

	private final BaseSchemaEditor editor;

	/** Whether the table exists, once looked up; kept while this recorder lives (one command, under the lock). */
	private @Nullable Boolean hasTable;

	/** The statement recording a migration as applied, once built. */
	private @Nullable String insert;

	/**
	 * Create a recorder.
	 * @param connection the connection to use; not closed by the recorder
	 * @param tableName the history table name, unquoted (for example {@code migrations_history})
	 */
	public MigrationRecorder(Connection connection, String tableName) {
		this.connection = connection;
		this.tableName = tableName;
		this.editor = SchemaEditors.create(connection, false);
	}

	/**
	 * Return the model of the history table.
	 * @param tableName the table name
	 * @return the model state
	 */
	public static ModelState historyModel(String tableName) {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", FieldState.of(new FieldType.BigAutoField()));
		fields.put("app", FieldState.of(new FieldType.CharField(255)));
		fields.put("name", FieldState.of(new FieldType.CharField(255)));
		fields.put("applied", FieldState.of(new FieldType.DateTimeField()));
		fields.put("checksum", FieldState.of(new FieldType.CharField(64)).withNullable(true));
		fields.put("execution_time", FieldState.of(new FieldType.BigIntegerField()).withNullable(true));
		return new ModelState("migrations", "Migration", fields, tableName);
	}

	/**
	 * Return whether the history table exists. The answer is looked up once and kept for the
	 * life of this recorder (one command); {@link #ensureSchema()} makes it {@code true}.
	 * @return {@code true} if the table exists
	 */
	public boolean hasTable() {
		if (this.hasTable == null) {
			this.hasTable = Introspector.hasTable(this.connection, this.tableName);
		}
		return this.hasTable;
	}

	/**
	 * Return the name of the history table.
	 * @return the table name, unquoted
	 */
	String tableName() {
		return this.tableName;
	}

	/**
	 * Note whether the table exists, found out by a look-up made for several tables at once
	 * ({@link ProgressRecorder#probeTables}); kept as {@link #hasTable()} keeps its own answer.
	 * @param exists whether the table exists
	 */
	void tableFound(boolean exists) {
		this.hasTable = exists;
	}

	/**
	 * Create the history table unless it exists.
	 * @throws MigrationException when the table cannot be created
	 */
	public void ensureSchema() {
		if (hasTable()) {
			return;
		}
		try (BaseSchemaEditor creator = SchemaEditors.create(this.connection, false)) {
			creator.createModel(historyModel(this.tableName));
		}
		catch (MigrationException ex) {
			// another process may have made it since this recorder looked
			if (!Introspector.hasTable(this.connection, this.tableName)) {
				throw new MigrationException(
						"Unable to create the " + this.tableName + " table (" + ex.getMessage() + ")", ex);
			}
		}
		this.hasTable = true;
	}

	/**
	 * Return the migrations recorded as applied, in the order they were recorded.
	 * @return the rows by migration, empty when the table does not exist
	 */
	public Map<MigrationKey, AppliedMigration> appliedMigrations() {
		if (!hasTable()) {
			return Collections.emptyMap();
		}
		String sql = "SELECT " + columns("app", "name", "applied", "checksum", "execution_time") + " FROM " + table()
				+ " ORDER BY " + q("id");
		Map<MigrationKey, AppliedMigration> applied = new LinkedHashMap<>();
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				MigrationKey key = new MigrationKey(rows.getString(1), rows.getString(2));
				Timestamp appliedAt = rows.getTimestamp(3);
				long millis = rows.getLong(5);
				Long executionMillis = rows.wasNull() ? null : millis;
				applied.put(key, new AppliedMigration(key, appliedAt.toInstant(), rows.getString(4), executionMillis));
			}
			return applied;
		}
		catch (SQLException ex) {
			throw failure("read", ex);
		}
	}

	/**
	 * Return the checksum recorded for each applied migration, in the order they were recorded:
	 * what a restart compares with the files. One query, as {@link #appliedMigrations()}, but
	 * without the timestamps, whose conversion is most of the cost of reading a thousand rows in a
	 * fresh JVM.
	 * @return the checksums by migration ({@code null} for a row without one), empty when the
	 * table does not exist
	 */
	public Map<MigrationKey, @Nullable String> appliedChecksums() {
		if (!hasTable()) {
			return Collections.emptyMap();
		}
		String sql = "SELECT " + columns("app", "name", "checksum") + " FROM " + table() + " ORDER BY " + q("id");
		Map<MigrationKey, @Nullable String> applied = new LinkedHashMap<>();
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				applied.put(new MigrationKey(rows.getString(1), rows.getString(2)), rows.getString(3));
			}
			return applied;
		}
		catch (SQLException ex) {
			throw failure("read", ex);
		}
	}

	/**
	 * Record a migration as applied now.
	 * @param key the migration
	 * @param checksum the checksum of its file, or {@code null}
	 * @param executionMillis how long applying took in milliseconds
	 */
	public void recordApplied(MigrationKey key, @Nullable String checksum, long executionMillis) {
		ensureSchema();
		if (this.insert == null) {
			// built once: a run records thousands of migrations with it
			this.insert = "INSERT INTO " + table() + " (" + columns("app", "name", "applied", "checksum", "execution_time")
					+ ") VALUES (?, ?, ?, ?, ?)";
		}
		try (PreparedStatement statement = this.connection.prepareStatement(this.insert)) {
			statement.setString(1, key.app());
			statement.setString(2, key.name());
			statement.setTimestamp(3, Timestamp.from(Instant.now()));
			statement.setString(4, checksum);
			statement.setLong(5, executionMillis);
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failure("record " + key + " in", ex);
		}
	}

	/**
	 * Record a migration as not applied (delete its rows).
	 * @param key the migration
	 */
	public void recordUnapplied(MigrationKey key) {
		ensureSchema();
		String sql = "DELETE FROM " + table() + " WHERE " + q("app") + " = ? AND " + q("name") + " = ?";
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, key.app());
			statement.setString(2, key.name());
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failure("unrecord " + key + " in", ex);
		}
	}

	/**
	 * Replace the recorded checksum of an applied migration (after its file was changed on
	 * purpose).
	 * @param key the migration
	 * @param checksum the new checksum
	 */
	public void updateChecksum(MigrationKey key, String checksum) {
		ensureSchema();
		String sql = "UPDATE " + table() + " SET " + q("checksum") + " = ? WHERE " + q("app") + " = ? AND "
				+ q("name") + " = ?";
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, checksum);
			statement.setString(2, key.app());
			statement.setString(3, key.name());
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failure("update the checksum of " + key + " in", ex);
		}
	}

	/**
	 * Delete every row of the history table (used by tests and {@code --fake} resets).
	 */
	public void flush() {
		if (!hasTable()) {
			return;
		}
		try (PreparedStatement statement = this.connection.prepareStatement("DELETE FROM " + table())) {
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failure("empty", ex);
		}
	}

	private String table() {
		return q(this.tableName);
	}

	private String q(String name) {
		return this.editor.quoteName(name);
	}

	private String columns(String... names) {
		StringBuilder sql = new StringBuilder();
		for (String name : names) {
			sql.append((sql.length() > 0) ? ", " : "").append(q(name));
		}
		return sql.toString();
	}

	private MigrationException failure(String action, SQLException ex) {
		return new MigrationException("Could not " + action + " the " + this.tableName + " table: " + ex.getMessage(),
				ex);
	}

}
