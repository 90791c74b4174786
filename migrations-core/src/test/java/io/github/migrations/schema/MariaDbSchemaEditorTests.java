package io.github.migrations.schema;

import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.author;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MariaDbSchemaEditor} against a real MariaDB server (see {@link TestDatabases}).
 */
class MariaDbSchemaEditorTests extends AbstractSchemaEditorTests {

	@Override
	protected TestDatabase createDatabase() {
		return TestDatabases.mariadb();
	}

	@Test
	void factoryChoosesTheMariaDbEditorWithBackticks() {
		BaseSchemaEditor editor = SchemaEditors.create(this.connection, true);
		assertThat(editor).isInstanceOf(MariaDbSchemaEditor.class);
		editor.createModel(author());
		assertThat(editor.collectedSql()).containsExactly("CREATE TABLE `shop_author` (`id` bigint AUTO_INCREMENT"
				+ " NOT NULL PRIMARY KEY, `name` varchar(100) NOT NULL)");
	}

}
