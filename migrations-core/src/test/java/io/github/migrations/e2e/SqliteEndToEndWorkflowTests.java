package io.github.migrations.e2e;

import java.math.BigDecimal;

import javax.sql.DataSource;

import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The seed's workflow on a SQLite database file, with foreign keys enforced.
 */
class SqliteEndToEndWorkflowTests extends AbstractEndToEndWorkflowTests {

	private TestDatabase database;

	@BeforeEach
	void openDatabase() {
		this.database = TestDatabases.sqlite();
	}

	@AfterEach
	void closeDatabase() {
		this.database.close();
	}

	@Override
	protected DataSource dataSource() {
		return this.database.dataSource();
	}

	/**
	 * SQLite's {@code decimal} columns have numeric affinity: 1234.50 is stored as the number
	 * 1234.5 (Django gives the decimal places back when it reads the field).
	 */
	@Override
	protected String storedDecimal(String value) {
		return new BigDecimal(value).stripTrailingZeros().toPlainString();
	}

}
