package io.github.migrations.concurrency;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import io.github.migrations.testsupport.SimpleDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CREATE INDEX CONCURRENTLY} waits for every transaction that holds a snapshot, so a
 * follower blocked in {@code pg_advisory_lock()} would make the leader wait for it while it waits
 * for the leader (Flyway's deadlock). Several real processes start at once on a non-atomic
 * migration with a concurrent index over a filled table: the followers poll the lock with the
 * non-blocking try-lock, so every process finishes and the index is valid.
 */
class ConcurrentIndexMigrateTests {

	private static final int PROCESSES = 3;

	@TempDir
	Path dir;

	@Test
	void concurrentIndexInANonAtomicMigrationDoesNotDeadlockWithWaitingProcesses() throws Exception {
		writeMigrations();
		try (TestDatabase database = TestDatabases.postgresql()) {
			SimpleDataSource dataSource = database.dataSource().unwrap(SimpleDataSource.class);
			// a process that does not finish in time (a deadlock) fails the test with its output
			assertThat(MigrateProcess.runAtOnce(PROCESSES, this.dir, dataSource, Duration.ofSeconds(90))).isEqualTo(3);
			try (Connection connection = database.dataSource().getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT i.indisvalid FROM pg_index i JOIN pg_class c"
							+ " ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
							+ " WHERE n.nspname = current_schema() AND c.relname = 'thing_label_idx'")) {
				assertThat(rows.next()).as("index thing_label_idx exists").isTrue();
				assertThat(rows.getBoolean(1)).as("index is valid").isTrue();
			}
		}
	}

	private void writeMigrations() throws Exception {
		write(this.dir, "load/0001_initial.yaml", """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Thing
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        label: {type: CharField, max_length: 20}
				  - RunSql:
				      sql: INSERT INTO load_thing (label) SELECT 'thing ' || g FROM generate_series(1, 400000) g
				      reverse_sql: []
				""");
		write(this.dir, "load/0002_thing_thing_label_idx.yaml", """
				atomic: false
				dependencies:
				  - load.0001_initial
				operations:
				  - AddIndexConcurrently:
				      model_name: thing
				      index: {name: thing_label_idx, fields: [label]}
				""");
		write(this.dir, "load/0003_other.yaml", """
				dependencies:
				  - load.0002_thing_thing_label_idx
				operations:
				  - CreateModel:
				      name: Other
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				""");
	}

}
