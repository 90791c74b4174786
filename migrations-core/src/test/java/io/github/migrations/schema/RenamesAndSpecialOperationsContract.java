package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import io.github.migrations.operation.AlterModelOptions;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.MigrationCode;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.operation.RunJava;
import io.github.migrations.operation.RunSql;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.model;
import static io.github.migrations.schema.SchemaTestModels.nullable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract: renaming a model renames its table and the join tables and columns named after it,
 * keeping rows and the foreign keys that point to it; changing a model's table does the same for
 * the table names; model options produce no SQL; raw SQL, Java code and separated database and
 * state operations run forwards and backwards.
 */
interface RenamesAndSpecialOperationsContract extends SchemaEditorContract {

	private static ProjectState library() {
		ModelState author = model(APP, "Author", "name", field(new FieldType.CharField(50)), "rivals",
				FieldState.of(new FieldType.ManyToManyField("shop.author", null)), "fans",
				FieldState.of(new FieldType.ManyToManyField("shop.reader", null)));
		ModelState reader = model(APP, "Reader", "name", field(new FieldType.CharField(50)));
		ModelState book = model(APP, "Book", "author", field(new FieldType.ForeignKey("shop.author", OnDelete.CASCADE)),
				"editor", nullable(new FieldType.OneToOneField("shop.author", OnDelete.CASCADE)), "readers",
				FieldState.of(new FieldType.ManyToManyField("shop.author", null)));
		return ProjectState.of(List.of(reader, author, book));
	}

	private ProjectState createLibrary() throws Exception {
		ProjectState state = forwards(ProjectState.empty(), library().models()
			.values()
			.stream()
			.map(CreateModel::of)
			.toArray(CreateModel[]::new));
		insert("shop_reader", List.of("name"), "Rea");
		insert("shop_author", List.of("name"), "Ann");
		insert("shop_author", List.of("name"), "Bob");
		insert("shop_book", List.of("author_id", "editor_id"), 1L, 2L);
		insert("shop_author_rivals", List.of("from_author_id", "to_author_id"), 1L, 2L);
		insert("shop_author_fans", List.of("author_id", "reader_id"), 1L, 1L);
		insert("shop_book_readers", List.of("book_id", "author_id"), 1L, 2L);
		return state;
	}

	@Test
	default void renameModelRenamesItsTableAndTheJoinTablesAndColumnsNamedAfterIt() throws Exception {
		ProjectState state = createLibrary();
		RenameModel rename = new RenameModel("Author", "Writer");
		forwards(state, rename);
		assertThat(tables()).containsExactlyInAnyOrder("shop_reader", "shop_writer", "shop_book",
				"shop_writer_rivals", "shop_writer_fans", "shop_book_readers");
		assertThat(columns("shop_writer_rivals")).containsExactly("id", "from_writer_id", "to_writer_id");
		assertThat(columns("shop_writer_fans")).containsExactly("id", "writer_id", "reader_id");
		assertThat(columns("shop_book_readers")).containsExactly("id", "book_id", "writer_id");
		assertThat(column("shop_writer", "name")).containsExactly("Ann", "Bob");
		assertThat(column("shop_writer_rivals", "to_writer_id")).map((id) -> ((Number) id).longValue())
			.containsExactly(2L);
		assertFails(() -> insert("shop_book", List.of("author_id"), 9L));
		assertFails(() -> insert("shop_book", List.of("author_id", "editor_id"), 1L, 2L));
		assertFails(() -> insert("shop_writer_rivals", List.of("from_writer_id", "to_writer_id"), 1L, 9L));
		assertFails(() -> insert("shop_book_readers", List.of("book_id", "writer_id"), 1L, 9L));
		insert("shop_book_readers", List.of("book_id", "writer_id"), 1L, 1L);
		backwards(state, rename);
		assertThat(tables()).containsExactlyInAnyOrder("shop_reader", "shop_author", "shop_book",
				"shop_author_rivals", "shop_author_fans", "shop_book_readers");
		assertThat(columns("shop_author_rivals")).containsExactly("id", "from_author_id", "to_author_id");
		assertThat(columns("shop_book_readers")).containsExactly("id", "book_id", "author_id");
		assertFails(() -> insert("shop_book_readers", List.of("book_id", "author_id"), 1L, 9L));
		assertFails(() -> insert("shop_author_fans", List.of("author_id", "reader_id"), 9L, 1L));
		assertThat(column("shop_book_readers", "author_id")).map((id) -> ((Number) id).longValue())
			.containsExactly(2L, 1L);
	}

