package io.github.migrations.autodetect;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelOptions;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.RenameIndex;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autodetector rules for model renames, options, tables, indexes, constraints, many-to-many
 * changes and the split of circular foreign keys between apps; expected results taken from
 * Django 5.2.17's makemigrations on the same models.
 */
class AutodetectorModelChangesTests extends AutodetectorFixtures {

	private static final FieldState TITLE = FieldState.of(new FieldType.CharField(100));

	@Test
	void foreignKeysBetweenTwoAppsThatReferenceEachOtherSplitOneAppInTwoMigrations() {
		// Django: a.0001_initial (Author, Zeta), b.0001_initial (Book, depends on a.0001),
		// a.0002_initial (Author.favourite, Zeta's index; depends on a.0001 and b.0001)
		FieldState favourite = FieldState.of(new FieldType.ForeignKey("b.book", OnDelete.CASCADE));
		FieldState author = FieldState.of(new FieldType.ForeignKey("a.author", OnDelete.CASCADE));
		IndexState zetaName = new IndexState("zeta_name_idx", List.of("name"), null);
		ModelState authors = new ModelState("a", "Author", fields("id", ID, "name", TITLE, "favourite", favourite), null);
		ModelState zeta = new ModelState("a", "Zeta", fields("id", ID, "name", TITLE), null, List.of(zetaName),
				List.of(), ModelOptions.NONE);
		ModelState books = new ModelState("b", "Book", fields("id", ID, "title", TITLE, "author", author), null);
		Changes changes = detect(state(), state(authors, zeta, books), Map.of());
		List<Migration> a = changes.migrations().get("a");
		assertThat(a).extracting((migration) -> migration.key().name()).containsExactly("0001_initial", "0002_initial");
		assertThat(a.get(0).operations()).extracting(Operation::describe)
			.containsExactly("Create model Author", "Create model Zeta");
		assertThat(a.get(0).dependencies()).isEmpty();
		assertThat(a.get(1).operations()).extracting(Operation::describe)
			.containsExactly("Add field favourite to author", "Create index zeta_name_idx on field(s) name of model zeta");
		assertThat(a.get(1).dependencies()).containsExactly(new MigrationKey("a", "0001_initial"),
				new MigrationKey("b", "0001_initial"));
		assertThat(a).allMatch(Migration::initial);
		Migration b = only(changes, "b");
		assertThat(b.key().name()).isEqualTo("0001_initial");
		assertThat(b.dependencies()).containsExactly(new MigrationKey("a", "0001_initial"));
		assertThat(((CreateModel) b.operations().get(0)).fields()).containsKeys("title", "author");
	}

