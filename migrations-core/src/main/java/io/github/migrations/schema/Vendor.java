package io.github.migrations.schema;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the engine speaks, chosen from the JDBC connection's metadata.
 *
 * @since 0.1
 */
public enum Vendor {

	POSTGRESQL("PostgreSQL", true), MARIADB("MariaDB", false), MYSQL("MySQL", false), H2("H2", false),
	SQLITE("SQLite", true);

	private final String displayName;

	private final boolean transactionalDdl;

	Vendor(String displayName, boolean transactionalDdl) {
		this.displayName = displayName;
		this.transactionalDdl = transactionalDdl;
	}

	/**
	 * Return the product name as users know it.
	 * @return the display name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Return whether DDL statements can be rolled back in a transaction (Django's
	 * {@code can_rollback_ddl}). H2 and MySQL/MariaDB commit DDL implicitly.
	 * @return {@code true} for transactional DDL
	 */
	public boolean transactionalDdl() {
		return this.transactionalDdl;
	}

	/**
	 * Choose the vendor from connection metadata.
	 * @param metaData the metadata
	 * @return the vendor
	 * @throws SQLException on a database error
	 * @throws IllegalStateException for a database the engine does not support
	 */
	public static Vendor from(DatabaseMetaData metaData) throws SQLException {
		String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
		String version = metaData.getDatabaseProductVersion().toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return POSTGRESQL;
		}
		if (product.contains("mariadb") || (product.contains("mysql") && version.contains("mariadb"))) {
			return MARIADB;
		}
		if (product.contains("mysql")) {
			return MYSQL;
		}
		if (product.equals("h2")) {
			return H2;
		}
		if (product.contains("sqlite")) {
			return SQLITE;
		}
		throw new IllegalStateException("Unsupported database '" + metaData.getDatabaseProductName()
				+ "'. Supported: PostgreSQL, MariaDB, MySQL, H2, SQLite.");
	}

}
