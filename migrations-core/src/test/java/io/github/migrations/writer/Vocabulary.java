package io.github.migrations.writer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddConstraintNotValid;
import io.github.migrations.operation.AddFieldNotValid;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AddIndexConcurrently;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelOptions;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RemoveIndexConcurrently;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.RenameIndex;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.operation.RunJava;
import io.github.migrations.operation.RunSql;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.operation.ValidateConstraint;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.OnDelete;

/**
 * One migration that uses every operation, every field type and every field, index, constraint
 * and model option; {@code fixtures/vocabulary/library/0001_initial.yaml} is its file and
 * {@code docs/migration-files.md} shows it.
 */
final class Vocabulary {

	static final MigrationKey KEY = new MigrationKey("library", "0001_initial");

	private Vocabulary() {
	}

	static Migration migration() {
		return new Migration(KEY, List.of(MigrationKey.parse("auth.0001_initial")), List.of(), operations(), true,
				true, null, null);
	}

	private static List<Operation> operations() {
		Map<String, FieldState> author = new LinkedHashMap<>();
		author.put("id", FieldState.of(new FieldType.AutoField()));
		author.put("name", FieldState.of(new FieldType.CharField(100)).withDbComment("Full name, as printed"));
		author.put("slug", FieldState.of(new FieldType.SlugField(50)).withUnique(true));
		author.put("email", FieldState.of(new FieldType.EmailField(254)).withNullable(true));
		author.put("website", FieldState.of(new FieldType.URLField(200)).withDefault(""));
		author.put("born", FieldState.of(new FieldType.DateField()).withNullable(true));
		author.put("wakes", FieldState.of(new FieldType.TimeField()).withDefault("07:30"));
		author.put("rating", FieldState.of(new FieldType.FloatField()).withDefault("4.5"));
		author.put("royalties", FieldState.of(new FieldType.DecimalField(8, 2)).withDbDefault("0.00"));
		author.put("active", FieldState.of(new FieldType.BooleanField()).withDefault("true"));
		author.put("user", FieldState.of(new FieldType.OneToOneField("auth.user", OnDelete.SET_NULL))
			.withNullable(true)
			.withDbColumn("user_ref"));
		Map<String, FieldState> book = new LinkedHashMap<>();
		book.put("id", FieldState.of(new FieldType.BigAutoField()));
		book.put("code", FieldState.of(new FieldType.UUIDField()).withUnique(true));
		book.put("title", FieldState.of(new FieldType.CharField(200)).withDbIndex(true));
		book.put("pages", FieldState.of(new FieldType.PositiveIntegerField()));
		book.put("chapters", FieldState.of(new FieldType.PositiveSmallIntegerField()).withDefault("1"));
		book.put("words", FieldState.of(new FieldType.PositiveBigIntegerField()).withNullable(true));
		book.put("edition", FieldState.of(new FieldType.SmallIntegerField()).withDbDefault("1"));
		book.put("copies", FieldState.of(new FieldType.IntegerField()));
		book.put("sold", FieldState.of(new FieldType.BigIntegerField()).withDefault("0"));
		book.put("reading_time", FieldState.of(new FieldType.DurationField()).withNullable(true));
		book.put("cover", FieldState.of(new FieldType.BinaryField(null)).withNullable(true));
		book.put("digest", FieldState.of(new FieldType.BinaryField(32)).withNullable(true));
		book.put("metadata", FieldState.of(new FieldType.JSONField()).withDefault("{}"));
		book.put("blurb", FieldState.of(new FieldType.TextField()).withDefault("It's\na \"story\"."));
		book.put("published", FieldState.of(new FieldType.DateTimeField()).withDbDefault("now"));
		book.put("genre", FieldState.of(new FieldType.CharField(10))
			.withChoices(List.of("FICTION", "POETRY", "ESSAY"))
			.withDefault("FICTION"));
		book.put("author", FieldState.of(new FieldType.ForeignKey("library.author", OnDelete.DB_CASCADE)));
		Map<String, FieldState> shelf = new LinkedHashMap<>();
		shelf.put("id", FieldState.of(new FieldType.SmallAutoField()));
		shelf.put("books", FieldState.of(new FieldType.ManyToManyField("library.book", null)));
		Map<String, FieldState> loan = new LinkedHashMap<>();
		loan.put("id", FieldState.of(new FieldType.BigAutoField()));
		loan.put("book", FieldState.of(new FieldType.ForeignKey("library.book", OnDelete.PROTECT)));
		loan.put("shelf", FieldState.of(new FieldType.ForeignKey("library.shelf", OnDelete.DO_NOTHING, false)).withDbIndex(false));
		return List.of(
				new CreateModel("Author", author, "library_people",
						List.of(new IndexState("author_name_idx", List.of("name", "-born"), null)),
						List.of(new ConstraintState.Unique("author_slug_email_uniq", List.of("slug", "email"),
								"email IS NOT NULL"), new ConstraintState.Check("author_rating_gte_0", "rating >= 0")),
						new ModelOptions(List.of("name"), "author", "authors")),
				new CreateModel("Book", book, null), new CreateModel("Shelf", shelf, null),
				new CreateModel("Loan", loan, null),
				new AddField("shelf", "loans",
						FieldState.of(new FieldType.ManyToManyField("library.book", "library.loan")), true),
				new RenameModel("Author", "Writer"), new AlterModelTable("Writer", null),
				new AlterModelTable("Writer", "library_writers"),
				new AlterModelOptions("Writer", new ModelOptions(List.of("-born", "name"), null, null)),
				new AlterModelOptions("Writer", ModelOptions.NONE),
				new AddField("book", "isbn", FieldState.of(new FieldType.CharField(13)).withDefault(""), false),
				new AlterField("book", "copies", FieldState.of(new FieldType.IntegerField()).withDefault("1"), true),
				new RenameField("book", "pages", "page_count"), new RemoveField("book", "words"),
				new AddIndex("book", new IndexState("book_title_idx", List.of("title"), "title <> ''")),
				new RenameIndex("book", "book_title_partial_idx", "book_title_idx"),
				new RemoveIndex("book", "book_title_partial_idx"),
				new AddConstraint("book", new ConstraintState.Check("book_copies_gte_0", "copies >= 0")),
				new AddConstraint("book",
						new ConstraintState.Unique("book_isbn_uniq", List.of("isbn"), null)),
				new RemoveConstraint("book", "book_copies_gte_0"),
				new RunSql(List.of("UPDATE library_book SET copies = 1 WHERE copies = 0",
						"UPDATE library_book\nSET sold = 0\nWHERE sold IS NULL"), List.of()),
				new RunSql(List.of("DELETE FROM library_book WHERE title = 'draft'"), null),
				new RunJava("com.example.library.FillSlugs", "com.example.library.ClearSlugs"),
				new RunJava("com.example.library.Reindex", null),
				new SeparateDatabaseAndState(
						List.of(new RunSql(List.of("ALTER TABLE library_book RENAME COLUMN sold TO sold_copies"),
								List.of("ALTER TABLE library_book RENAME COLUMN sold_copies TO sold"))),
						List.of(new AlterField("book", "sold",
								FieldState.of(new FieldType.BigIntegerField()).withDefault("0").withDbColumn("sold_copies"),
								true))),
				new SeparateDatabaseAndState(List.of(), List.of()),
				// state only: the concurrent forms need a migration with atomic: false (see operations.md)
				new SeparateDatabaseAndState(List.of(),
						List.of(new AddIndexConcurrently("book", new IndexState("book_sold_idx", List.of("sold"), null)),
								new RemoveIndexConcurrently("book", "book_sold_idx"),
								new AddConstraintNotValid("book", new ConstraintState.Check("book_sold_gte_0", "sold >= 0")),
								new ValidateConstraint("book", "book_sold_gte_0"),
								new AddFieldNotValid("book", "editor",
										FieldState.of(new FieldType.ForeignKey("library.writer", OnDelete.PROTECT))
											.withNullable(true),
										true))),
				new RemoveField("shelf", "loans"),
				new DeleteModel("Loan"));
	}

}
