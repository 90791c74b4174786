package io.github.migrations.schema;

import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.author;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SqliteSchemaEditor} against SQLite database files (see {@link TestDatabases}).
 */
class SqliteSchemaEditorTests extends AbstractSchemaEditorTests {

	@Override
	protected TestDatabase createDatabase() {
		return TestDatabases.sqlite();
	}

	@Test
	void factoryChoosesTheSqliteEditor() {
		BaseSchemaEditor editor = SchemaEditors.create(this.connection, true);
		assertThat(editor).isInstanceOf(SqliteSchemaEditor.class);
		editor.createModel(author());
		assertThat(editor.collectedSql()).containsExactly("CREATE TABLE \"shop_author\" (\"id\" integer NOT NULL"
				+ " PRIMARY KEY AUTOINCREMENT, \"name\" varchar(100) NOT NULL)");
	}

}