	@Test
	default void alterModelTableRenamesTheTableAndItsJoinTables() throws Exception {
		ProjectState state = createLibrary();
		AlterModelTable table = new AlterModelTable("Author", "writers");
		ProjectState after = forwards(state, table);
		assertThat(tables()).contains("writers", "writers_rivals", "writers_fans").doesNotContain("shop_author");
		assertThat(columns("writers_fans")).containsExactly("id", "author_id", "reader_id");
		assertFails(() -> insert("shop_book", List.of("author_id"), 9L));
		insert("shop_book", List.of("author_id"), 2L);
		AlterModelTable back = new AlterModelTable("Author", null);
		forwards(after, back);
		assertThat(tables()).contains("shop_author", "shop_author_rivals", "shop_author_fans");
		backwards(after, back);
		backwards(state, table);
		assertThat(tables()).contains("shop_author", "shop_author_rivals", "shop_author_fans")
			.doesNotContain("writers");
		assertThat(column("shop_author", "name")).containsExactly("Ann", "Bob");
	}

	@Test
	default void alterModelOptionsRunsNoSql() throws Exception {
		ProjectState state = createLibrary();
		AlterModelOptions options = new AlterModelOptions("Author", new ModelOptions(List.of("-name"), "writer", null));
		assertThat(sqlForwards(state, options)).isEmpty();
		assertThat(backwards(state, options)).isEmpty();
	}

	@Test
	default void runSqlRunsItsStatementsAndItsReverse() throws Exception {
		RunSql sql = new RunSql(List.of("CREATE TABLE " + q("shop_note") + " (" + q("id") + " integer)",
				"INSERT INTO " + q("shop_note") + " VALUES (1)"), List.of("DROP TABLE " + q("shop_note")));
		forwards(ProjectState.empty(), sql);
		assertThat(column("shop_note", "id")).map((id) -> ((Number) id).intValue()).containsExactly(1);
		backwards(ProjectState.empty(), sql);
		assertThat(Introspector.hasTable(connection(), "shop_note")).isFalse();
	}

	@Test
	default void runJavaRunsItsCodeForwardsAndBackwards() throws Exception {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(model(APP, "Reader", "name",
				field(new FieldType.CharField(50)))));
		RunJava code = new RunJava(AddReader.class.getName(), RemoveReaders.class.getName());
		forwards(state, code);
		assertThat(column("shop_reader", "name")).containsExactly("Rea");
		backwards(state, code);
		assertThat(column("shop_reader", "name")).isEmpty();
	}

	@Test
	default void separateDatabaseAndStateRunsOnlyItsDatabaseOperations() throws Exception {
		ModelState reader = model(APP, "Reader", "name", field(new FieldType.CharField(50)));
		String create = "CREATE TABLE " + q("shop_reader") + " (" + q("id") + " bigint PRIMARY KEY, " + q("name")
				+ " varchar(50) NOT NULL)";
		SeparateDatabaseAndState adopt = new SeparateDatabaseAndState(
				List.of(new RunSql(List.of(create), List.of("DROP TABLE " + q("shop_reader"))),
						CreateModel.of(model(APP, "Shadow", "note", field(new FieldType.TextField())))),
				List.of(CreateModel.of(reader)));
		ProjectState adopted = forwards(ProjectState.empty(), adopt);
		assertThat(adopted.models().keySet()).map(Object::toString).containsExactly("shop.reader");
		assertThat(tables()).containsExactlyInAnyOrder("shop_reader", "shop_shadow");
		insert("shop_reader", List.of("id", "name"), 1L, "Rea");
		backwards(ProjectState.empty(), adopt);
		assertThat(tables()).isEmpty();
	}

	private List<String> tables() {
		return Introspector.tableNames(connection()).stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

	private List<String> columns(String table) {
		return Introspector.columnNames(connection(), table)
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.toList();
	}

	/**
	 * Inserts a reader, with the historical state at hand.
	 */
	class AddReader implements MigrationCode {

		@Override
		public void run(Connection connection, ProjectState state) throws Exception {
			String table = state.model(APP, "Reader").table();
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO " + table + " (name) VALUES ('Rea')");
			}
		}

	}

	/**
	 * Deletes every reader.
	 */
	class RemoveReaders implements MigrationCode {

		@Override
		public void run(Connection connection, ProjectState state) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("DELETE FROM " + state.model(APP, "Reader").table());
			}
		}

	}

}
