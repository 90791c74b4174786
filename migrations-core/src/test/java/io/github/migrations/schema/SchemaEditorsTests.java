package io.github.migrations.schema;

import io.github.migrations.MigrationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SchemaEditors}; the supported vendors are covered by the editor tests.
 */
class SchemaEditorsTests {

	@Test
	void mysqlGetsTheMySqlEditorAndMariaDbReportedAsMySqlTheMariaDbEditor() {
		assertThat(SchemaEditors.create(MetadataOnlyConnection.of("MySQL", "8.4.3"), true))
			.isExactlyInstanceOf(MySqlSchemaEditor.class)
			.satisfies((editor) -> assertThat(editor.vendor()).isEqualTo(Vendor.MYSQL));
		assertThat(SchemaEditors.create(MetadataOnlyConnection.of("MySQL", "5.5.5-10.11.6-MariaDB"), true))
			.isExactlyInstanceOf(MariaDbSchemaEditor.class);
	}

	@Test
	void mysqlOlderThan8016IsRefusedWithTheVersionNeeded() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SchemaEditors.create(MetadataOnlyConnection.of("MySQL", "5.7.44-log"), true))
			.withMessageStartingWith("MySQL 5.7.44-log is not supported: MySQL 8.0.16 or later is required");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SchemaEditors.create(MetadataOnlyConnection.of("MySQL", "8.0.15"), false))
			.withMessageContaining("Upgrade the server");
		assertThat(SchemaEditors.create(MetadataOnlyConnection.of("MySQL", "8.0.16"), true))
			.isInstanceOf(MySqlSchemaEditor.class);
		assertThat(SchemaEditors.create(MetadataOnlyConnection.of("MySQL", "10.0.0"), true))
			.isInstanceOf(MySqlSchemaEditor.class);
	}

	@Test
	void unknownDatabaseIsNamed() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SchemaEditors.create(MetadataOnlyConnection.of("Oracle", "23.4"), true))
			.withMessageContaining("'Oracle'");
	}

}
