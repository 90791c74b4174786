package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.migrations.testsupport.SimpleDataSource;

/**
 * A database server the benchmarks create fresh, empty places in: a PostgreSQL schema, or an H2
 * in-memory database (a file database when other processes must reach it), dropped afterwards.
 */
public sealed interface Database {

	/**
	 * Return the short name used in options and the results file.
	 * @return {@code h2} or {@code postgresql}
	 */
	String id();

	/**
	 * Return the name shown in the report.
	 * @return for example {@code PostgreSQL 15.4}
	 */
	String displayName();

	/**
	 * Create a fresh, empty place for one run.
	 * @return the place; close it to drop everything in it
	 * @throws SQLException on a database error
	 */
	Place create() throws SQLException;

	/**
	 * Create a fresh, empty place that other processes can open too.
	 * @return the place; close it to drop everything in it
	 * @throws SQLException on a database error
	 */
	default Place createShared() throws SQLException {
		return create();
	}

	/**
	 * One fresh place.
	 *
	 * @param dataSource connections into the place
	 * @param dropper drops the place
	 */
	record Place(SimpleDataSource dataSource, Dropper dropper) implements AutoCloseable {

		@Override
		public void close() throws SQLException, IOException {
			this.dropper.drop();
		}

	}

	/**
	 * Drops a place.
	 */
	@FunctionalInterface
	interface Dropper {

		/**
		 * Drop the place.
		 * @throws SQLException on a database error
		 * @throws IOException when files cannot be deleted
		 */
		void drop() throws SQLException, IOException;

	}

	/**
	 * A PostgreSQL database: each place is a schema, selected with {@code currentSchema} in the URL.
	 *
	 * @param url the JDBC URL of the database
	 * @param user the user, allowed to create schemas
	 * @param password the password
	 */
	record PostgreSql(String url, String user, String password) implements Database {

		private static final AtomicInteger counter = new AtomicInteger();

		@Override
		public String id() {
			return "postgresql";
		}

		@Override
		public String displayName() {
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password)) {
				return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
			}
			catch (SQLException ex) {
				return "PostgreSQL (" + ex.getMessage() + ")";
			}
		}

		@Override
		public Place create() throws SQLException {
			String schema = "bench_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
			run("CREATE SCHEMA " + schema);
			String url = this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
			return new Place(new SimpleDataSource(url, this.user, this.password), () -> drop(schema));
		}

		/**
		 * Drop a schema: its tables in batches first, because one {@code DROP SCHEMA … CASCADE} of
		 * a thousand tables needs more locks than a default server allows in one transaction.
		 * @param schema the schema
		 * @throws SQLException on a database error
		 */
		void drop(String schema) throws SQLException {
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
					Statement statement = connection.createStatement()) {
				List<String> tables = new ArrayList<>();
				try (ResultSet rows = statement
					.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'")) {
					while (rows.next()) {
						tables.add(schema + ".\"" + rows.getString(1).replace("\"", "\"\"") + "\"");
					}
				}
				for (int i = 0; i < tables.size(); i += 50) {
					statement.execute("DROP TABLE IF EXISTS "
							+ String.join(", ", tables.subList(i, Math.min(i + 50, tables.size()))) + " CASCADE");
				}
				statement.execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}

		private void run(String sql) throws SQLException {
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

	}

	/**
	 * H2: each place is a new named in-memory database, shut down afterwards.
	 */
	record H2() implements Database {

		private static final AtomicInteger counter = new AtomicInteger();

		@Override
		public String id() {
			return "h2";
		}

		@Override
		public String displayName() {
			return "H2 " + org.h2.engine.Constants.VERSION;
		}

		@Override
		public Place createShared() throws SQLException {
			try {
				Path folder = Files.createTempDirectory("migrations-benchmarks-h2");
				String url = "jdbc:h2:file:" + folder.resolve("db");
				return new Place(new SimpleDataSource(url, "sa", ""), () -> {
					try (Connection connection = DriverManager.getConnection(url, "sa", "");
							Statement statement = connection.createStatement()) {
						statement.execute("SHUTDOWN");
					}
					Files.deleteIfExists(folder.resolve("db.mv.db"));
					Files.deleteIfExists(folder.resolve("db.trace.db"));
					Files.deleteIfExists(folder);
				});
			}
			catch (IOException ex) {
				throw new SQLException("Cannot create a folder for an H2 file database", ex);
			}
		}

		@Override
		public Place create() {
			String url = "jdbc:h2:mem:bench" + counter.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
			return new Place(new SimpleDataSource(url, "sa", ""), () -> {
				try (Connection connection = DriverManager.getConnection(url, "sa", "");
						Statement statement = connection.createStatement()) {
					statement.execute("SHUTDOWN");
				}
			});
		}

	}

}
