package io.github.migrations.schema;

import java.sql.Connection;
import java.util.List;

import io.github.migrations.MigrationException;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.model;
import static io.github.migrations.schema.SchemaTestModels.nullable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The exact SQL of {@link MySqlSchemaEditor} for each operation, without a server: the editor
 * collects statements on a connection that only reports "MySQL 8.4.3" and an empty database (so
 * names it would read from the database are Django's). Each expectation is what Django 5.2.17's
 * MySQL backend writes ({@code mysql/schema.py} and {@code base/schema.py} with
 * {@code mysql_is_mariadb} false), except where a comment says otherwise; the same operations
 * run for real in {@link MySqlSchemaEditorTests} where a MySQL server is available.
 */
class MySqlSchemaEditorSqlTests implements SchemaEditorContract {

	private final Connection connection = MetadataOnlyConnection.of("MySQL", "8.4.3");

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Test
	void referenceMigrationsWriteDjangosSql() {
		// As on MariaDB (MariaDbSchemaEditorTests), on purpose: quotes doubled, not backslash-escaped;
		// nullable columns say NULL (Django's implied_column_null leaves it out); an altered column is
		// restated once with its new default and comment, where Django restates it with the old
		// default and then runs ALTER COLUMN … SET DEFAULT. MySQL's own: char(32) UUIDs, DROP CHECK,
		// and a MODIFY that leaves the column check alone, with the new check added by name after.
		assertThat(sqlForwards(ProjectState.empty(), DjangoReference.initial("`")))
			.containsExactlyElementsOf(DjangoReference.mySqlFamilyInitialSql("char(32)"));
		ProjectState afterInitial = state(ProjectState.empty(), DjangoReference.initial("`"));
		assertThat(sqlForwards(afterInitial, DjangoReference.ops("`"))).containsExactlyElementsOf(
				DjangoReference.mySqlFamilyOpsSql("DROP CHECK",
						"ALTER TABLE `shop_everything` MODIFY `small` smallint UNSIGNED NOT NULL",
						"ALTER TABLE `shop_everything` ADD CONSTRAINT `shop_everything_small_d1e0ce0d_check` CHECK (`small` >= 0)"));
	}

	@Test
	void foreignKeysGetNoIndexOfTheirOwnWhateverDbIndexSays() {
		// as MariaDB (MariaDbSchemaEditorTests#foreignKeyIndexesAreDjangos), and Django's
		// _field_should_be_indexed for an InnoDB table; Django's AlterField of db_index runs
		// statements here that its CreateModel does not (see there)
		List<String> sql = sqlForwards(ProjectState.empty(), DjangoForeignKeyIndexReference.initial());
		assertThat(sql.subList(2, sql.size()))
			.containsExactlyElementsOf(DjangoForeignKeyIndexReference.initialBookSql(Vendor.MARIADB));
		ProjectState before = state(ProjectState.empty(), DjangoForeignKeyIndexReference.initial());
		assertThat(sqlForwards(before, DjangoForeignKeyIndexReference.toggled())).isEmpty();
	}

	@Test
	void relationWithoutConstraintGetsDjangosIndexAndADatabaseLevelRuleItsOnDelete() {
		// Django's _field_should_be_indexed creates the index of a ForeignKey with db_constraint=False
		// on InnoDB, having no constraint to index the column
		assertThat(looseBookSql(OnDelete.DB_CASCADE)).containsExactly(
				"CREATE TABLE `shop_book` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `author_id` bigint NOT NULL,"
						+ " `editor_id` bigint NOT NULL)",
				"ALTER TABLE `shop_book` ADD CONSTRAINT `shop_book_editor_id_71eff3c6_fk_shop_author_id` FOREIGN KEY"
						+ " (`editor_id`) REFERENCES `shop_author` (`id`) ON DELETE CASCADE",
				"CREATE INDEX `shop_book_author_id_82b8ab51` ON `shop_book` (`author_id`)");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> sqlForwards(ProjectState.empty(), SchemaTestModels.looseAuthorAndEditor(OnDelete.DB_SET_DEFAULT)))
			.withMessage("MySQL cannot keep ON DELETE SET DEFAULT (InnoDB creates the foreign key without it): use"
					+ " on_delete DB_SET_NULL or DB_CASCADE, or the application's SET_DEFAULT");
	}

	@Test
	void createModelWritesColumnChecksAndNoIndexForTheForeignKey() {
		assertThat(sqlForwards(ProjectState.empty(), books())).containsExactly(
				"CREATE TABLE `shop_author` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `name` varchar(100) NOT NULL)",
				"CREATE TABLE `shop_book` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `title` varchar(200) NOT NULL,"
						+ " `author_id` bigint NOT NULL, `pages` integer UNSIGNED NOT NULL CHECK (`pages` >= 0),"
						+ " `blurb` longtext NULL, `rank` integer DEFAULT 3 NULL)",
				"ALTER TABLE `shop_book` ADD CONSTRAINT `shop_book_author_id_82b8ab51_fk_shop_author_id`"
						+ " FOREIGN KEY (`author_id`) REFERENCES `shop_author` (`id`)");
		assertThat(sqlBackwards(ProjectState.empty(), books())).containsExactly("DROP TABLE `shop_book` CASCADE",
				"DROP TABLE `shop_author` CASCADE");
	}

	@Test
	void uuidDefaultsAreHexadecimalWithoutDashes() {
		assertThat(sqlForwards(booksState(), new AddField("Book", "code",
				field(new FieldType.UUIDField()).withDefault("0f8fad5b-d9cb-469f-a165-70867728950e"), false)))
			.containsExactly(
					"ALTER TABLE `shop_book` ADD COLUMN `code` char(32) DEFAULT '0f8fad5bd9cb469fa16570867728950e' NOT NULL",
					"ALTER TABLE `shop_book` ALTER COLUMN `code` DROP DEFAULT");
	}

	@Test
	void textAndJsonDefaultsAreExpressionsInParentheses() {
		assertThat(sqlForwards(booksState(),
				new AddField("Book", "body", field(new FieldType.TextField()).withDbDefault("it's"), true)))
			.containsExactly("ALTER TABLE `shop_book` ADD COLUMN `body` longtext DEFAULT ('it''s') NOT NULL");
		assertThat(sqlForwards(booksState(),
				new AddField("Book", "meta", field(new FieldType.JSONField()).withDbDefault("{}"), true)))
			.containsExactly("ALTER TABLE `shop_book` ADD COLUMN `meta` json DEFAULT ('{}') NOT NULL");
	}

	@Test
	void databaseDefaultOfATextColumnChangesByModify() {
		// Django writes ALTER COLUMN … SET DEFAULT ('tbd'), which MySQL takes for text columns only
		// from 8.0.23; a MODIFY restating the column works on every 8.0
		AlterField tbd = new AlterField("Book", "blurb", nullable(new FieldType.TextField()).withDbDefault("tbd"), true);
		assertThat(sqlForwards(booksState(), tbd))
			.containsExactly("ALTER TABLE `shop_book` MODIFY `blurb` longtext DEFAULT ('tbd') NULL");
		assertThat(sqlBackwards(booksState(), tbd)).containsExactly("ALTER TABLE `shop_book` MODIFY `blurb` longtext NULL");
	}

	@Test
	void oneOffDefaultsFillRowsAndLeaveNoDefault() {
		assertThat(sqlForwards(booksState(),
				new AddField("Book", "stock", field(new FieldType.IntegerField()).withDefault("7"), false)))
			.containsExactly("ALTER TABLE `shop_book` ADD COLUMN `stock` integer DEFAULT 7 NOT NULL",
					"ALTER TABLE `shop_book` ALTER COLUMN `stock` DROP DEFAULT");
		// A text, blob or JSON column is added without its one-off default and filled by an UPDATE,
		// as Django 5.2 does for MySQL before 8.0.13 (skip_default). Django 5.2 on 8.0.13+ differs:
		// a nullable text column is added without the default (existing rows stay NULL), a NOT NULL
		// one with DEFAULT ('x') that stays in the table. No index for db_index on a text column,
		// as Django (MySQL indexes no whole longtext).
		assertThat(sqlForwards(booksState(),
				new AddField("Book", "notes", nullable(new FieldType.TextField()).withDefault("n/a"), false)))
			.containsExactly("ALTER TABLE `shop_book` ADD COLUMN `notes` longtext NULL",
					"UPDATE `shop_book` SET `notes` = 'n/a'");
		assertThat(sqlForwards(booksState(), new AddField("Book", "summary",
				field(new FieldType.TextField()).withDbIndex(true).withDefault("x"), false)))
			.containsExactly("ALTER TABLE `shop_book` ADD COLUMN `summary` longtext NOT NULL",
					"UPDATE `shop_book` SET `summary` = 'x'");
		assertThat(sqlForwards(booksState(),
				new AddField("Book", "flag", nullable(new FieldType.BooleanField()).withDefault("true"), false)))
			.containsExactly("ALTER TABLE `shop_book` ADD COLUMN `flag` bool DEFAULT true NULL",
					"ALTER TABLE `shop_book` ALTER COLUMN `flag` SET DEFAULT NULL");
	}

	@Test
	void textColumnBecomingNotNullIsFilledByAnUpdateWithoutATemporaryDefault() {
		assertThat(sqlForwards(booksState(),
				new AlterField("Book", "blurb", field(new FieldType.TextField()).withDefault("none"), false)))
			.containsExactly("UPDATE `shop_book` SET `blurb` = 'none' WHERE `blurb` IS NULL",
					"ALTER TABLE `shop_book` MODIFY `blurb` longtext NOT NULL");
		assertThat(sqlForwards(booksState(),
				new AlterField("Book", "title", nullable(new FieldType.CharField(200)), false),
				new AlterField("Book", "title", field(new FieldType.CharField(200)).withDefault("untitled"), false)))
			.containsExactly("ALTER TABLE `shop_book` MODIFY `title` varchar(200) NULL",
					"ALTER TABLE `shop_book` ALTER COLUMN `title` SET DEFAULT 'untitled'",
					"UPDATE `shop_book` SET `title` = 'untitled' WHERE `title` IS NULL",
					"ALTER TABLE `shop_book` MODIFY `title` varchar(200) NOT NULL",
					"ALTER TABLE `shop_book` ALTER COLUMN `title` DROP DEFAULT");
	}

	@Test
	void removingTheDatabaseDefaultOfANullableColumnDropsIt() {
		// Django's _alter_column_database_default_sql(drop=True): sql_alter_column_no_default, even
		// for a nullable column (SET DEFAULT NULL is only for the one-off default of AddField)
		assertThat(sqlForwards(booksState(), new AlterField("Book", "rank", nullable(new FieldType.IntegerField()), true)))
			.containsExactly("ALTER TABLE `shop_book` ALTER COLUMN `rank` DROP DEFAULT");
		assertThat(sqlBackwards(booksState(), new AlterField("Book", "rank", nullable(new FieldType.IntegerField()), true)))
			.containsExactly("ALTER TABLE `shop_book` ALTER COLUMN `rank` SET DEFAULT 3");
	}

	@Test
	void renamingAColumnWithACheckDropsTheCheckFirstAndAddsItAfter() {
		List<String> forwards = sqlForwards(booksState(), new RenameField("Book", "pages", "page_count"));
		assertThat(forwards).containsExactly("ALTER TABLE `shop_book` DROP CHECK `shop_book_pages_d177e4d8_check`",
				"ALTER TABLE `shop_book` RENAME COLUMN `pages` TO `page_count`",
				"ALTER TABLE `shop_book` ADD CONSTRAINT `shop_book_page_count_05c69dfb_check` CHECK (`page_count` >= 0)");
		assertThat(sqlBackwards(booksState(), new RenameField("Book", "pages", "page_count"))).containsExactly(
				"ALTER TABLE `shop_book` DROP CHECK `shop_book_page_count_05c69dfb_check`",
				"ALTER TABLE `shop_book` RENAME COLUMN `page_count` TO `pages`",
				"ALTER TABLE `shop_book` ADD CONSTRAINT `shop_book_pages_d177e4d8_check` CHECK (`pages` >= 0)");
		assertThat(sqlForwards(booksState(), new RenameField("Book", "title", "name")))
			.containsExactly("ALTER TABLE `shop_book` RENAME COLUMN `title` TO `name`");
	}

	@Test
	void commentsAreRestatedByModify() {
		// Django writes COMMENT after NOT NULL in a MODIFY; MySQL accepts either order
		assertThat(sqlForwards(booksState(),
				new AlterField("Book", "title", field(new FieldType.CharField(200)).withDbComment("shown"), true)))
			.containsExactly("ALTER TABLE `shop_book` MODIFY `title` varchar(200) COMMENT 'shown' NOT NULL");
	}

	@Test
	void removeFieldDropsTheForeignKeyByNameAndLeavesTheCheckToMySql() {
		assertThat(sqlForwards(booksState(), new RemoveField("Book", "author"))).containsExactly(
				"ALTER TABLE `shop_book` DROP FOREIGN KEY `shop_book_author_id_82b8ab51_fk_shop_author_id`",
				"ALTER TABLE `shop_book` DROP COLUMN `author_id`");
		assertThat(sqlForwards(booksState(), new RemoveField("Book", "pages")))
			.containsExactly("ALTER TABLE `shop_book` DROP COLUMN `pages`");
		assertThat(sqlBackwards(booksState(), new RemoveField("Book", "pages")))
			.containsExactly("ALTER TABLE `shop_book` ADD COLUMN `pages` integer UNSIGNED NOT NULL CHECK (`pages` >= 0)");
	}

	private static Operation[] books() {
		return new Operation[] { CreateModel.of(model("shop", "Author", "name", field(new FieldType.CharField(100)))),
				CreateModel.of(model("shop", "Book", "title", field(new FieldType.CharField(200)), "author",
						field(new FieldType.ForeignKey("shop.author", OnDelete.CASCADE)), "pages",
						field(new FieldType.PositiveIntegerField()), "blurb", nullable(new FieldType.TextField()), "rank",
						nullable(new FieldType.IntegerField()).withDbDefault("3"))) };
	}

	private static ProjectState booksState() {
		return state(ProjectState.empty(), books());
	}

	private static ProjectState state(ProjectState start, Operation... operations) {
		ProjectState state = start;
		for (Operation operation : operations) {
			state = operation.stateForwards(APP, state);
		}
		return state;
	}

}
