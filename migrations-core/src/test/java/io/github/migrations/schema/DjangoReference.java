package io.github.migrations.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RenameIndex;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;

import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.model;

/**
 * Two migrations whose SQL was taken from Django 5.2.17's {@code sqlmigrate} on PostgreSQL 15
 * and MariaDB 10.11 for the same models and operations: {@code 0001} creates a model with every
 * field type, database defaults, a comment, a one-to-one and a many-to-many field, indexes and
 * constraints; {@code 0002} renames, removes and adds indexes and constraints, adds and removes
 * many-to-many fields, alters defaults, comments and types, renames a model and a table.
 */
final class DjangoReference {

	private DjangoReference() {
	}

	/**
	 * Return the operations of {@code 0001_initial}.
	 * @param quote the identifier quote of the database, for the conditions written as SQL
	 * @return the operations
	 */
	static Operation[] initial(String quote) {
		ModelState author = model("shop", "Author", "name", field(new FieldType.CharField(100)));
		Map<String, FieldState> keyFields = new LinkedHashMap<>();
		keyFields.put("id", FieldState.of(new FieldType.SmallAutoField()));
		ModelState smallKey = new ModelState("shop", "SmallKey", keyFields, null);
		String small = quote + "small" + quote;
		ModelState everything = model("shop", "Everything", "slug", field(new FieldType.SlugField(50)).withDbIndex(true),
				"email", field(new FieldType.EmailField(254)), "url", field(new FieldType.URLField(200)), "small",
				field(new FieldType.SmallIntegerField()), "pos", field(new FieldType.PositiveIntegerField()), "possmall",
				field(new FieldType.PositiveSmallIntegerField()), "posbig", field(new FieldType.PositiveBigIntegerField()),
				"fl", field(new FieldType.FloatField()), "tm", field(new FieldType.TimeField()), "dur",
				field(new FieldType.DurationField()), "uid", field(new FieldType.UUIDField()), "bin",
				field(new FieldType.BinaryField(null)), "binlim", field(new FieldType.BinaryField(16)), "js",
				field(new FieldType.JSONField()), "dd",
				field(new FieldType.IntegerField()).withDbDefault("5").withDbComment("the count"), "ddtext",
				field(new FieldType.CharField(10)).withDbDefault("it's"), "ddnow",
				field(new FieldType.DateTimeField()).withDbDefault("now"), "one",
				field(new FieldType.OneToOneField("shop.author", OnDelete.CASCADE)), "tags",
				FieldState.of(new FieldType.ManyToManyField("shop.author", null)))
			.withIndexes(List.of(new IndexState("ev_slug_email", List.of("slug", "-email"), null),
					new IndexState("ev_small_pos", List.of("small"), small + " > 0")))
			.withConstraints(List.of(new ConstraintState.Unique("ev_slug_email_uniq", List.of("slug", "email"), null),
					new ConstraintState.Unique("ev_url_cond", List.of("url"), small + " > 0"),
					new ConstraintState.Check("ev_small_check", small + " >= 0")));
		return new Operation[] { CreateModel.of(author), CreateModel.of(smallKey), CreateModel.of(everything) };
	}

	/**
	 * Return the operations of {@code 0002_ops}.
	 * @param quote the identifier quote of the database, for the conditions written as SQL
	 * @return the operations
	 */
	static Operation[] ops(String quote) {
		String fl = quote + "fl" + quote;
		String small = quote + "small" + quote;
		return new Operation[] { new RenameIndex("Everything", "ev_se2", "ev_slug_email"),
				new RemoveIndex("Everything", "ev_small_pos"),
				new AddIndex("Everything", new IndexState("ev_fl_tm", List.of("fl", "tm"), null)),
				new RemoveConstraint("Everything", "ev_small_check"),
				new AddConstraint("Everything",
						new ConstraintState.Check("ev_fl_check", "(" + fl + " >= 0.0 AND " + small + " < 100)")),
				new RemoveConstraint("Everything", "ev_url_cond"),
				new AddConstraint("Everything", new ConstraintState.Unique("ev_url_uid", List.of("url", "uid"), null)),
				new AddField("Everything", "more", FieldState.of(new FieldType.ManyToManyField("shop.smallkey", null)),
						true),
				new RemoveField("Everything", "tags"),
				new AlterField("Everything", "dd",
						field(new FieldType.IntegerField()).withDbDefault("6").withDbComment("another"), true),
				new AlterField("Everything", "small", field(new FieldType.PositiveSmallIntegerField()), true),
				new AddField("Everything", "note",
						field(new FieldType.CharField(5)).withDbDefault("x").withDbComment("a note"), true),
				new RenameModel("Author", "Writer"), new AlterModelTable("Everything", "evt") };
	}

