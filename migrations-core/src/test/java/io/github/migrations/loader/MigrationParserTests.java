package io.github.migrations.loader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.migrations.BadMigrationException;
import io.github.migrations.UnknownEntryException;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RunSql;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationParser}: what valid files give, and a corpus of broken files, each
 * with the message that names the file, the line, the problem and the fix.
 */
class MigrationParserTests {

	private static final String FILE = "db/migrations/blog/0002_x.yaml";

	private static final String OPERATIONS = "CreateModel, DeleteModel, RenameModel, AlterModelTable,"
			+ " AlterModelOptions, AddField, RemoveField, AlterField, RenameField, AddIndex, RemoveIndex, RenameIndex,"
			+ " AddConstraint, RemoveConstraint, AddIndexConcurrently, RemoveIndexConcurrently, AddConstraintNotValid,"
			+ " AddFieldNotValid, ValidateConstraint, RunSql, RunJava, SeparateDatabaseAndState";

	private static final String FIELD_TYPES = "AutoField, BigAutoField, BigIntegerField, BinaryField, BooleanField,"
			+ " CharField, DateField, DateTimeField, DecimalField, DurationField, EmailField, FloatField, ForeignKey,"
			+ " IntegerField, JSONField, ManyToManyField, OneToOneField, PositiveBigIntegerField, PositiveIntegerField,"
			+ " PositiveSmallIntegerField, SlugField, SmallAutoField, SmallIntegerField, TextField, TimeField, URLField,"
			+ " UUIDField";

	private static final String FIX = ". Fix the file or regenerate it with makemigrations.";

	@Test
	void parsesKeyChecksumAndSourceFromTheResource() {
		String content = "initial: true\ndependencies:\n  - shop.__first__\noperations: []\n";
		Migration migration = parse(content);
		assertThat(migration.key()).isEqualTo(new MigrationKey("blog", "0002_x"));
		assertThat(migration.source()).isEqualTo(FILE);
		assertThat(migration.checksum()).isEqualTo(Checksums.sha256(content));
		assertThat(migration.initial()).isTrue();
		assertThat(migration.atomic()).isTrue();
		assertThat(migration.dependencies()).containsExactly(new MigrationKey("shop", MigrationKey.FIRST));
		assertThat(migration.replaces()).isEmpty();
	}

	@Test
	void acceptsFlowStyleAndYamlSpellingsOfBooleansAndIntegers() {
		Migration migration = parse("""
				initial: ~
				atomic: no
				replaces: [blog.0001_initial]
				dependencies: []
				operations:
				  - {CreateModel: {name: Post, fields: {id: {type: BigAutoField, primary_key: yes}}}}
				  - AddField:
				      model_name: post
				      name: flag
				      field: {type: BooleanField, default: On, null: True}
				  - AddField:
				      model_name: post
				      name: count
				      field: {type: IntegerField, default: 1_000}
				      preserve_default: false
				""");
		assertThat(migration.initial()).isNull();
		assertThat(migration.atomic()).isFalse();
		assertThat(migration.replaces()).containsExactly(MigrationKey.parse("blog.0001_initial"));
		assertThat(migration.operations()).containsExactly(
				new CreateModel("Post",
						java.util.Map.of("id", FieldState.of(new FieldType.BigAutoField())), null),
				new AddField("post", "flag",
						FieldState.of(new FieldType.BooleanField()).withDefault("true").withNullable(true), true),
				new AddField("post", "count", FieldState.of(new FieldType.IntegerField()).withDefault("1000"),
						false));
	}

	@Test
	void keepsDefaultsAsWrittenWhenTheyAreNotBooleansOrIntegers() {
		Migration migration = parse("""
				dependencies: []
				operations:
				  - AddField:
				      model_name: post
				      name: price
				      field: {type: DecimalField, max_digits: 5, decimal_places: 2, default: 1.50}
				""");
		assertThat(((AddField) migration.operations().get(0)).field().defaultValue()).isEqualTo("1.50");
	}

