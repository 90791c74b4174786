package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;

import io.github.migrations.MigrationException;

/**
 * Chooses the schema editor for a connection's database.
 *
 * @since 0.1
 */
public final class SchemaEditors {

	private SchemaEditors() {
	}

	/**
	 * Create the schema editor for the connection's database.
	 * @param connection the connection; not closed by the editor
	 * @param collectOnly whether statements are only collected (for {@code sqlmigrate}), never
	 * executed
	 * @return the editor
	 * @throws IllegalStateException for a database no editor exists for
	 * @throws MigrationException for a MySQL server older than 8.0.16
	 */
	public static BaseSchemaEditor create(Connection connection, boolean collectOnly) {
		Vendor vendor;
		try {
			vendor = Vendor.from(connection.getMetaData());
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database metadata: " + ex.getMessage(), ex);
		}
		return create(connection, vendor, collectOnly);
	}

	/**
	 * Create the schema editor for a database whose vendor is known already (the executor looks
	 * it up once per run, not once per migration).
	 * @param connection the connection; not closed by the editor
	 * @param vendor the connection's database, as {@link Vendor#from} gave it
	 * @param collectOnly whether statements are only collected, never executed
	 * @return the editor
	 * @throws MigrationException for a MySQL server older than 8.0.16
	 */
	public static BaseSchemaEditor create(Connection connection, Vendor vendor, boolean collectOnly) {
		return switch (vendor) {
			case POSTGRESQL -> new PostgreSqlSchemaEditor(connection, collectOnly);
			case H2 -> new H2SchemaEditor(connection, collectOnly);
			case MARIADB -> new MariaDbSchemaEditor(connection, collectOnly);
			case SQLITE -> new SqliteSchemaEditor(connection, collectOnly);
			case MYSQL -> new MySqlSchemaEditor(connection, collectOnly);
		};
	}

}