	@Test
	void aNewModelsForeignKeyAndIndexesAreFoldedBackIntoItsCreateModel() {
		FieldState author = FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE));
		IndexState index = new IndexState("book_title_idx", List.of("title"), null);
		ConstraintState unique = new ConstraintState.Unique("book_unique_title", List.of("title", "author"), null);
		ModelState book = new ModelState("testapp", "Book", fields("id", ID, "title", TITLE, "author", author), null,
				List.of(index), List.of(unique), ModelOptions.NONE);
		Migration migration = only(detect(state(author(Map.of("name", NAME))),
				state(author(Map.of("name", NAME)), book), Map.of(), leaf("testapp", "0001_initial")), "testapp");
		assertThat(migration.operations()).singleElement().isInstanceOfSatisfying(CreateModel.class, (create) -> {
			assertThat(create.fields()).containsOnlyKeys("id", "title", "author");
			assertThat(create.indexes()).containsExactly(index);
			assertThat(create.constraints()).containsExactly(unique);
		});
		assertThat(migration.key().name()).isEqualTo("0002_book");
	}

	@Test
	void declaredModelRenameGivesRenameModelAndKeepsForeignKeysPointingAtIt() {
		FieldState toAuthor = FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE));
		FieldState toWriter = FieldState.of(new FieldType.ForeignKey("testapp.writer", OnDelete.CASCADE));
		ModelState bookBefore = new ModelState("testapp", "Book", fields("id", ID, "author", toAuthor), null);
		ModelState bookAfter = new ModelState("testapp", "Book", fields("id", ID, "author", toWriter), null);
		ModelState writer = new ModelState("testapp", "Writer", fields("id", ID, "name", NAME, "age",
				FieldState.of(new FieldType.IntegerField()).withNullable(true)), null);
		DeclaredModels declared = new DeclaredModels(state(writer, bookAfter), Map.of(),
				Map.of(new ModelKey("testapp", "writer"), "Author"));
		Changes changes = new Autodetector(state(author(Map.of("name", NAME)), bookBefore), declared,
				new NonInteractiveQuestioner()).changes((app) -> leaf("testapp", "0001_initial"), Set.of(), null, NOW);
		Migration migration = only(changes, "testapp");
		assertThat(migration.operations()).containsExactly(new RenameModel("Author", "Writer"),
				new AddField("writer", "age", writer.field("age"), true));
		assertThat(migration.key().name()).isEqualTo("0002_rename_author_writer_writer_age");
	}

	@Test
	void modelWithTheSameFieldsUnderANewNameIsDeletedAndCreatedWithAWarningWhenNotAsked() {
		ModelState writer = new ModelState("testapp", "Writer", fields("id", ID, "name", NAME), null);
		Changes changes = detect(state(author(Map.of("name", NAME))), state(writer), Map.of(),
				leaf("testapp", "0001_initial"));
		// Django inserts created models at the front of the app's list
		assertThat(only(changes, "testapp").operations()).extracting(Operation::describe)
			.containsExactly("Create model Writer", "Delete model Author");
		assertThat(only(changes, "testapp").key().name()).isEqualTo("0002_writer_delete_author");
		assertThat(changes.warnings()).singleElement()
			.asString()
			.contains("Model testapp.Author is removed", "table 'testapp_author'", "@RenamedFrom(\"Author\")");
	}

	@Test
	void modelRenameConfirmedByTheQuestionerIsARenameModel() {
		ModelState writer = new ModelState("testapp", "Writer", fields("id", ID, "name", NAME), null);
		Questioner yes = new Answering() {
			@Override
			public boolean askRenameModel(ModelState old, ModelState current) {
				return true;
			}
		};
		Changes changes = new Autodetector(state(author(Map.of("name", NAME))), new DeclaredModels(state(writer), Map.of()),
				yes).changes((app) -> leaf("testapp", "0001_initial"), Set.of(), null, NOW);
		assertThat(only(changes, "testapp").operations()).containsExactly(new RenameModel("Author", "Writer"));
		assertThat(only(changes, "testapp").key().name()).isEqualTo("0002_rename_author_writer");
	}

	@Test
	void fieldRenameConfirmedByTheQuestionerIsARenameField() {
		Questioner yes = new Answering() {
			@Override
			public boolean askRename(ModelKey model, String oldName, String newName, FieldState field) {
				return true;
			}
		};
		Changes changes = new Autodetector(state(author(Map.of("name", NAME))),
				new DeclaredModels(state(author(Map.of("full_name", NAME))), Map.of()), yes)
			.changes((app) -> leaf("testapp", "0001_initial"), Set.of(), null, NOW);
		assertThat(only(changes, "testapp").operations()).containsExactly(new RenameField("author", "name", "full_name"));
	}

	@Test
	void renameThatKeepsTheColumnAltersTheFieldFirst() {
		// Django: AlterField(name, db_column='name') then RenameField(name -> full_name)
		FieldState keepsColumn = NAME.withDbColumn("name");
		Changes changes = detect(state(author(Map.of("name", NAME))), state(author(Map.of("full_name", keepsColumn))),
				Map.of("full_name", "name"), leaf("testapp", "0001_initial"));
		assertThat(only(changes, "testapp").operations()).containsExactly(
				new AlterField("author", "name", keepsColumn, true), new RenameField("author", "name", "full_name"));
	}

	@Test
	void changedOrderingIsAnAlterModelOptions() {
		ModelState before = author(Map.of("name", NAME));
		ModelState after = before.withOptions(new ModelOptions(List.of("-name"), "writer", null));
		Migration migration = only(detect(state(before), state(after), Map.of(), leaf("testapp", "0001_initial")),
				"testapp");
		assertThat(migration.operations())
			.containsExactly(new AlterModelOptions("author", new ModelOptions(List.of("-name"), "writer", null)));
		assertThat(migration.key().name()).isEqualTo("0002_alter_author_options");
	}

	@Test
	void changedTableNameIsAnAlterModelTable() {
		ModelState before = author(Map.of("name", NAME));
		Migration migration = only(detect(state(before), state(before.withDbTable("writers")), Map.of(),
				leaf("testapp", "0001_initial")), "testapp");
		assertThat(migration.operations()).containsExactly(new AlterModelTable("author", "writers"));
		assertThat(migration.key().name()).isEqualTo("0002_alter_author_table");
	}

	@Test
	void indexesAreAddedRemovedAndRenamedInDjangosOrder() {
		IndexState kept = new IndexState("author_name_idx", List.of("name"), null);
		IndexState renamed = new IndexState("author_name_desc", List.of("-name"), null);
		IndexState removed = new IndexState("author_id_idx", List.of("id", "name"), null);
		IndexState added = new IndexState("author_partial", List.of("name"), "name <> ''");
		ModelState before = author(Map.of("name", NAME)).withIndexes(List.of(kept, renamed.withName("old_desc"), removed));
		ModelState after = author(Map.of("name", NAME)).withIndexes(List.of(kept, renamed, added));
		Migration migration = only(detect(state(before), state(after), Map.of(), leaf("testapp", "0001_initial")),
				"testapp");
		assertThat(migration.operations()).containsExactly(new RemoveIndex("author", "author_id_idx"),
				new RenameIndex("author", "author_name_desc", "old_desc"), new AddIndex("author", added));
	}

	@Test
	void changedConstraintIsRemovedThenAddedAfterFieldChanges() {
		ConstraintState before = new ConstraintState.Check("author_name_not_empty", "name <> ''");
		ConstraintState after = new ConstraintState.Check("author_name_not_empty", "length(name) > 1");
		FieldState age = FieldState.of(new FieldType.IntegerField()).withNullable(true);
		Migration migration = only(detect(state(author(Map.of("name", NAME)).withConstraints(List.of(before))),
				state(author(fields("name", NAME, "age", age)).withConstraints(List.of(after))), Map.of(),
				leaf("testapp", "0001_initial")), "testapp");
		assertThat(migration.operations()).containsExactly(new RemoveConstraint("author", "author_name_not_empty"),
				new AddField("author", "age", age, true), new AddConstraint("author", after));
	}

	@Test
	void indexOverARenamedFieldFollowsTheRenameWithoutBeingRecreated() {
		ModelState before = author(Map.of("name", NAME))
			.withIndexes(List.of(new IndexState("author_name_idx", List.of("name"), null)));
		ModelState after = author(Map.of("full_name", NAME))
			.withIndexes(List.of(new IndexState("author_name_idx", List.of("full_name"), null)));
		Migration migration = only(detect(state(before), state(after), Map.of("full_name", "name"),
				leaf("testapp", "0001_initial")), "testapp");
		assertThat(migration.operations()).containsExactly(new RenameField("author", "name", "full_name"));
	}

	@Test
	void changingAForeignKeyIntoAManyToManyRemovesAndAddsTheField() {
		FieldState fk = FieldState.of(new FieldType.ForeignKey("testapp.author", OnDelete.CASCADE));
		FieldState m2m = FieldState.of(new FieldType.ManyToManyField("testapp.author", null));
		ModelState before = new ModelState("testapp", "Book", fields("id", ID, "authors", fk), null);
		ModelState after = new ModelState("testapp", "Book", fields("id", ID, "authors", m2m), null);
		ModelState author = author(Map.of("name", NAME));
		Migration migration = only(detect(state(author, before), state(author, after), Map.of(),
				leaf("testapp", "0001_initial")), "testapp");
		assertThat(migration.operations()).containsExactly(new RemoveField("book", "authors"),
				new AddField("book", "authors", m2m, true));
	}

	@Test
	void nullableFieldMadeNotNullAsksForAOneOffDefault() {
		FieldState nullable = NAME.withNullable(true);
		Questioner oneOff = new Answering() {
			@Override
			public String askNotNullAlteration(String app, String modelName, String fieldName, FieldState field) {
				return "unknown";
			}
		};
		Changes changes = new Autodetector(state(author(Map.of("name", nullable))),
				new DeclaredModels(state(author(Map.of("name", NAME))), Map.of()), oneOff)
			.changes((app) -> leaf("testapp", "0001_initial"), Set.of(), null, NOW);
		assertThat(only(changes, "testapp").operations())
			.containsExactly(new AlterField("author", "name", NAME.withDefault("unknown"), false));
	}

	@Test
	void nullableFieldMadeNotNullWithoutAnswerWarnsAboutNullRows() {
		Changes changes = detect(state(author(Map.of("name", NAME.withNullable(true)))),
				state(author(Map.of("name", NAME))), Map.of(), leaf("testapp", "0001_initial"));
		assertThat(only(changes, "testapp").operations())
			.containsExactly(new AlterField("author", "name", NAME, true));
		assertThat(changes.warnings()).singleElement()
			.asString()
			.startsWith("Field 'name' on model 'author' given a default of NOT PROVIDED and must be corrected");
	}

	@Test
	void modelsThatDifferInOneComponentEachAreFoundAmongUnchangedOnes() {
		// the generators skip models equal on both sides: each component of a model must count
		IndexState index = new IndexState("m_name_idx", List.of("name"), null);
		ConstraintState unique = new ConstraintState.Unique("m_name_uniq", List.of("name"), null);
		ModelOptions ordered = new ModelOptions(List.of("name"), null, null);
		List<ModelState> before = new java.util.ArrayList<>();
		List<ModelState> after = new java.util.ArrayList<>();
		for (String name : List.of("Field", "Table", "Index", "Constraint", "Options", "Same1", "Same2")) {
			ModelState model = new ModelState("testapp", name, fields("id", ID, "name", NAME), null);
			before.add(model);
			after.add(switch (name) {
				case "Field" -> new ModelState("testapp", name, fields("id", ID, "name", NAME.withNullable(true)), null);
				case "Table" -> new ModelState("testapp", name, model.fields(), "custom_table");
				case "Index" -> new ModelState("testapp", name, model.fields(), null, List.of(index), List.of(),
						ModelOptions.NONE);
				case "Constraint" -> new ModelState("testapp", name, model.fields(), null, List.of(), List.of(unique),
						ModelOptions.NONE);
				case "Options" -> new ModelState("testapp", name, model.fields(), null, List.of(), List.of(), ordered);
				default -> new ModelState("testapp", name, fields("id", ID, "name", NAME), null);
			});
		}
		Changes changes = detect(ProjectState.of(before), ProjectState.of(after), Map.of(),
				leaf("testapp", "0001_initial"));
		assertThat(only(changes, "testapp").operations()).extracting(Operation::describe)
			.containsExactlyInAnyOrder("Change Meta options on options", "Alter field name on field",
					"Create index m_name_idx on field(s) name of model index",
					"Create constraint m_name_uniq on model constraint", "Rename table for table to custom_table");
	}

	private static Changes detect(ProjectState before, ProjectState after, Map<String, String> renames,
			MigrationKey... leaves) {
		return changes(before, after, renames, leaves);
	}

	/** A questioner for tests that answers what a test overrides and fails on anything else. */
	private abstract static class Answering implements Questioner {

		@Override
		public String askNotNullAddition(String app, String modelName, String fieldName, FieldState field) {
			throw new AssertionError("Unexpected question about " + modelName + "." + fieldName);
		}

	}

}
