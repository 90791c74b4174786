package io.github.migrations.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import io.github.migrations.schema.Vendor;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the tests find their databases and report the vendors that ran.
 */
class TestDatabasesTests {

	@Test
	void reportNamesEveryVendorWithWhatHappenedToIt() throws IOException {
		try (TestDatabase database = TestDatabases.h2()) {
			assertThat(database.vendor()).isEqualTo(Vendor.H2);
		}
		String report = Files.readString(VendorReport.FILE);
		assertThat(report).contains("H2: ran (in-memory databases");
		assertThat(report.lines()).hasSize(Vendor.values().length)
			.allSatisfy((line) -> assertThat(line).matches("(PostgreSQL|MariaDB|MySQL|H2|SQLite): .+"));
	}

	@Test
	void mysqlRunsWhenConfiguredOrDockerIsThereAndIsSkippedSayingWhyOtherwise() throws IOException {
		if (System.getenv("MIGRATIONS_TEST_MYSQL_URL") == null && !ServerResolver.isDockerAvailable()) {
			assertThatExceptionOfType(TestAbortedException.class).isThrownBy(TestDatabases::mysql)
				.withMessageContaining("MySQL not expected here: no MIGRATIONS_TEST_MYSQL_URL in the environment;"
						+ " no Docker engine for Testcontainers; set MIGRATIONS_TEST_MYSQL_URL or start a Docker engine");
			assertThat(Files.readString(VendorReport.FILE)).contains("MySQL: not expected here, its tests are skipped");
		}
		else {
			try (TestDatabase database = TestDatabases.mysql()) {
				assertThat(database.vendor()).isEqualTo(Vendor.MYSQL);
			}
			assertThat(Files.readString(VendorReport.FILE)).contains("MySQL: ran (");
		}
	}

	@Test
	void mysqlUrlThatDoesNotWorkFailsSayingHowToFixIt() {
		Map<String, String> environment = Map.of("MIGRATIONS_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:1/test",
				"MIGRATIONS_TEST_MYSQL_USER", "root");
		assertThatIllegalStateException().isThrownBy(() -> ServerResolver.resolve(Vendor.MYSQL, environment::get))
			.withMessageStartingWith("MIGRATIONS_TEST_MYSQL_URL is set but jdbc:mysql://127.0.0.1:1/test does not work: ")
			.withMessageEndingWith("Fix the URL (and MIGRATIONS_TEST_MYSQL_USER, MIGRATIONS_TEST_MYSQL_PASSWORD) or unset it.");
	}

	@Test
	void mysqlIsNeverLookedForOnTheLocalMariaDbPort() {
		if (!ServerResolver.isDockerAvailable()) {
			assertThatExceptionOfType(ServerResolver.NotExpectedException.class)
				.isThrownBy(() -> ServerResolver.resolve(Vendor.MYSQL, (name) -> null))
				.withMessageNotContaining("3306");
		}
		else {
			assertThat(ServerResolver.resolve(Vendor.MYSQL, (name) -> null).how()).startsWith("Testcontainers mysql:8.4");
		}
	}

}
