package io.github.migrations.maven;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DriverDataSourceTests {

	@Test
	void connectsWithTheDriverFoundOnTheClassLoader() throws SQLException {
		DriverDataSource dataSource = DriverDataSource.create(getClass().getClassLoader(),
				"jdbc:h2:mem:driver_data_source_tests", "sa", "");
		try (Connection connection = dataSource.getConnection();
				ResultSet result = connection.createStatement().executeQuery("SELECT CURRENT_USER")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualToIgnoringCase("sa");
		}
	}

	@Test
	void urlThatNoDriverAcceptsNamesTheUrlAndTheFix() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DriverDataSource.create(getClass().getClassLoader(), "jdbc:nosuchdb://x", null, null))
			.withMessageContaining("jdbc:nosuchdb://x")
			.withMessageContaining("add the driver as a dependency");
	}

}
