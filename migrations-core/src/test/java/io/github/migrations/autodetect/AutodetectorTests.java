package io.github.migrations.autodetect;

import java.util.Map;
import java.util.Set;

import io.github.migrations.NonNullFieldWithoutDefaultException;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Autodetector cases written as Django's: a before state, an after state, the expected migrations.
 */
class AutodetectorTests extends AutodetectorFixtures {

	@Test
	void newModelGivesAnInitialMigration() {
		Changes changes = changes(state(), state(author(Map.of("name", NAME))), Map.of());
		Migration migration = only(changes, "testapp");
		assertThat(migration.key()).isEqualTo(new MigrationKey("testapp", "0001_initial"));
		assertThat(migration.initial()).isTrue();
		assertThat(migration.dependencies()).isEmpty();
		assertThat(migration.operations()).singleElement().isInstanceOf(CreateModel.class);
	}

	@Test
	void unchangedStateHasNoChanges() {
		ProjectState state = state(author(Map.of("name", NAME)));
		assertThat(changes(state, state, Map.of()).isEmpty()).isTrue();
	}

	@Test
	void addedFieldWithDefaultIsNamedAfterModelAndField() {
		FieldState email = FieldState.of(new FieldType.CharField(254)).withDefault("");
		Changes changes = changes(state(author(Map.of("name", NAME))), state(author(fields("name", NAME, "email", email))),
				Map.of(), leaf("testapp", "0001_initial"));
		Migration migration = only(changes, "testapp");
		assertThat(migration.key().name()).isEqualTo("0002_author_email");
		assertThat(migration.dependencies()).containsExactly(new MigrationKey("testapp", "0001_initial"));
		assertThat(migration.operations()).containsExactly(new AddField("author", "email", email, true));
	}