	@Test
	void crlfLineEndingsParseLikeLf() {
		String lf = "dependencies:\n  - shop.0001_initial\noperations: []\n";
		Migration fromLf = parse(lf);
		Migration fromCrlf = parse(lf.replace("\n", "\r\n"));
		assertThat(fromCrlf.dependencies()).isEqualTo(fromLf.dependencies());
		assertThat(fromCrlf.checksum()).isEqualTo(fromLf.checksum());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenFiles")
	void brokenFileIsReportedWithItsLineAndTheFix(String description, String content, String message) {
		assertThatExceptionOfType(BadMigrationException.class).isThrownBy(() -> parse(content))
			.withMessage("Migration file " + FILE + message);
	}

	static Stream<Arguments> brokenFiles() {
		String ops = "dependencies: []\noperations:\n";
		String field = ops + "  - CreateModel:\n      name: Post\n      fields:\n        title: ";
		return Stream.of(
				broken("empty file", "", ": the file is empty. A migration file needs at least 'dependencies: []' and"
						+ " 'operations: []'. Fix the file or regenerate it with makemigrations."),
				broken("only a comment", "# Generated by migrations 0.1.0 on 2026-11-24 14:05\n",
						": the file is empty. A migration file needs at least 'dependencies: []' and 'operations: []'."
								+ " Fix the file or regenerate it with makemigrations."),
				broken("unclosed flow sequence", ops + "  - CreateModel:\n    name: [x\n",
						" is not valid YAML (line 5, column 1): while parsing a flow sequence, expected ',' or ']',"
								+ " but got <stream end>" + FIX),
				broken("two documents", "dependencies: []\noperations: []\n---\ndependencies: []\noperations: []\n",
						" is not valid YAML (line 3, column 1): expected a single document in the stream, but found"
								+ " another document" + FIX),
				broken("a python tag", ops + "  - !!python/object:os.system\n    x: 1\n",
						" is not valid YAML (line 3, column 5): Global tag is not allowed:"
								+ " tag:yaml.org,2002:python/object:os.system" + FIX),
				broken("a malformed tag", "!:n%6",
						" is not valid YAML: Tag must not contain leading or trailing spaces" + FIX),
				broken("a list at the top", "- a\n- b\n",
						" (line 1, column 1): the migration must be a mapping, got a list" + FIX),
				broken("a scalar at the top", "hello\n",
						" (line 1, column 1): the migration must be a mapping, got 'hello'" + FIX),
				broken("no operations", "dependencies: []\n",
						" (line 1, column 1): the migration has no 'operations' key" + FIX),
				broken("no dependencies", "operations: []\n",
						" (line 1, column 1): the migration has no 'dependencies' key" + FIX),
				broken("unknown top-level key", "dependencies: []\noperations: []\ncolour: blue\n",
						" (line 3, column 1): unknown key 'colour' in the migration; expected one of 'dependencies',"
								+ " 'operations', 'replaces', 'initial', 'atomic', 'acknowledged'" + FIX),
				broken("duplicate top-level key", "dependencies: []\ndependencies: []\noperations: []\n",
						" (line 2, column 1): duplicate key 'dependencies' in the migration" + FIX),
				broken("dependencies not a list", "dependencies: shop.0001_initial\noperations: []\n",
						" (line 1, column 15): 'dependencies' must be a list, got 'shop.0001_initial'" + FIX),
				broken("dependency without a dot", "dependencies:\n  - shop\noperations: []\n",
						" (line 2, column 5): entry 'shop' of 'dependencies' is not of the form app.migration_name"
								+ " (for example shop.0001_initial)" + FIX),
				broken("dependency without an app", "dependencies:\n  - .0001\noperations: []\n",
						" (line 2, column 5): entry '.0001' of 'dependencies' is not of the form app.migration_name"
								+ " (for example shop.0001_initial)" + FIX),
				broken("dependency with a space", "dependencies:\n  - shop.0001 initial\noperations: []\n",
						" (line 2, column 5): entry 'shop.0001 initial' of 'dependencies' is not of the form"
								+ " app.migration_name (for example shop.0001_initial)" + FIX),
				broken("dependency that is a mapping", "dependencies:\n  - {shop: 0001}\noperations: []\n",
						" (line 2, column 5): an entry of 'dependencies' must be a string, got a mapping" + FIX),
				broken("replaces entry without a dot", "replaces: [blog.0001, blog]\ndependencies: []\noperations: []\n",
						" (line 1, column 23): entry 'blog' of 'replaces' is not of the form app.migration_name"
								+ " (for example shop.0001_initial)" + FIX),
				broken("atomic not a boolean", "dependencies: []\noperations: []\natomic: 1\n",
						" (line 3, column 9): 'atomic' must be true or false, got '1'" + FIX),
				broken("initial not a boolean", "initial: sure\ndependencies: []\noperations: []\n",
						" (line 1, column 10): 'initial' must be true or false, got 'sure'" + FIX),
				broken("operations not a list", "dependencies: []\noperations: {}\n",
						" (line 2, column 13): 'operations' must be a list, got a mapping" + FIX),
				broken("unknown operation", ops + "  - AddColumn:\n      model_name: x\n",
						" (line 3, column 5): unknown operation 'AddColumn' (operation 1); expected one of " + OPERATIONS
								+ FIX),
				broken("operation as a plain name", ops + "  - DeleteModel\n",
						" (line 3, column 5): operation 1 must be a mapping with a single key, the operation name (one"
								+ " of " + OPERATIONS + "), got 'DeleteModel'" + FIX),
				broken("two operations in one item",
						ops + "  - DeleteModel:\n      name: Post\n    RemoveField:\n      model_name: post\n      name: x\n",
						" (line 3, column 5): operation 1 has 2 keys ('DeleteModel', 'RemoveField') but must name a"
								+ " single operation. Start each operation with its own '- ' list item."
								+ " Fix the file or regenerate it with makemigrations."),
				broken("operation arguments not a mapping", ops + "  - DeleteModel: Post\n",
						" (line 3, column 18): operation 1 (DeleteModel) must be a mapping, got 'Post'" + FIX),
				broken("missing operation argument", ops + "  - CreateModel:\n      name: Post\n",
						" (line 4, column 7): operation 1 (CreateModel) has no 'fields' key" + FIX),
				broken("unknown operation argument", ops + "  - DeleteModel:\n      name: Post\n      cascade: true\n",
						" (line 5, column 7): unknown key 'cascade' in operation 1 (DeleteModel); expected one of 'name'" + FIX),
				broken("null model name", ops + "  - CreateModel:\n      name: ~\n      fields: {}\n",
						" (line 4, column 13): 'name' of operation 1 (CreateModel) must be a string, got null" + FIX),
				broken("empty model name", ops + "  - DeleteModel:\n      name: ''\n",
						" (line 4, column 13): 'name' of operation 1 (DeleteModel) must not be empty" + FIX),
				broken("preserve_default not a boolean",
						ops + "  - AddField:\n      model_name: post\n      name: x\n      field: {type: IntegerField}\n"
								+ "      preserve_default: no way\n",
						" (line 7, column 25): 'preserve_default' of operation 1 (AddField) must be true or false, got"
								+ " 'no way'" + FIX),
				broken("fields not a mapping", ops + "  - CreateModel:\n      name: Post\n      fields: [id]\n",
						" (line 5, column 15): 'fields' of operation 1 (CreateModel) must be a mapping of field name"
								+ " to field, got a list" + FIX),
				broken("field not a mapping", field + "CharField\n",
						" (line 6, column 16): field 'title' of operation 1 (CreateModel) must be a mapping such as {type: CharField, max_length:"
								+ " 100}, got 'CharField'" + FIX),
				broken("max_length not an integer", field + "{type: CharField, max_length: abc}\n",
						" (line 6, column 46): 'max_length' of field 'title' of operation 1 (CreateModel) must be an integer, got 'abc'" + FIX),
				broken("max_length quoted", field + "{type: CharField, max_length: '10'}\n",
						" (line 6, column 46): 'max_length' of field 'title' of operation 1 (CreateModel) must be an integer, got '10'" + FIX),
				broken("max_length too large", field + "{type: CharField, max_length: 99999999999}\n",
						" (line 6, column 46): 'max_length' of field 'title' of operation 1 (CreateModel) must be a decimal integer between"
								+ " -2147483648 and 2147483647, got '99999999999'" + FIX),
				broken("max_length missing", field + "{type: CharField}\n",
						" (line 6, column 16): field 'title' of operation 1 (CreateModel) has no 'max_length' key" + FIX),
				broken("max_length zero", field + "{type: CharField, max_length: 0}\n",
						" (line 6, column 46): 'max_length' of field 'title' of operation 1 (CreateModel) must be positive,"
								+ " got 0" + FIX),
				broken("decimal places above digits", field + "{type: DecimalField, max_digits: 2, decimal_places: 5}\n",
						" (line 6, column 16): field 'title' of operation 1 (CreateModel) is invalid: DecimalField needs max_digits > 0 and 0 <="
								+ " decimal_places <= max_digits, got 2, 5" + FIX),
				broken("unknown field type", field + "{type: VarChar, max_length: 10}\n",
						" (line 6, column 23): unknown field type 'VarChar' for field 'title' of operation 1 (CreateModel); expected one of "
								+ FIELD_TYPES + FIX),
				broken("field without type", field + "{max_length: 10}\n",
						" (line 6, column 16): field 'title' of operation 1 (CreateModel) has no 'type' key; expected one of "
								+ FIELD_TYPES + FIX),
				broken("parameter of another type", field + "{type: TextField, max_length: 10}\n",
						" (line 6, column 34): unknown key 'max_length' in field 'title' of operation 1 (CreateModel); expected one of"
								+ " 'type', 'primary_key', 'null', 'default', 'db_default', 'unique', 'db_index', 'db_column',"
								+ " 'db_comment', 'choices'" + FIX),
				broken("null not a boolean", field + "{type: TextField, null: maybe}\n",
						" (line 6, column 40): 'null' of field 'title' of operation 1 (CreateModel) must be true or false, got 'maybe'" + FIX),
				broken("default not a scalar", field + "{type: IntegerField, default: [1, 2]}\n",
						" (line 6, column 46): 'default' of field 'title' of operation 1 (CreateModel) must be a single value, got a list" + FIX),
				broken("foreign key target without app", field + "{type: ForeignKey, to: user, on_delete: CASCADE}\n",
						" (line 6, column 39): 'to' of field 'title' of operation 1 (CreateModel) must name a model as app.modelname, got 'user'"
								+ FIX),
				broken("unknown on_delete", field + "{type: ForeignKey, to: auth.user, on_delete: EXPLODE}\n",
						" (line 6, column 61): 'on_delete' of field 'title' of operation 1 (CreateModel) must be one of CASCADE, PROTECT,"
								+ " RESTRICT, SET_NULL, SET_DEFAULT, DO_NOTHING, DB_CASCADE, DB_SET_NULL, DB_SET_DEFAULT, got 'EXPLODE'" + FIX),
				broken("duplicate field", field + "{type: TextField}\n        title: {type: TextField}\n",
						" (line 7, column 9): duplicate field 'title' in operation 1 (CreateModel)" + FIX),
				broken("duplicate field option", field + "{type: TextField, null: true, null: false}\n",
						" (line 6, column 46): duplicate key 'null' in field 'title' of operation 1 (CreateModel)" + FIX),
				broken("AlterModelTable without table", ops + "  - AlterModelTable:\n      name: Post\n",
						" (line 4, column 7): operation 1 (AlterModelTable) has no 'table' key" + FIX),
				broken("RunSql sql not a list of strings", ops + "  - RunSql:\n      sql: {a: b}\n",
						" (line 4, column 12): 'sql' of operation 1 (RunSql) must be a list, got a mapping" + FIX),
				broken("RunJava without code", ops + "  - RunJava:\n      reverse_code: x.Y\n",
						" (line 4, column 7): operation 1 (RunJava) has no 'code' key" + FIX),
				broken("index without fields", ops + "  - AddIndex:\n      model_name: post\n      index: {name: i}\n",
						" (line 5, column 14): 'index' of operation 1 (AddIndex) has no 'fields' key" + FIX),
				broken("index with an empty field list",
						ops + "  - AddIndex:\n      model_name: post\n      index: {name: i, fields: []}\n",
						" (line 5, column 32): 'fields' of 'index' of operation 1 (AddIndex) must name at least one"
								+ " field" + FIX),
				broken("constraint without type",
						ops + "  - AddConstraint:\n      model_name: post\n      constraint: {name: c}\n",
						" (line 5, column 19): 'constraint' of operation 1 (AddConstraint) has no 'type' key; expected"
								+ " one of UniqueConstraint, CheckConstraint" + FIX),
				broken("check constraint with fields",
						ops + "  - AddConstraint:\n      model_name: post\n      constraint: {type: CheckConstraint,"
								+ " name: c, condition: 'a > 0', fields: [a]}\n",
						" (line 5, column 72): unknown key 'fields' in 'constraint' of operation 1 (AddConstraint);"
								+ " expected one of 'type', 'name', 'condition'" + FIX),
				broken("unknown model option",
						ops + "  - AlterModelOptions:\n      name: Post\n      options: {managed: false}\n",
						" (line 5, column 17): unknown key 'managed' in 'options' of operation 1 (AlterModelOptions);"
								+ " expected one of 'ordering', 'verbose_name', 'verbose_name_plural'" + FIX),
				broken("choices not a list", field + "{type: CharField, max_length: 5, choices: A}\n",
						" (line 6, column 58): 'choices' of field 'title' of operation 1 (CreateModel) must be a list,"
								+ " got 'A'" + FIX),
				broken("nested operation with an unknown key",
						ops + "  - SeparateDatabaseAndState:\n      state_operations:\n        - DeleteModel:\n"
								+ "            name: Post\n            cascade: true\n",
						" (line 7, column 13): unknown key 'cascade' in state operation 1 (DeleteModel) of operation 1"
								+ " (SeparateDatabaseAndState); expected one of 'name'" + FIX),
				broken("nested unknown operation",
						ops + "  - DeleteModel:\n      name: Post\n  - SeparateDatabaseAndState:\n"
								+ "      database_operations:\n        - DropTable: {}\n",
						" (line 7, column 11): unknown operation 'DropTable' (database operation 1 of operation 2"
								+ " (SeparateDatabaseAndState)); expected one of " + OPERATIONS + FIX),
				broken("too many aliases", "dependencies: &d []\noperations: []\nx: [" + "*d, ".repeat(20) + "*d]\n",
						" is not valid YAML: Number of aliases for non-scalar nodes exceeds the specified max=10"
								+ FIX));
	}

	private static Arguments broken(String description, String content, String message) {
		return Arguments.of(description, content, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unknownEntries")
	void unknownEntryIsATypedErrorNamingTheFileTheOperationTheNameAndTheChoices(String description, String content,
			int operation, String unknown, List<String> choices) {
		assertThatExceptionOfType(UnknownEntryException.class).isThrownBy(() -> parse(content))
			.satisfies((ex) -> {
				assertThat(ex.file()).isEqualTo(FILE);
				assertThat(ex.operationIndex()).isEqualTo(operation);
				assertThat(ex.unknown()).isEqualTo(unknown);
				assertThat(ex.choices()).isEqualTo(choices);
				assertThat(ex.getMessage()).startsWith("Migration file " + FILE).contains("'" + unknown + "'");
				assertThat(ex.getMessage()).contains(choices);
			});
	}

	static Stream<Arguments> unknownEntries() {
		String ops = "dependencies: []\noperations:\n  - DeleteModel:\n      name: A\n";
		return Stream.of(
				Arguments.of("top-level key", "dependencies: []\noperations: []\nrun_before: []\n", 0, "run_before",
						List.of("dependencies", "operations", "replaces", "initial", "atomic", "acknowledged")),
				Arguments.of("acknowledged rule", "dependencies: []\nacknowledged: [dropping-colum]\noperations: []\n", 0,
						"dropping-colum", io.github.migrations.lint.Rule.codes()),
				Arguments.of("operation", ops + "  - AlterUniqueTogether: {name: A}\n", 2, "AlterUniqueTogether",
						OperationParser.OPERATIONS),
				Arguments.of("operation argument", ops + "  - RemoveIndex: {model_name: a, name: i, fields: [x]}\n", 2,
						"fields", List.of("model_name", "name")),
				Arguments.of("field type",
						ops + "  - AddField: {model_name: a, name: b, field: {type: ArrayField}}\n", 2, "ArrayField",
						List.copyOf(ValueParser.FIELD_TYPES.keySet())),
				Arguments.of("field option",
						ops + "  - AddField: {model_name: a, name: b, field: {type: TextField, blank: true}}\n", 2,
						"blank",
						List.of("type", "primary_key", "null", "default", "db_default", "unique", "db_index", "db_column",
								"db_comment", "choices")),
				Arguments.of("index key",
						ops + "  - AddIndex: {model_name: a, index: {name: i, fields: [b], opclasses: [x]}}\n", 2,
						"opclasses", List.of("name", "fields", "condition")),
				Arguments.of("constraint type",
						ops + "  - AddConstraint: {model_name: a, constraint: {type: ExclusionConstraint, name: c}}\n",
						2, "ExclusionConstraint", List.of("UniqueConstraint", "CheckConstraint")),
				Arguments.of("nested operation", ops + ops.substring(ops.indexOf("  - "))
						+ "  - SeparateDatabaseAndState:\n      state_operations:\n        - AddColumn: {}\n", 3,
						"AddColumn", OperationParser.OPERATIONS));
	}

	@Test
	void knowsEveryOperationAndFieldTypeOfTheEngine() {
		assertThat(OperationParser.OPERATIONS).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(Operation.class.getPermittedSubclasses())
					.flatMap((type) -> type.isSealed() ? Arrays.stream(type.getPermittedSubclasses()) : Stream.of(type))
					.map(Class::getSimpleName)
					.toList());
		assertThat(ValueParser.FIELD_TYPES.keySet()).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(FieldType.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
		assertThat(List.copyOf(ValueParser.FIELD_TYPES.keySet())).isSorted();
	}

	@Test
	void readsASingleSqlStatementWrittenAsAString() {
		Migration migration = parse("""
				dependencies: []
				operations:
				  - RunSql:
				      sql: UPDATE blog_post SET title = 'x'
				      reverse_sql: |-
				        UPDATE blog_post
				        SET title = 'y'
				""");
		assertThat(migration.operations()).containsExactly(new RunSql(List.of("UPDATE blog_post SET title = 'x'"),
				List.of("UPDATE blog_post\nSET title = 'y'")));
	}

	@Test
	void crlfCopyOfAFileWithEveryOperationParsesToTheSameMigrationAndChecksum() throws Exception {
		String lf = Files.readString(Path.of("src/test/resources/fixtures/vocabulary/library/0001_initial.yaml"),
				StandardCharsets.UTF_8);
		String crlf = lf.replace("\n", "\r\n");
		String trailing = lf.replace("\n", "   \n");
		Migration fromLf = parse(lf);
		for (String copy : List.of(crlf, trailing)) {
			Migration other = parse(copy);
			assertThat(other.operations()).isEqualTo(fromLf.operations());
			assertThat(other.checksum()).isEqualTo(fromLf.checksum()).isEqualTo(Checksums.sha256(lf));
		}
		assertThat(Checksums.sha256(crlf)).isNotEqualTo(Checksums.sha256(lf.replace("copies >= 0", "copies > 0")));
	}

	@Test
	void hugeFileIsRejectedWithoutReadingItAll() {
		String content = "dependencies: []\noperations: []\n# " + "x".repeat(6 * 1024 * 1024) + "\n";
		assertThatExceptionOfType(BadMigrationException.class).isThrownBy(() -> parse(content))
			.withMessage("Migration file " + FILE + " is too large (" + content.length() + " characters, the limit is"
					+ " 5242880). Check that it is a migration file, or regenerate it with makemigrations.");
	}

	@Test
	void neverLetsARawExceptionEscapeForOddInput() {
		List<String> inputs = List.of("\u0000", "{", "[", ":", "? [a]\n: b\n", "dependencies: [[]]\noperations: []\n",
				"dependencies: []\noperations: [[]]\n", "dependencies: []\noperations: [{}]\n",
				"dependencies: []\noperations: [{? [a] : b}]\n", "dependencies: []\noperations: [{DeleteModel: {? [a] : b}}]\n",
				"&a [*a]", "dependencies: []\noperations: [~]\n");
		for (String input : inputs) {
			assertThatExceptionOfType(BadMigrationException.class).as(input)
				.isThrownBy(() -> parse(input))
				.withMessageStartingWith("Migration file " + FILE);
		}
	}

	private static Migration parse(String content) {
		return MigrationParser.parse(new MigrationResource("blog", "0002_x", FILE, content));
	}

}
