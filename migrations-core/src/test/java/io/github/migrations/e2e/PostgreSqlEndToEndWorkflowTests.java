package io.github.migrations.e2e;

import javax.sql.DataSource;

import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The seed's workflow on a real PostgreSQL server.
 */
class PostgreSqlEndToEndWorkflowTests extends AbstractEndToEndWorkflowTests {

	private TestDatabase database;

	@BeforeEach
	void openDatabase() {
		this.database = TestDatabases.postgresql();
	}

	@AfterEach
	void closeDatabase() {
		this.database.close();
	}

	@Override
	protected DataSource dataSource() {
		return this.database.dataSource();
	}

}
