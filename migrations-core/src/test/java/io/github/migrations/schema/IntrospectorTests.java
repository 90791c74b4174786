package io.github.migrations.schema;

import java.sql.Connection;
import java.util.List;

import io.github.migrations.recorder.MigrationRecorder;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the table look-ups of {@link Introspector}, which ask for tables by name rather than
 * listing the schema.
 */
class IntrospectorTests {

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB", "MYSQL", "SQLITE" })
	void tablesAreFoundByNameInEitherCaseAndMissingOnesAreNot(Vendor vendor) throws Exception {
		try (TestDatabase db = TestDatabases.of(vendor); Connection connection = db.connection()) {
			new MigrationRecorder(connection, "intro_history").ensureSchema();

			assertThat(Introspector.existingTables(connection, List.of("intro_history", "intro_history_progress")))
				.containsExactly("intro_history");
			assertThat(Introspector.existingTables(connection, List.of("intro_history_lock", "other_table"))).isEmpty();
			assertThat(Introspector.hasTable(connection, "intro_history")).isTrue();
			assertThat(Introspector.storedTableName(connection, "INTRO_HISTORY")).get()
				.asString()
				.isEqualToIgnoringCase("intro_history");
			assertThat(Introspector.hasTable(connection, "intro_history_progress")).isFalse();
			assertThat(Introspector.hasTable(connection, "intro%history")).as("a name is not a pattern").isFalse();
		}
	}

}