	/**
	 * Return the SQL of {@code 0001_initial} on MariaDB and MySQL, which differ only in the UUID
	 * column type (Django 5.2.17's {@code sqlmigrate} on MariaDB 10.11, with the differences on
	 * purpose that {@code MariaDbSchemaEditorTests} lists).
	 * @param uuidType {@code uuid} (MariaDB 10.7+) or {@code char(32)} (MySQL)
	 * @return the statements
	 */
	static List<String> mySqlFamilyInitialSql(String uuidType) {
		return List.of(
				"CREATE TABLE `shop_author` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `name` varchar(100) NOT NULL)",
				"CREATE TABLE `shop_smallkey` (`id` smallint AUTO_INCREMENT NOT NULL PRIMARY KEY)",
				"CREATE TABLE `shop_everything` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `slug` varchar(50) NOT NULL,"
						+ " `email` varchar(254) NOT NULL, `url` varchar(200) NOT NULL, `small` smallint NOT NULL,"
						+ " `pos` integer UNSIGNED NOT NULL CHECK (`pos` >= 0),"
						+ " `possmall` smallint UNSIGNED NOT NULL CHECK (`possmall` >= 0),"
						+ " `posbig` bigint UNSIGNED NOT NULL CHECK (`posbig` >= 0), `fl` double precision NOT NULL,"
						+ " `tm` time(6) NOT NULL, `dur` bigint NOT NULL, `uid` " + uuidType + " NOT NULL, `bin` longblob NOT NULL,"
						+ " `binlim` longblob NOT NULL, `js` json NOT NULL, `dd` integer COMMENT 'the count' DEFAULT 5 NOT NULL,"
						+ " `ddtext` varchar(10) DEFAULT 'it''s' NOT NULL, `ddnow` datetime(6) DEFAULT (CURRENT_TIMESTAMP(6)) NOT NULL,"
						+ " `one_id` bigint NOT NULL UNIQUE, CONSTRAINT `ev_slug_email_uniq` UNIQUE (`slug`, `email`),"
						+ " CONSTRAINT `ev_small_check` CHECK (`small` >= 0))",
				"CREATE TABLE `shop_everything_tags` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY,"
						+ " `everything_id` bigint NOT NULL, `author_id` bigint NOT NULL,"
						+ " CONSTRAINT `shop_everything_tags_everything_id_author_id_4286f920_uniq` UNIQUE (`everything_id`, `author_id`))",
				"ALTER TABLE `shop_everything` ADD CONSTRAINT `shop_everything_one_id_66d08353_fk_shop_author_id`"
						+ " FOREIGN KEY (`one_id`) REFERENCES `shop_author` (`id`)",
				"CREATE INDEX `shop_everything_slug_1b19735e` ON `shop_everything` (`slug`)",
				"CREATE INDEX `ev_slug_email` ON `shop_everything` (`slug`, `email` DESC)",
				"CREATE INDEX `ev_small_pos` ON `shop_everything` (`small`)",
				"ALTER TABLE `shop_everything_tags` ADD CONSTRAINT `shop_everything_tags_everything_id_8b631912_fk_shop_ever`"
						+ " FOREIGN KEY (`everything_id`) REFERENCES `shop_everything` (`id`)",
				"ALTER TABLE `shop_everything_tags` ADD CONSTRAINT `shop_everything_tags_author_id_ab77c3c1_fk_shop_author_id`"
						+ " FOREIGN KEY (`author_id`) REFERENCES `shop_author` (`id`)");
	}

	/**
	 * Return the SQL of the operations after {@code 0001_initial} on MariaDB and MySQL, which differ
	 * in how a check is dropped and in how {@code small} becomes a positive integer (MariaDB
	 * restates the column check in the {@code MODIFY}, MySQL adds it by name after).
	 * @param dropCheck {@code DROP CONSTRAINT IF EXISTS} (MariaDB) or {@code DROP CHECK} (MySQL)
	 * @param smallBecomesPositive the statements that make {@code small} a positive integer
	 * @return the statements
	 */
	static List<String> mySqlFamilyOpsSql(String dropCheck, String... smallBecomesPositive) {
		List<String> sql = new java.util.ArrayList<>(List.of(
				"ALTER TABLE `shop_everything` RENAME INDEX `ev_slug_email` TO `ev_se2`",
				"DROP INDEX `ev_small_pos` ON `shop_everything`",
				"CREATE INDEX `ev_fl_tm` ON `shop_everything` (`fl`, `tm`)",
				"ALTER TABLE `shop_everything` " + dropCheck + " `ev_small_check`",
				"ALTER TABLE `shop_everything` ADD CONSTRAINT `ev_fl_check` CHECK ((`fl` >= 0.0 AND `small` < 100))",
				"ALTER TABLE `shop_everything` ADD CONSTRAINT `ev_url_uid` UNIQUE (`url`, `uid`)",
				"CREATE TABLE `shop_everything_more` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY,"
						+ " `everything_id` bigint NOT NULL, `smallkey_id` smallint NOT NULL,"
						+ " CONSTRAINT `shop_everything_more_everything_id_smallkey_id_2d0c073a_uniq` UNIQUE (`everything_id`, `smallkey_id`))",
				"DROP TABLE `shop_everything_tags` CASCADE",
				"ALTER TABLE `shop_everything` MODIFY `dd` integer COMMENT 'another' DEFAULT 6 NOT NULL"));
		sql.addAll(List.of(smallBecomesPositive));
		sql.addAll(List.of("ALTER TABLE `shop_everything` ADD COLUMN `note` varchar(5) COMMENT 'a note' DEFAULT 'x' NOT NULL",
				"RENAME TABLE `shop_author` TO `shop_writer`", "RENAME TABLE `shop_everything` TO `evt`",
				"RENAME TABLE `shop_everything_more` TO `evt_more`",
				"ALTER TABLE `evt_more` ADD CONSTRAINT `evt_more_everything_id_0ee958c9_fk_evt_id` FOREIGN KEY"
						+ " (`everything_id`) REFERENCES `evt` (`id`)",
				"ALTER TABLE `evt_more` ADD CONSTRAINT `evt_more_smallkey_id_97346a0c_fk_shop_smallkey_id` FOREIGN KEY"
						+ " (`smallkey_id`) REFERENCES `shop_smallkey` (`id`)"));
		return sql;
	}

}
