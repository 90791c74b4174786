package io.github.migrations.schema;

import java.util.List;

import io.github.migrations.operation.AlterField;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
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

	private static final String BOOK_COLUMNS = "\"author_id\" bigint NOT NULL REFERENCES \"shop_author\" (\"id\")"
			+ " DEFERRABLE INITIALLY DEFERRED, \"editor_id\" bigint NOT NULL REFERENCES \"shop_author\" (\"id\")"
			+ " DEFERRABLE INITIALLY DEFERRED, \"profile_id\" bigint NOT NULL UNIQUE REFERENCES \"shop_author\" (\"id\")"
			+ " DEFERRABLE INITIALLY DEFERRED";

	@Test
	void relationWithoutDbConstraintIsDeclaredWithoutReferencesAsDjango() {
		// Django 5.2.17's SQL for the same models (db_constraint=False on author); its indexes follow
		// the CREATE TABLE statements, as here
		assertThat(looseBookSql(OnDelete.CASCADE)).containsExactly(
				"CREATE TABLE \"shop_book\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"author_id\" bigint"
						+ " NOT NULL, \"editor_id\" bigint NOT NULL REFERENCES \"shop_author\" (\"id\") DEFERRABLE INITIALLY"
						+ " DEFERRED)",
				"CREATE INDEX \"shop_book_author_id_82b8ab51\" ON \"shop_book\" (\"author_id\")",
				"CREATE INDEX \"shop_book_editor_id_71eff3c6\" ON \"shop_book\" (\"editor_id\")");
		ProjectState before = forwards(ProjectState.empty(), SchemaTestModels.looseAuthorAndEditor(OnDelete.CASCADE));
		AlterField on = new AlterField("Book", "author",
				SchemaTestModels.field(new FieldType.ForeignKey("shop.author", OnDelete.CASCADE)), true);
		assertThat(sqlForwards(before, on)).first()
			.isEqualTo("CREATE TABLE \"new__shop_book\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
					+ " \"author_id\" bigint NOT NULL REFERENCES \"shop_author\" (\"id\") DEFERRABLE INITIALLY DEFERRED,"
					+ " \"editor_id\" bigint NOT NULL REFERENCES \"shop_author\" (\"id\") DEFERRABLE INITIALLY DEFERRED)");
	}

	@Test
	void foreignKeyIndexesAreDjangos() {
		ProjectState before = createsDjangosForeignKeyIndexes(Vendor.SQLITE);
		// Django 5.2.17 remakes the table for each AlterField as here (the remake of author drops its
		// index, that of editor is followed by its index), and for profile a third time though nothing
		// changes; it also moves the altered column last in the new table
		assertThat(sqlForwards(before, DjangoForeignKeyIndexReference.toggled())).containsExactly(
				"CREATE TABLE \"new__shop_book\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, " + BOOK_COLUMNS + ")",
				"INSERT INTO \"new__shop_book\" (\"id\", \"editor_id\", \"profile_id\", \"author_id\") SELECT \"id\","
						+ " \"editor_id\", \"profile_id\", \"author_id\" FROM \"shop_book\"",
				"DROP TABLE \"shop_book\"", "ALTER TABLE \"new__shop_book\" RENAME TO \"shop_book\"",
				"CREATE TABLE \"new__shop_book\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, " + BOOK_COLUMNS + ")",
				"INSERT INTO \"new__shop_book\" (\"id\", \"author_id\", \"profile_id\", \"editor_id\") SELECT \"id\","
						+ " \"author_id\", \"profile_id\", \"editor_id\" FROM \"shop_book\"",
				"DROP TABLE \"shop_book\"", "ALTER TABLE \"new__shop_book\" RENAME TO \"shop_book\"",
				"CREATE INDEX \"shop_book_editor_id_71eff3c6\" ON \"shop_book\" (\"editor_id\")");
		forwards(before, DjangoForeignKeyIndexReference.toggled());
		assertThat(sqlBackwards(before, DjangoForeignKeyIndexReference.toggled())).containsExactly(
				"CREATE TABLE \"new__shop_book\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, " + BOOK_COLUMNS + ")",
				"INSERT INTO \"new__shop_book\" (\"id\", \"author_id\", \"profile_id\", \"editor_id\") SELECT \"id\","
						+ " \"author_id\", \"profile_id\", \"editor_id\" FROM \"shop_book\"",
				"DROP TABLE \"shop_book\"", "ALTER TABLE \"new__shop_book\" RENAME TO \"shop_book\"",
				"CREATE TABLE \"new__shop_book\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, " + BOOK_COLUMNS + ")",
				"INSERT INTO \"new__shop_book\" (\"id\", \"editor_id\", \"profile_id\", \"author_id\") SELECT \"id\","
						+ " \"editor_id\", \"profile_id\", \"author_id\" FROM \"shop_book\"",
				"DROP TABLE \"shop_book\"", "ALTER TABLE \"new__shop_book\" RENAME TO \"shop_book\"",
				"CREATE INDEX \"shop_book_author_id_82b8ab51\" ON \"shop_book\" (\"author_id\")");
	}

}