	@Test
	void nonNullFieldWithoutDefaultFailsWithoutATerminal() {
		FieldState age = FieldState.of(new FieldType.IntegerField());
		assertThatExceptionOfType(NonNullFieldWithoutDefaultException.class)
			.isThrownBy(() -> changes(state(author(Map.of("name", NAME))), state(author(fields("name", NAME, "age", age))),
					Map.of()))
			.withMessageStartingWith("Field 'age' on model 'author' not migrated: it is impossible to add a non-nullable field without specifying a default.")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(3));
	}

	@Test
	void nullableFieldNeedsNoDefault() {
		FieldState age = FieldState.of(new FieldType.IntegerField()).withNullable(true);
		Changes changes = changes(state(author(Map.of("name", NAME))), state(author(fields("name", NAME, "age", age))),
				Map.of());
		assertThat(only(changes, "testapp").operations()).containsExactly(new AddField("author", "age", age, true));
	}

	@Test
	void removedFieldGivesRemoveField() {
		Changes changes = changes(state(author(fields("name", NAME, "age", NAME))), state(author(Map.of("name", NAME))),
				Map.of(), leaf("testapp", "0001_initial"));
		Migration migration = only(changes, "testapp");
		assertThat(migration.key().name()).isEqualTo("0002_remove_author_age");
		assertThat(migration.operations()).containsExactly(new RemoveField("author", "age"));
	}

	@Test
	void alteredFieldGivesAlterField() {
		FieldState longer = FieldState.of(new FieldType.CharField(400));
		Changes changes = changes(state(author(Map.of("name", NAME))), state(author(Map.of("name", longer))), Map.of());
		assertThat(only(changes, "testapp").operations()).containsExactly(new AlterField("author", "name", longer, true));
	}

	@Test
	void foreignKeyDbIndexTurnedOffOrOnGivesAlterField() {
		FieldState indexed = FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE));
		assertTogglingGivesAlterFieldBothWays(indexed, indexed.withDbIndex(false));
	}

	/**
	 * Check that a book's {@code author} field changed from one form to the other, and back,
	 * gives one {@code AlterField} each way, and no change without a difference.
	 */
	private static void assertTogglingGivesAlterFieldBothWays(FieldState on, FieldState off) {
		ModelState author = author(Map.of("name", NAME));
		ProjectState before = state(author, new ModelState("testapp", "Book", fields("id", ID, "author", on), null));
		ProjectState after = state(author, new ModelState("testapp", "Book", fields("id", ID, "author", off), null));
		Migration changed = only(changes(before, after, Map.of(), leaf("testapp", "0001_initial")), "testapp");
		assertThat(changed.key().name()).isEqualTo("0002_alter_book_author");
		assertThat(changed.operations()).containsExactly(new AlterField("book", "author", off, true));
		assertThat(only(changes(after, before, Map.of()), "testapp").operations())
			.containsExactly(new AlterField("book", "author", on, true));
		assertThat(changes(before, before, Map.of()).isEmpty()).isTrue();
		assertThat(changes(after, after, Map.of()).isEmpty()).isTrue();
	}

	@Test
	void dbConstraintTurnedOffOrOnGivesAlterFieldAsDjango() {
		assertTogglingGivesAlterFieldBothWays(FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE)),
				FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE, false)));
	}

	@Test
	void manyToManyDbConstraintTurnedOffGivesAlterField() {
		FieldState constrained = FieldState.of(new FieldType.ManyToManyField("testapp.author", null));
		FieldState loose = FieldState.of(new FieldType.ManyToManyField("testapp.author", null, false));
		ModelState author = author(Map.of("name", NAME));
		ProjectState before = state(author, new ModelState("testapp", "Book", fields("id", ID, "authors", constrained), null));
		ProjectState after = state(author, new ModelState("testapp", "Book", fields("id", ID, "authors", loose), null));
		assertThat(only(changes(before, after, Map.of()), "testapp").operations())
			.containsExactly(new AlterField("book", "authors", loose, true));
	}

	@Test
	void renamedTargetKeepsTheRelationsDbConstraintWithoutAnAlterField() {
		FieldState loose = FieldState.of(new FieldType.ForeignKey("testapp.tag", OnDelete.CASCADE, false));
		ModelState tag = new ModelState("testapp", "Tag", fields("id", ID, "name", NAME), null);
		ModelState label = new ModelState("testapp", "Label", fields("id", ID, "name", NAME), null);
		ModelState before = new ModelState("testapp", "Book", fields("id", ID, "tag", loose), null);
		ModelState after = new ModelState("testapp", "Book",
				fields("id", ID, "tag", FieldState.of(new FieldType.ForeignKey("testapp.label", OnDelete.CASCADE, false))),
				null);
		Changes changes = new Autodetector(state(tag, before),
				new DeclaredModels(state(label, after), Map.of(), Map.of(label.key(), "Tag")), new NonInteractiveQuestioner())
			.changes((app) -> null, Set.of(), null, NOW);
		assertThat(only(changes, "testapp").operations()).extracting(Operation::describe)
			.containsExactly("Rename model Tag to Label");
	}

	@Test
	void declaredRenameGivesRenameFieldInsteadOfRemoveAndAdd() {
		Changes changes = changes(state(author(Map.of("name", NAME))), state(author(Map.of("full_name", NAME))),
				Map.of("full_name", "name"), leaf("testapp", "0001_initial"));
		Migration migration = only(changes, "testapp");
		assertThat(migration.operations()).containsExactly(new RenameField("author", "name", "full_name"));
		assertThat(migration.key().name()).isEqualTo("0002_rename_name_author_full_name");
		assertThat(changes.warnings()).isEmpty();
	}

	@Test
	void declaredRenameWithAChangedDefinitionAlsoAltersTheField() {
		FieldState longer = FieldState.of(new FieldType.CharField(400));
		Changes changes = changes(state(author(Map.of("name", NAME))), state(author(Map.of("full_name", longer))),
				Map.of("full_name", "name"));
		assertThat(only(changes, "testapp").operations()).containsExactly(new RenameField("author", "name", "full_name"),
				new AlterField("author", "full_name", longer, true));
	}

	@Test
	void aDeclaredRenameIsNotTakenForADataLossByAnAddedFieldOfTheSameTypeBeforeItInOrder() {
		FieldState email = FieldState.of(new FieldType.CharField(254)).withDefault("");
		Changes changes = changes(state(author(Map.of("name", NAME))),
				state(author(fields("email", email, "full_name", NAME))), Map.of("full_name", "name"));
		assertThat(only(changes, "testapp").operations()).containsExactly(new RenameField("author", "name", "full_name"),
				new AddField("author", "email", email, true));
		assertThat(changes.warnings()).isEmpty();
	}

	@Test
	void aDeclaredModelRenameIsNotTakenForADataLossByAnAddedModelWithTheSameFieldsBeforeItInOrder() {
		ModelState tag = new ModelState("testapp", "Tag", fields("id", ID, "name", NAME), null);
		ModelState badge = new ModelState("testapp", "Badge", fields("id", ID, "name", NAME), null);
		ModelState label = new ModelState("testapp", "Label", fields("id", ID, "name", NAME), null);
		Changes changes = new Autodetector(state(tag),
				new DeclaredModels(state(badge, label), Map.of(), Map.of(label.key(), "Tag")),
				new NonInteractiveQuestioner())
			.changes((app) -> null, Set.of(), null, NOW);
		assertThat(only(changes, "testapp").operations()).extracting(Operation::describe)
			.containsExactlyInAnyOrder("Rename model Tag to Label", "Create model Badge");
		assertThat(changes.warnings()).isEmpty();
	}

	@Test
	void undeclaredRenameRemovesAndAddsAndWarnsAboutDataLoss() {
		Changes changes = changes(state(author(Map.of("name", NAME))),
				state(author(Map.of("full_name", NAME.withNullable(true)))), Map.of());
		assertThat(only(changes, "testapp").operations()).extracting(Operation::getClass)
			.containsExactly(RemoveField.class, AddField.class);
		assertThat(changes.warnings()).singleElement()
			.asString()
			.contains("testapp.Author.name is removed", "will be lost", "@RenamedFrom(\"name\")");
	}

	@Test
	void modelsAreCreatedAfterTheModelsTheyReference() {
		FieldState book = FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE));
		ModelState books = new ModelState("testapp", "Book", fields("id", ID, "author", book), null);
		ModelState aardvark = new ModelState("testapp", "Aardvark", fields("id", ID, "book", 
				FieldState.of(new FieldType.ForeignKey("testapp.book", OnDelete.CASCADE))), null);
		Changes changes = changes(state(), state(aardvark, books, author(Map.of("name", NAME))), Map.of());
		assertThat(only(changes, "testapp").operations()).extracting((op) -> ((CreateModel) op).name())
			.containsExactly("Author", "Book", "Aardvark");
	}

	@Test
	void foreignKeyToAnotherAppDependsOnThatAppsMigration() {
		FieldState author = FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE));
		ModelState book = new ModelState("otherapp", "Book", fields("id", ID, "author", author), null);
		Changes changes = changes(state(), state(author(Map.of("name", NAME)), book), Map.of());
		assertThat(only(changes, "otherapp").dependencies()).containsExactly(new MigrationKey("testapp", "0001_initial"));
		assertThat(only(changes, "testapp").dependencies()).isEmpty();
	}

	@Test
	void deletedModelIsDeletedAfterTheFieldsThatReferencedItAreRemoved() {
		FieldState author = FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE));
		ModelState bookBefore = new ModelState("testapp", "Book", fields("id", ID, "author", author), null);
		ModelState bookAfter = new ModelState("testapp", "Book", fields("id", ID), null);
		Changes changes = changes(state(author(Map.of("name", NAME)), bookBefore), state(bookAfter), Map.of());
		assertThat(only(changes, "testapp").operations()).containsExactly(new RemoveField("book", "author"),
				new DeleteModel("Author"));
	}

	@Test
	void restrictingToOneAppKeepsTheAppsItDependsOn() {
		FieldState author = FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE));
		ModelState book = new ModelState("otherapp", "Book", fields("id", ID, "author", author), null);
		ModelState unrelated = new ModelState("thirdapp", "Thing", fields("id", ID), null);
		Changes changes = new Autodetector(state(), new DeclaredModels(state(author(Map.of("name", NAME)), book, unrelated), Map.of()),
				new NonInteractiveQuestioner()).changes((app) -> null, Set.of("otherapp"), null, NOW);
		assertThat(changes.migrations().keySet()).containsExactly("otherapp", "testapp");
	}

	@Test
	void givenNameReplacesTheAutomaticName() {
		Changes changes = new Autodetector(state(), new DeclaredModels(state(author(Map.of("name", NAME))), Map.of()),
				new NonInteractiveQuestioner()).changes((app) -> null, Set.of(), "first", NOW);
		assertThat(only(changes, "testapp").key().name()).isEqualTo("0001_first");
	}

}
