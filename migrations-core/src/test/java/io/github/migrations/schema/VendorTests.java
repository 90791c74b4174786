package io.github.migrations.schema;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@link Vendor#from} reads the product name and version the JDBC drivers report: MySQL
 * Connector/J says "MySQL" for a MariaDB server too, whose version then names MariaDB.
 */
class VendorTests {

	@ParameterizedTest(name = "{0} {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			MySQL      | 8.4.3                              | MYSQL
			MySQL      | 8.0.36-0ubuntu0.22.04.1             | MYSQL
			MySQL      | 9.1.0-commercial                   | MYSQL
			MySQL      | 5.5.5-10.11.6-MariaDB-0+deb12u1    | MARIADB
			MySQL      | 11.4.2-MariaDB-ubu2404             | MARIADB
			MariaDB    | 10.11.6-MariaDB-0+deb12u1          | MARIADB
			MariaDB    | 11.4.2                             | MARIADB
			PostgreSQL | 16.4                               | POSTGRESQL
			H2         | 2.3.232 (2024-08-11)               | H2
			SQLite     | 3.46.1                             | SQLITE
			""")
	void productNameAndVersionChooseTheVendor(String product, String version, Vendor expected) throws SQLException {
		assertThat(Vendor.from(MetadataOnlyConnection.of(product, version).getMetaData())).isEqualTo(expected);
	}

	@Test
	void otherDatabasesAreRefusedByName() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Vendor.from(MetadataOnlyConnection.of("Oracle", "23.4").getMetaData()))
			.withMessage("Unsupported database 'Oracle'. Supported: PostgreSQL, MariaDB, MySQL, H2, SQLite.");
	}

	@Test
	void mysqlAndMariaDbCommitDdlStatementByStatement() {
		assertThat(Vendor.MYSQL.transactionalDdl()).isFalse();
		assertThat(Vendor.MARIADB.transactionalDdl()).isFalse();
		assertThat(Vendor.MYSQL.displayName()).isEqualTo("MySQL");
	}

}
