package io.github.migrations.e2e;

import javax.sql.DataSource;

import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The seed's workflow on a real MySQL 8 server (skipped where none is expected, see TestDatabases).
 */
class MySqlEndToEndWorkflowTests extends AbstractEndToEndWorkflowTests {

	private TestDatabase database;

	@BeforeEach
	void openDatabase() {
		this.database = TestDatabases.mysql();
	}

	@AfterEach
	void closeDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Override
	protected DataSource dataSource() {
		return this.database.dataSource();
	}

}
