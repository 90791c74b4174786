package io.github.migrations.executor;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VendorSupport}, through {@code migrate} on the real MariaDB server, where DDL
 * commits at once: a refusal must come before the migration's first statement.
 */
class VendorSupportTests {

	@TempDir
	Path dir;

	private TestDatabase database;

	@AfterEach
	void tearDown() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void aDatabaseSetDefaultOnMariaDbIsRefusedBeforeTheMigrationsFirstStatement() throws IOException, SQLException {
		this.database = TestDatabases.mariadb();
		Files.createDirectories(this.dir.resolve("shop"));
		Files.writeString(this.dir.resolve("shop/0001_initial.yaml"), """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Author
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				  - CreateModel:
				      name: Book
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        author: {type: ForeignKey, to: shop.author, on_delete: DB_SET_DEFAULT, db_default: '1'}
				""");
		Migrations migrations = Migrations.configure().dataSource(this.database.dataSource()).directory(this.dir).load();
		StringWriter output = new StringWriter();
		int code = migrations.run(List.of("migrate"), CommandOutput.capturing(output));
		assertThat(code).isNotZero();
		assertThat(output.toString()).contains("shop.0001_initial: Book.author has on_delete DB_SET_DEFAULT, which"
				+ " MariaDB cannot keep", "Nothing was applied.", "Use on_delete DB_SET_NULL or DB_CASCADE");
		try (Connection connection = this.database.connection();
				ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "shop_%", null)) {
			assertThat(tables.next()).as("a table of the refused migration exists").isFalse();
		}
	}

}
