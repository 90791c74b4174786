package io.github.migrations.schema;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SchemaEditors}; the supported vendors are covered by the editor tests.
 */
class SchemaEditorsTests {

	@Test
	void databaseWithoutAnEditorIsNamedWithTheSupportedOnes() {
		assertThatIllegalStateException().isThrownBy(() -> SchemaEditors.create(connectionTo("MySQL"), false))
			.withMessageContaining("MySQL")
			.withMessageContaining("Supported databases: PostgreSQL, MariaDB, H2, SQLite");
	}

	@Test
	void unknownDatabaseIsNamed() {
		assertThatIllegalStateException().isThrownBy(() -> SchemaEditors.create(connectionTo("Oracle"), true))
			.withMessageContaining("'Oracle'");
	}

	private static Connection connectionTo(String product) {
		DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(SchemaEditorsTests.class.getClassLoader(),
				new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getDatabaseProductName" -> product;
					case "getDatabaseProductVersion" -> "1.0";
					default -> throw new UnsupportedOperationException(method.getName());
				});
		return (Connection) Proxy.newProxyInstance(SchemaEditorsTests.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("getMetaData")) {
						return metaData;
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

}
