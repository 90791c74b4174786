package io.github.migrations.schema;

import java.util.List;
import java.util.Locale;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.model;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract: a many-to-many field without {@code through} model has Django's automatic join
 * table ({@code <table>_<field>}, columns {@code <model>_id} and {@code <target>_id}, a unique
 * pair, foreign keys to both tables), created and dropped with its model or field and renamed with
 * the field; a field with a {@code through} model has no table of its own.
 */
interface ManyToManyContract extends SchemaEditorContract {

	private static ModelState author() {
		return model(APP, "Author", "name", field(new FieldType.CharField(50)));
	}

	private static ModelState book(FieldState authors) {
		return model(APP, "Book", "title", field(new FieldType.CharField(50)), "authors", authors);
	}

	private static FieldState authors() {
		return FieldState.of(new FieldType.ManyToManyField("shop.author", null));
	}

	@Test
	default void createModelCreatesTheJoinTableAndDeleteModelDropsIt() throws Exception {
		CreateModel[] creates = { CreateModel.of(author()), CreateModel.of(book(authors())) };
		forwards(ProjectState.empty(), creates);
		assertThat(lower(Introspector.columnNames(connection(), "shop_book"))).containsExactly("id", "title");
		assertThat(lower(Introspector.columnNames(connection(), "shop_book_authors")))
			.containsExactly("id", "book_id", "author_id");
		insert("shop_author", List.of("name"), "Ann");
		insert("shop_book", List.of("title"), "Dune");
		insert("shop_book_authors", List.of("book_id", "author_id"), 1L, 1L);
		assertFails(() -> insert("shop_book_authors", List.of("book_id", "author_id"), 1L, 1L));
		assertFails(() -> insert("shop_book_authors", List.of("book_id", "author_id"), 1L, 7L));
		assertFails(() -> insert("shop_book_authors", List.of("book_id", "author_id"), 7L, 1L));
		assertThat(lower(Introspector.constraintNames(connection(), "shop_book_authors", "UNIQUE")))
			.containsExactly(IndexNames.create("shop_book_authors", List.of("book_id", "author_id"), "_uniq",
					inspector().nameLength()));
		backwards(ProjectState.empty(), creates);
		assertThat(Introspector.tableNames(connection())).isEmpty();
	}

	@Test
	default void addFieldCreatesTheJoinTableAndRemoveFieldDropsIt() throws Exception {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(author()),
				CreateModel.of(model(APP, "Book", "title", field(new FieldType.CharField(50)))));
		AddField add = new AddField("Book", "authors", authors(), true);
		ProjectState after = forwards(state, add);
		assertThat(Introspector.hasTable(connection(), "shop_book_authors")).isTrue();
		RemoveField remove = new RemoveField("Book", "authors");
		forwards(after, remove);
		assertThat(Introspector.hasTable(connection(), "shop_book_authors")).isFalse();
		backwards(after, remove);
		insert("shop_author", List.of("name"), "Ann");
		insert("shop_book", List.of("title"), "Dune");
		insert("shop_book_authors", List.of("book_id", "author_id"), 1L, 1L);
		backwards(state, add);
		assertThat(Introspector.hasTable(connection(), "shop_book_authors")).isFalse();
	}

	@Test
	default void renameFieldRenamesTheJoinTable() throws Exception {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(author()),
				CreateModel.of(book(authors())));
		insert("shop_author", List.of("name"), "Ann");
		insert("shop_book", List.of("title"), "Dune");
		insert("shop_book_authors", List.of("book_id", "author_id"), 1L, 1L);
		RenameField rename = new RenameField("Book", "authors", "writers");
		forwards(state, rename);
		assertThat(Introspector.hasTable(connection(), "shop_book_authors")).isFalse();
		assertThat(column("shop_book_writers", "author_id")).map((id) -> ((Number) id).longValue()).containsExactly(1L);
		backwards(state, rename);
		assertThat(column("shop_book_authors", "author_id")).map((id) -> ((Number) id).longValue()).containsExactly(1L);
	}

	@Test
	default void aFieldToItsOwnModelHasFromAndToColumns() throws Exception {
		ModelState person = model(APP, "Person", "name", field(new FieldType.CharField(50)), "friends",
				FieldState.of(new FieldType.ManyToManyField("shop.person", null)));
		forwards(ProjectState.empty(), CreateModel.of(person));
		assertThat(lower(Introspector.columnNames(connection(), "shop_person_friends")))
			.containsExactly("id", "from_person_id", "to_person_id");
		insert("shop_person", List.of("name"), "Ann");
		insert("shop_person", List.of("name"), "Bob");
		insert("shop_person_friends", List.of("from_person_id", "to_person_id"), 1L, 2L);
		assertFails(() -> insert("shop_person_friends", List.of("from_person_id", "to_person_id"), 1L, 3L));
	}

	@Test
	default void aFieldWithAThroughModelHasNoTableOfItsOwn() {
		ModelState membership = model(APP, "Membership", "author",
				field(new FieldType.ForeignKey("shop.author", io.github.migrations.state.OnDelete.CASCADE)), "book",
				field(new FieldType.ForeignKey("shop.book", io.github.migrations.state.OnDelete.CASCADE)));
		ModelState book = book(FieldState.of(new FieldType.ManyToManyField("shop.author", "shop.membership")));
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(author()), CreateModel.of(book),
				CreateModel.of(membership));
		assertThat(lower(Introspector.tableNames(connection()))).containsExactlyInAnyOrder("shop_author", "shop_book",
				"shop_membership");
		RemoveField remove = new RemoveField("Book", "authors");
		assertThat(sqlForwards(state, remove)).isEmpty();
	}

	private static List<String> lower(java.util.Collection<String> names) {
		return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

}
