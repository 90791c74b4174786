package io.github.migrations.e2e;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The seed's workflow on H2, the embedded default.
 */
class H2EndToEndWorkflowTests extends AbstractEndToEndWorkflowTests {

	private final JdbcDataSource dataSource = new JdbcDataSource();

	H2EndToEndWorkflowTests() {
		this.dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

	@Override
	protected DataSource dataSource() {
		return this.dataSource;
	}

}
