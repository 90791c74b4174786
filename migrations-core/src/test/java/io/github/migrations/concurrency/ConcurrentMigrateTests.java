package io.github.migrations.concurrency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.github.migrations.testsupport.SimpleDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several real JVM processes start at once against the same database: each migration is applied
 * exactly once and every process succeeds (followers wait for the lock instead of failing).
 */
class ConcurrentMigrateTests {

	private static final int PROCESSES = 4;

	private static final int MIGRATIONS = 6;

	@TempDir
	Path dir;

	@Test
	void concurrentStartsOnPostgreSqlApplyEachMigrationOnce() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			runConcurrently(database);
		}
	}

	@Test
	void concurrentStartsOnMariaDbApplyEachMigrationOnce() throws Exception {
		try (TestDatabase database = TestDatabases.mariadb()) {
			runConcurrently(database);
		}
	}

	private void runConcurrently(TestDatabase database) throws Exception {
		writeMigrations();
		SimpleDataSource dataSource = database.dataSource().unwrap(SimpleDataSource.class);
		assertThat(MigrateProcess.runAtOnce(PROCESSES, this.dir, dataSource, Duration.ofSeconds(120)))
			.isEqualTo(MIGRATIONS);
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"select name, count(*) from migrations_history group by name having count(*) > 1")) {
			assertThat(rows.next()).as("a migration recorded twice").isFalse();
		}
		assertThat(count(database, "select count(*) from migrations_history")).isEqualTo(MIGRATIONS);
		for (int i = 1; i <= MIGRATIONS; i++) {
			assertThat(count(database, "select count(*) from load_thing" + i)).isZero();
		}
	}

	private void writeMigrations() throws IOException {
		Path app = Files.createDirectories(this.dir.resolve("load"));
		for (int i = 1; i <= MIGRATIONS; i++) {
			String dependency = (i == 1) ? "dependencies: []\n"
					: String.format("dependencies:%n  - load.%04d_thing%d%n", i - 1, i - 1);
			Files.writeString(app.resolve(String.format("%04d_thing%d.yaml", i, i)),
					dependency + "operations:\n  - CreateModel:\n      name: Thing" + i + "\n      fields:\n"
							+ "        id: {type: BigAutoField, primary_key: true}\n"
							+ "        label: {type: CharField, max_length: 20}\n");
		}
	}

	private static long count(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
