package io.github.migrations.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.migrations.schema.Vendor;

/**
 * An isolated place in a real database for one test: a fresh PostgreSQL schema, a fresh MariaDB
 * database or a fresh H2 in-memory database. Obtain one from {@link TestDatabases}; close it to
 * drop everything in it.
 * <pre>
 * try (TestDatabase db = TestDatabases.postgresql()) {
 *     DataSource dataSource = db.dataSource();
 *     ...
 * }
 * </pre>
 */
public final class TestDatabase implements AutoCloseable {

	private final Vendor vendor;

	private final SimpleDataSource dataSource;

	private final String description;

	private final Cleanup cleanup;

	TestDatabase(Vendor vendor, SimpleDataSource dataSource, String description, Cleanup cleanup) {
		this.vendor = vendor;
		this.dataSource = dataSource;
		this.description = description;
		this.cleanup = cleanup;
	}

	/**
	 * Return the database vendor.
	 * @return the vendor
	 */
	public Vendor vendor() {
		return this.vendor;
	}

	/**
	 * Return a data source whose connections use this isolated schema or database.
	 * @return the data source (a new physical connection per call)
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Return the JDBC URL of the isolated schema or database.
	 * @return the URL
	 */
	public String url() {
		return this.dataSource.url();
	}

	/**
	 * Open a new connection in auto-commit mode; the caller closes it.
	 * @return the connection
	 */
	public Connection connection() {
		try {
			Connection connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			return connection;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not connect to " + this.description + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return how the database was found and where this test's place is.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Drop the schema or database with everything in it.
	 */
	@Override
	public void close() {
		try {
			this.cleanup.run();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop " + this.description + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

	@FunctionalInterface
	interface Cleanup {

		void run() throws SQLException;

	}

}
