package io.github.migrations.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.operation.RunSql;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.migrations.lint.LintFixtures.BIG_AUTO;
import static io.github.migrations.lint.LintFixtures.INTEGER;
import static io.github.migrations.lint.LintFixtures.chars;
import static io.github.migrations.lint.LintFixtures.decimal;
import static io.github.migrations.lint.LintFixtures.foreignKey;
import static io.github.migrations.lint.LintFixtures.lint;
import static io.github.migrations.lint.LintFixtures.migration;
import static io.github.migrations.lint.LintFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationLinter}: each rule on each database where it differs, against
 * {@link LintFixtures#shop() a shop already in production}.
 */
class MigrationLinterTests {

	private static final AddIndex NAME_INDEX = new AddIndex("product", new IndexState("product_name_idx", List.of("name"), null));

	// ---- adding-required-field -----------------------------------------------------------

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void addingANotNullColumnWithoutDatabaseDefaultToAnExistingTableIsFlaggedOnEveryDatabase(Vendor vendor) {
		List<Finding> findings = lint(vendor, new AddField("product", "sku", chars(20), true));
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(Rule.ADDING_REQUIRED_FIELD);
			assertThat(finding.code()).isEqualTo("adding-required-field");
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.migration()).isEqualTo(new MigrationKey("shop", "0002_change"));
			assertThat(finding.operation()).isEqualTo(1);
			assertThat(finding.operationDescription()).isEqualTo("Add field sku to product");
			assertThat(finding.message()).contains("shop_product.sku", "NOT NULL");
			assertThat(finding.safeWay()).contains("dbDefault");
			assertThat(finding.acknowledged()).isFalse();
			assertThat(finding.revert()).isFalse();
			assertThat(finding.blocking()).isTrue();
		});
	}

	@Test
	void aOneOffDefaultOnlyFillsTheExistingRowsSoTheColumnIsStillFlagged() {
		List<Finding> findings = lint(Vendor.H2, new AddField("product", "sku", chars(20).withDefault(""), false));
		assertThat(findings).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("only fills the rows that exist now"));
	}

	@Test
	void aNullableColumnOrOneWithADatabaseDefaultIsNotFlagged() {
		assertThat(lint(Vendor.POSTGRESQL, new AddField("product", "sku", chars(20).withNullable(true), true),
				new AddField("product", "stock", INTEGER.withDbDefault("0"), true)))
			.isEmpty();
	}

	@Test
	void aManyToManyFieldAddsNoColumnAndIsNotFlagged() {
		FieldState tags = FieldState.of(new FieldType.ManyToManyField("shop.category", null));
		assertThat(lint(Vendor.POSTGRESQL, new AddField("product", "tags", tags, true))).isEmpty();
	}

	// ---- new tables ------------------------------------------------------------------------

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void operationsOnAModelCreatedInTheSameMigrationAreNeverFlagged(Vendor vendor) {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", BIG_AUTO);
		fields.put("name", chars(50).withNullable(true));
		fields.put("size", INTEGER.withNullable(true));
		List<Finding> findings = lint(vendor, new CreateModel("Shelf", fields, null),
				new AddField("shelf", "code", chars(10).withUnique(true), true),
				new AddField("shelf", "product", foreignKey("shop.product"), true),
				new AlterField("shelf", "name", chars(10), true), new AlterField("shelf", "size", FieldState.of(new FieldType.BigIntegerField()), true),
				new AddIndex("shelf", new IndexState("shelf_name_idx", List.of("name"), null)),
				new AddConstraint("shelf", new ConstraintState.Check("shelf_size_check", "size > 0")),
				new RenameField("shelf", "name", "label"), new RemoveField("shelf", "label"),
				new RenameModel("Shelf", "Rack"), new AlterModelTable("rack", "racks"), new DeleteModel("Rack"));
		assertThat(findings).isEmpty();
	}

	@Test
	void aTableCreatedByAnEarlierMigrationOfTheSameRunIsNew() {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", BIG_AUTO);
		Migration first = migration("0002_shelf", new CreateModel("Shelf", fields, null));
		Migration second = migration("0003_shelf_code", new AddField("shelf", "code", chars(10), true),
				new AddField("product", "sku", chars(20), true));
		List<Finding> findings = new MigrationLinter(Vendor.POSTGRESQL).lint(List.of(first, second), shop());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.migration().name()).isEqualTo("0003_shelf_code");
			assertThat(finding.operation()).isEqualTo(2);
			assertThat(finding.message()).contains("shop_product.sku");
		});
	}

	// ---- adding-index-non-concurrently ---------------------------------------------------

	@Test
	void anIndexWithoutConcurrentlyIsFlaggedOnPostgreSql() {
		assertThat(lint(Vendor.POSTGRESQL, NAME_INDEX)).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(Rule.ADDING_INDEX_NON_CONCURRENTLY);
			assertThat(finding.message()).contains("shop_product (name)", "CONCURRENTLY");
			assertThat(finding.safeWay()).contains("CREATE INDEX CONCURRENTLY", "atomic: false");
		});
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "MARIADB", "MYSQL", "H2", "SQLITE" })
	void anIndexIsBuiltOnlineOrOnAnEmbeddedDatabaseElsewhereSoItIsNotFlagged(Vendor vendor) {
		assertThat(lint(vendor, NAME_INDEX)).isEmpty();
	}

	@Test
	void aNewIndexedOrForeignKeyColumnOnPostgreSqlBuildsAnIndexAndAForeignKey() {
		List<Finding> findings = lint(Vendor.POSTGRESQL,
				new AddField("product", "ean", chars(13).withNullable(true).withDbIndex(true), true),
				new AddField("product", "maker", foreignKey("shop.category").withNullable(true), true));
		assertThat(findings).extracting(Finding::operation, Finding::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "adding-index-non-concurrently"),
					org.assertj.core.groups.Tuple.tuple(2, "adding-index-non-concurrently"),
					org.assertj.core.groups.Tuple.tuple(2, "adding-foreign-key-constraint"));
		assertThat(findings.get(2).message()).contains("shop_product.maker_id -> shop_category", "NOT VALID");
	}

	@Test
	void anAlteredFieldThatGetsAnIndexOrBecomesUniqueIsFlaggedOnPostgreSql() {
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "name", chars(50).withDbIndex(true), true),
				new AlterField("product", "code", chars(100).withUnique(true), true)))
			.extracting(Finding::code)
			.containsExactly("adding-index-non-concurrently", "adding-unique-constraint");
	}

	// ---- adding-unique-constraint --------------------------------------------------------

	@Test
	void aUniqueConstraintOnPostgreSqlBuildsItsIndexUnderAnAccessExclusiveLock() {
		List<Finding> findings = lint(Vendor.POSTGRESQL,
				new AddConstraint("product", new ConstraintState.Unique("product_code_uniq", List.of("code"), null)),
				new AddConstraint("product",
						new ConstraintState.Unique("product_name_uniq", List.of("name"), "note IS NOT NULL")));
		assertThat(findings).extracting(Finding::code).containsOnly("adding-unique-constraint");
		assertThat(findings.get(0).message()).contains("ACCESS EXCLUSIVE", "shop_product (code)");
		assertThat(findings.get(0).safeWay()).contains("USING INDEX");
		assertThat(findings.get(1).message()).contains("partial unique index");
	}

	@Test
	void aUniqueConstraintIsBuiltOnlineOnMariaDb() {
		assertThat(lint(Vendor.MARIADB,
				new AddConstraint("product", new ConstraintState.Unique("product_code_uniq", List.of("code"), null)),
				new AlterField("product", "code", chars(100).withUnique(true), true)))
			.isEmpty();
	}

	// ---- adding-foreign-key-constraint ---------------------------------------------------

	@Test
	void aForeignKeyOnMariaDbCopiesTheTable() {
		assertThat(lint(Vendor.MARIADB, new AddField("product", "maker", foreignKey("shop.category").withNullable(true), true)))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo(Rule.ADDING_FOREIGN_KEY_CONSTRAINT);
				assertThat(finding.message()).contains("ALGORITHM=COPY");
				assertThat(finding.safeWay()).contains("foreign_key_checks = 0");
			});
	}

	@Test
	void aFieldThatBecomesAForeignKeyOrChangesTargetAddsAForeignKey() {
		assertThat(lint(Vendor.POSTGRESQL,
				new AlterField("product", "category", foreignKey("shop.product").withNullable(true), true)))
			.extracting(Finding::code)
			.containsExactly("adding-foreign-key-constraint");
		assertThat(lint(Vendor.MARIADB,
				new AlterField("product", "price", FieldState.of(new FieldType.ForeignKey("shop.category",
						io.github.migrations.state.OnDelete.CASCADE)), true)))
			.extracting(Finding::code)
			.contains("adding-foreign-key-constraint");
	}

	@Test
	void aDatabaseLevelOnDeleteOrARestoredConstraintAddsAForeignKeyAndAnApplicationRuleOrNoConstraintDoesNot() {
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "category",
				FieldState.of(new FieldType.ForeignKey("shop.category",
						io.github.migrations.state.OnDelete.DB_CASCADE)).withNullable(true), true)))
			.extracting(Finding::code)
			.containsExactly("adding-foreign-key-constraint");
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "category",
				FieldState.of(new FieldType.ForeignKey("shop.category",
						io.github.migrations.state.OnDelete.PROTECT)).withNullable(true), true)))
			.isEmpty();
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "category",
				FieldState.of(new FieldType.ForeignKey("shop.category",
						io.github.migrations.state.OnDelete.CASCADE, false)).withNullable(true), true)))
			.isEmpty();
		assertThat(lint(Vendor.POSTGRESQL, new AddField("product", "maker", FieldState.of(new FieldType.ForeignKey(
				"shop.category", io.github.migrations.state.OnDelete.CASCADE, false)).withNullable(true), true)))
			.extracting(Finding::code)
			.doesNotContain("adding-foreign-key-constraint");
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "SQLITE" })
	void aForeignKeyOnAnEmbeddedDatabaseIsNotFlagged(Vendor vendor) {
		assertThat(lint(vendor, new AddField("product", "maker", foreignKey("shop.category").withNullable(true), true)))
			.isEmpty();
	}

	// ---- adding-check-constraint ---------------------------------------------------------

	@Test
	void aCheckConstraintIsFlaggedOnPostgreSqlAndMariaDb() {
		AddConstraint check = new AddConstraint("product", new ConstraintState.Check("price_positive", "price >= 0"));
		assertThat(lint(Vendor.POSTGRESQL, check)).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(Rule.ADDING_CHECK_CONSTRAINT);
			assertThat(finding.message()).contains("(price >= 0) on shop_product", "NOT VALID");
			assertThat(finding.safeWay()).contains("makemigrations --safe", "AddConstraintNotValid", "ValidateConstraint");
		});
		assertThat(lint(Vendor.MARIADB, check)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("ALGORITHM=COPY"));
		assertThat(lint(Vendor.H2, check)).isEmpty();
	}

	@Test
	void aColumnThatBecomesPositiveGetsACheck() {
		AlterField positive = new AlterField("product", "price", FieldState.of(new FieldType.PositiveIntegerField()), true);
		assertThat(lint(Vendor.POSTGRESQL, positive)).extracting(Finding::code).containsExactly("adding-check-constraint");
		assertThat(lint(Vendor.MARIADB, positive)).extracting(Finding::code).containsExactly("adding-check-constraint");
		assertThat(lint(Vendor.H2, positive)).isEmpty();
	}

	// ---- setting-not-null ----------------------------------------------------------------

	@Test
	void settingNotNullScansUnderAnExclusiveLockOnPostgreSqlAndRebuildsOnlineOnMariaDb() {
		AlterField notNull = new AlterField("product", "note", chars(200), true);
		assertThat(lint(Vendor.POSTGRESQL, notNull)).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(Rule.SETTING_NOT_NULL);
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.message()).contains("shop_product.note", "ACCESS EXCLUSIVE");
			assertThat(finding.safeWay()).contains("CHECK (note IS NOT NULL) NOT VALID");
		});
		assertThat(lint(Vendor.MARIADB, notNull)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.blocking()).isFalse();
			assertThat(finding.message()).contains("LOCK=NONE");
		});
		assertThat(lint(Vendor.H2, notNull)).isEmpty();
	}

	@Test
	void makingAColumnNullableIsNotFlagged() {
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "name", chars(50).withNullable(true), true)))
			.isEmpty();
	}

	// ---- changing-column-type ------------------------------------------------------------

	@Test
	void onPostgreSqlAnIntegerToBigintChangeRewritesTheTable() {
		assertThat(lint(Vendor.POSTGRESQL,
				new AlterField("product", "price", FieldState.of(new FieldType.BigIntegerField()), true)))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo(Rule.CHANGING_COLUMN_TYPE);
				assertThat(finding.message()).contains("shop_product.price", "32-bit integer", "64-bit integer",
						"rewrites");
			});
	}

	@Test
	void onPostgreSqlALongerVarcharTextOrMoreDecimalDigitsNeedNoRewrite() {
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "name", chars(80), true),
				new AlterField("product", "code", FieldState.of(new FieldType.TextField()), true),
				new AlterField("product", "weight", decimal(9, 2), true),
				new AlterField("product", "note", FieldState.of(new FieldType.SlugField(200)).withNullable(true), true)))
			.isEmpty();
	}

	@Test
	void onPostgreSqlAShorterVarcharOrAnotherDecimalScaleRewritesTheTable() {
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "name", chars(20), true),
				new AlterField("product", "weight", decimal(7, 3), true)))
			.extracting(Finding::code)
			.containsExactly("changing-column-type", "changing-column-type");
	}

	@Test
	void onMariaDbALongerVarcharIsInPlaceOnlyWithinTheSameLengthBytes() {
		assertThat(lint(Vendor.MARIADB, new AlterField("product", "name", chars(63), true),
				new AlterField("product", "code", chars(200), true)))
			.isEmpty();
		assertThat(lint(Vendor.MARIADB, new AlterField("product", "name", chars(64), true))).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("varchar(50)", "varchar(64)", "ALGORITHM=COPY"));
	}

	@Test
	void onMariaDbEveryOtherTypeChangeCopiesTheTable() {
		assertThat(lint(Vendor.MARIADB, new AlterField("product", "price", FieldState.of(new FieldType.BigIntegerField()), true),
				new AlterField("product", "weight", decimal(9, 2), true),
				new AlterField("product", "code", FieldState.of(new FieldType.TextField()), true)))
			.extracting(Finding::code)
			.containsExactly("changing-column-type", "changing-column-type", "changing-column-type");
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "SQLITE" })
	void typeChangesAreNotFlaggedOnEmbeddedDatabases(Vendor vendor) {
		assertThat(lint(vendor, new AlterField("product", "price", FieldState.of(new FieldType.BigIntegerField()), true)))
			.isEmpty();
	}

	@Test
	void aForeignKeyFollowsTheTypeOfItsTargetsPrimaryKey() {
		assertThat(lint(Vendor.POSTGRESQL,
				new AlterField("product", "price", foreignKey("shop.category"), true)))
			.extracting(Finding::code)
			.contains("changing-column-type", "adding-foreign-key-constraint");
	}

	// ---- adding-field-with-volatile-default ----------------------------------------------

	@Test
	void anAutoIncrementedColumnFillsEveryRowFromASequence() {
		AddField counter = new AddField("category", "number", FieldState.of(new FieldType.AutoField()).withPrimaryKey(false),
				true);
		assertThat(lint(Vendor.POSTGRESQL, counter)).extracting(Finding::code)
			.containsExactly("adding-field-with-volatile-default");
		assertThat(lint(Vendor.MARIADB, counter)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("LOCK=SHARED"));
		assertThat(lint(Vendor.H2, counter)).isEmpty();
	}

	@Test
	void aDatabaseDefaultOfNowIsStableAndNotFlagged() {
		FieldState created = FieldState.of(new FieldType.DateTimeField()).withDbDefault("now");
		assertThat(lint(Vendor.POSTGRESQL, new AddField("product", "created", created, true))).isEmpty();
		assertThat(lint(Vendor.MARIADB, new AddField("product", "created", created, true))).isEmpty();
	}

	// ---- renaming-column and renaming-table ------------------------------------------------

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void renamingAColumnIsFlaggedOnEveryDatabase(Vendor vendor) {
		assertThat(lint(vendor, new RenameField("product", "name", "title"))).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(Rule.RENAMING_COLUMN);
			assertThat(finding.message()).contains("shop_product.name is renamed to title");
			assertThat(finding.safeWay()).contains("dbColumn = \"name\"");
		});
	}

	@Test
	void renamingAFieldThatKeepsItsColumnIsNotFlaggedButMovingItsColumnIs() {
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "name", chars(50).withDbColumn("name"), true),
				new RenameField("product", "name", "title")))
			.isEmpty();
		assertThat(lint(Vendor.POSTGRESQL, new AlterField("product", "name", chars(50).withDbColumn("title"), true)))
			.extracting(Finding::code)
			.containsExactly("renaming-column");
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void renamingATableIsFlaggedOnEveryDatabase(Vendor vendor) {
		assertThat(lint(vendor, new RenameModel("Product", "Article"))).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(Rule.RENAMING_TABLE);
			assertThat(finding.message()).contains("Table shop_product is renamed to shop_article");
			assertThat(finding.safeWay()).contains("@Model(table = \"shop_product\")");
		});
		assertThat(lint(vendor, new AlterModelTable("product", "products"))).extracting(Finding::code)
			.containsExactly("renaming-table");
	}

	@Test
	void renamingAModelThatKeepsItsTableIsNotFlagged() {
		assertThat(lint(Vendor.POSTGRESQL, new AlterModelTable("product", "shop_product"),
				new RenameModel("Product", "Article")))
			.isEmpty();
	}

	// ---- dropping-column and dropping-table ------------------------------------------------

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void droppingAColumnOrATableIsFlaggedOnEveryDatabase(Vendor vendor) {
		List<Finding> findings = lint(vendor, new RemoveField("product", "note"), new RemoveField("product", "category"),
				new DeleteModel("Category"));
		assertThat(findings).extracting(Finding::code)
			.containsExactly("dropping-column", "dropping-column", "dropping-table");
		assertThat(findings.get(0).message()).contains("shop_product.note", "data is lost");
		assertThat(findings.get(1).message()).contains("shop_product.category_id");
		assertThat(findings.get(2).message()).contains("Table shop_category");
	}

	@Test
	void droppingAManyToManyFieldDropsItsJoinTableUnlessItHasAThroughModel() {
		FieldState tags = FieldState.of(new FieldType.ManyToManyField("shop.category", null));
		FieldState through = FieldState.of(new FieldType.ManyToManyField("shop.category", "shop.category"));
		Migration migration = migration("0003_drop", new RemoveField("product", "tags"), new RemoveField("product", "via"));
		var state = new AddField("product", "via", through, true).stateForwards("shop",
				new AddField("product", "tags", tags, true).stateForwards("shop", shop()));
		assertThat(new MigrationLinter(Vendor.POSTGRESQL).lint(migration, state)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("Table shop_product_tags", "join table"));
	}

	// ---- acknowledgement and nesting -------------------------------------------------------

	@Test
	void aRuleTheMigrationAcknowledgesIsReportedAsAcknowledgedAndDoesNotBlock() {
		Migration migration = migration("0002_change", new RemoveField("product", "note"), NAME_INDEX)
			.withAcknowledged(List.of("dropping-column"));
		List<Finding> findings = new MigrationLinter(Vendor.POSTGRESQL).lint(migration, shop());
		assertThat(findings).extracting(Finding::code, Finding::acknowledged, Finding::blocking)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("dropping-column", true, false),
					org.assertj.core.groups.Tuple.tuple("adding-index-non-concurrently", false, true));
		assertThat(findings.get(0).describe()).startsWith("[dropping-column] (acknowledged) Column shop_product.note");
		assertThat(findings.get(1).describe()).startsWith("[adding-index-non-concurrently] (error) An index")
			.contains(" Safe way: Write it with makemigrations --safe: AddIndexConcurrently");
	}

	@Test
	void theDatabaseOperationsOfASeparateDatabaseAndStateAreLintedButRawSqlIsNot() {
		Operation separate = new SeparateDatabaseAndState(
				List.of(new RunSql(List.of("DROP TABLE shop_product"), null), new RemoveField("product", "note")),
				List.of(new RemoveField("product", "note")));
		List<Finding> findings = lint(Vendor.POSTGRESQL, NAME_INDEX, separate, new RunSql(List.of("SELECT 1"), List.of()));
		assertThat(findings).extracting(Finding::operation, Finding::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "adding-index-non-concurrently"),
					org.assertj.core.groups.Tuple.tuple(2, "dropping-column"));
		assertThat(findings.get(1).operationDescription()).isEqualTo("Custom state/database change combination");
	}

	@Test
	void everyRuleHasAUniqueStableCode() {
		assertThat(Rule.codes()).doesNotHaveDuplicates().allMatch((code) -> code.matches("[a-z]+(-[a-z]+)+"));
		assertThat(Rule.fromCode("setting-not-null")).isEqualTo(Rule.SETTING_NOT_NULL);
		assertThat(Rule.fromCode("no-such-rule")).isNull();
	}

}
