package io.github.migrations;

import java.util.List;

/**
 * Loads and initializes, ahead of time, the classes that {@link Migrations#migrate()} needs to
 * find that everything is applied (connecting, locking, reading the history, comparing), so that
 * a caller with a spare processor can do it on a thread of its own while the application starts
 * (the Spring Boot starter does it on the thread that reads the migration files ahead). Nothing
 * is read and nothing connects; a class that cannot be loaded is skipped, since the migration
 * itself will report it.
 *
 * @since 0.1
 */
public final class Preinitialization {

	/** The classes a restart that applies nothing loads, in the order it loads them. */
	static final List<String> RESTART_CLASSES = List.of("io.github.migrations.command.Migrate",
			"io.github.migrations.command.Migrate$Options", "io.github.migrations.command.CommandOutput",
			"io.github.migrations.command.CommandContext", "io.github.migrations.command.Migrate$ReadHeaders",
			"io.github.migrations.loader.ReadAhead", "io.github.migrations.recorder.MigrationRecorder",
			"io.github.migrations.command.Migrate$Run", "io.github.migrations.command.Migrate$Outcome",
			"io.github.migrations.command.CommandContext$ConnectionWork",
			"io.github.migrations.executor.MigrationListener", "io.github.migrations.executor.CompositeMigrationListener",
			"io.github.migrations.ChecksumMismatchException", "io.github.migrations.ConflictingMigrationsException",
			"io.github.migrations.state.FieldType", "io.github.migrations.schema.SchemaEditors",
			"io.github.migrations.schema.Vendor", "io.github.migrations.schema.ColumnTypes",
			// every vendor's editor, initialized: their column types load the field types (the
			// vendor is known only once connected)
			"io.github.migrations.schema.PostgreSqlSchemaEditor", "io.github.migrations.schema.H2SchemaEditor",
			"io.github.migrations.schema.MariaDbSchemaEditor", "io.github.migrations.schema.MySqlSchemaEditor",
			"io.github.migrations.schema.SqliteSchemaEditor", "io.github.migrations.schema.SchemaEditors$1",
			"io.github.migrations.schema.BaseSchemaEditor$IdentifierCase", "io.github.migrations.schema.BaseSchemaEditor$1",
			"io.github.migrations.schema.Introspector", "io.github.migrations.schema.IndexNames",
			"io.github.migrations.SchemaEditException", "io.github.migrations.lock.MigrationLocks",
			"io.github.migrations.lock.MigrationLocks$Work", "io.github.migrations.lock.MigrationLocks$SessionLock",
			"io.github.migrations.lock.MigrationLocks$1", "io.github.migrations.lock.TableLock",
			"io.github.migrations.lock.TableLock$Heartbeat",
			"io.github.migrations.lock.AdvisoryLock", "io.github.migrations.LockTimeoutException",
			"io.github.migrations.recorder.ProgressRecorder", "io.github.migrations.executor.MigrationExecutor",
			"io.github.migrations.executor.Target", "io.github.migrations.HalfAppliedMigrationException",
			"io.github.migrations.IrreversibleOperationException", "io.github.migrations.command.Migrate$ProgressPrinter",
			"io.github.migrations.command.PlanLint", "io.github.migrations.command.PlanLint$Linted",
			"io.github.migrations.UnsafeMigrationException", "io.github.migrations.MigrateResult");

	private Preinitialization() {
	}

	/**
	 * Load and initialize the classes of a restart that applies nothing.
	 */
	public static void restart() {
		ClassLoader classLoader = Preinitialization.class.getClassLoader();
		for (String name : RESTART_CLASSES) {
			try {
				Class.forName(name, true, classLoader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// the migration reports it where it needs the class
			}
		}
	}

}
