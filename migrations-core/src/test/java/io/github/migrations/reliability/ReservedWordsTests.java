package io.github.migrations.reliability;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.migrations.testsupport.MigrationFiles.write;
import static io.github.migrations.reliability.Databases.tables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL reserved words as table and column names ({@code order}, {@code group}, {@code user},
 * {@code select}, {@code from}, {@code where}, {@code check}, {@code having}) work on every
 * database: created with a foreign key and an index, altered, renamed, written and read, unapplied
 * to zero and applied again. Every identifier the engine writes is quoted for the vendor.
 */
class ReservedWordsTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL", "SQLITE" })
	void reservedWordsWorkAsTableAndColumnNames(Vendor vendor) throws Exception {
		writeMigrations();
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations migrations = Migrations.configure().dataSource(database.dataSource()).directory(this.dir).load();
			assertThat(migrations.migrate().applied()).hasSize(2);
			assertThat(tables(database.dataSource())).contains("order", "group", "user", "select");
			try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
				BaseSchemaEditor names = SchemaEditors.create(connection, true);
				statement.execute("INSERT INTO " + names.quoteName("group") + " (" + names.quoteName("select") + ", "
						+ names.quoteName("order") + ") VALUES ('admins', 1)");
				statement.execute("INSERT INTO " + names.quoteName("user") + " (" + names.quoteName("group_id") + ", "
						+ names.quoteName("from") + ") SELECT " + names.quoteName("id") + ", 'lisbon' FROM "
						+ names.quoteName("group"));
				statement.execute("INSERT INTO " + names.quoteName("order") + " (" + names.quoteName("user_id") + ", "
						+ names.quoteName("having") + ", " + names.quoteName("check") + ") SELECT " + names.quoteName("id")
						+ ", 'paid', 'ok' FROM " + names.quoteName("user"));
				try (ResultSet rows = statement.executeQuery("SELECT g." + names.quoteName("select") + ", u."
						+ names.quoteName("from") + ", o." + names.quoteName("having") + " FROM " + names.quoteName("order")
						+ " o JOIN " + names.quoteName("user") + " u ON u." + names.quoteName("id") + " = o."
						+ names.quoteName("user_id") + " JOIN " + names.quoteName("group") + " g ON g."
						+ names.quoteName("id") + " = u." + names.quoteName("group_id"))) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3))
						.isEqualTo("admins lisbon paid");
				}
				statement.execute("DELETE FROM " + names.quoteName("order"));
				statement.execute("DELETE FROM " + names.quoteName("user"));
				statement.execute("DELETE FROM " + names.quoteName("group"));
			}
			migrations.migrate(new Migrate.Options("shop", "zero", false, false, false, false),
					CommandOutput.capturing(new StringWriter()));
			assertThat(tables(database.dataSource())).doesNotContain("order", "group", "user", "select");
			assertThat(migrations.migrate().applied()).hasSize(2);
			assertThat(tables(database.dataSource())).contains("order", "group", "user", "select");
		}
	}

	private void writeMigrations() throws IOException {
		write(this.dir, "shop/0001_initial.yaml", """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Group
				      db_table: group
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        select: {type: CharField, max_length: 20, db_index: true}
				        order: {type: IntegerField, default: 0}
				  - CreateModel:
				      name: User
				      db_table: user
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        group: {type: ForeignKey, to: shop.group, on_delete: CASCADE}
				        from: {type: CharField, max_length: 20, null: true}
				  - CreateModel:
				      name: Order
				      db_table: order
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        user: {type: ForeignKey, to: shop.user, on_delete: CASCADE}
				        where: {type: CharField, max_length: 20, unique: true}
				  - CreateModel:
				      name: Select
				      db_table: select
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        table: {type: CharField, max_length: 20}
				""");
		write(this.dir, "shop/0002_check_and_having.yaml", """
				dependencies: [shop.0001_initial]
				operations:
				  - AddField:
				      model_name: order
				      name: check
				      field: {type: CharField, max_length: 10, null: true}
				  - RenameField: {model_name: order, old_name: where, new_name: having}
				  - AlterField:
				      model_name: user
				      name: from
				      field: {type: CharField, max_length: 40, null: true, db_index: true}
				""");
	}

}
