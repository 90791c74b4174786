package io.github.migrations.lint;

import java.util.List;
import java.util.Map;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddFieldNotValid;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RemoveIndexConcurrently;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.RunSql;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static io.github.migrations.lint.LintFixtures.BIG_AUTO;
import static io.github.migrations.lint.LintFixtures.INTEGER;
import static io.github.migrations.lint.LintFixtures.chars;
import static io.github.migrations.lint.LintFixtures.foreignKey;
import static io.github.migrations.lint.LintFixtures.migration;
import static io.github.migrations.lint.LintFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link MigrationLinter#lintBackwards}: unapplying a migration is checked with the
 * forward rules on what undoing each operation does.
 */
class RevertLintTests {

	@Test
	void unapplyingAnAddedFieldDropsTheColumnAndSaysItIsARevert() {
		Migration migration = migration("0002_sku", new AddField("product", "sku", chars(20).withNullable(true), true));
		assertThat(revert(Vendor.H2, migration)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("dropping-column");
			assertThat(finding.operation()).isEqualTo(1);
			assertThat(finding.operationDescription()).isEqualTo("Undo Add field sku to product");
			assertThat(finding.message()).startsWith("Revert: Column shop_product.sku is dropped");
			assertThat(finding.revert()).isTrue();
		});
	}

	@Test
	void unapplyingAMigrationUndoesItsOperationsLastFirstSoTheAddedColumnIsDroppedBeforeTheNewTable() {
		Migration migration = migration("0002_maker", new CreateModel("Maker", Map.of("id", BIG_AUTO), null),
				new AddField("maker", "name", chars(20).withNullable(true), true));
		assertThat(revert(Vendor.POSTGRESQL, migration)).extracting(Finding::code, Finding::operation)
			.containsExactly(tuple("dropping-column", 2),
					tuple("dropping-table", 1));
	}

	@Test
	void unapplyingARemovedFieldAddsItBackAndFailsOnRowsWhenItHasNoDefault() {
		Migration migration = migration("0002_remove_price", new RemoveField("product", "price"));
		assertThat(revert(Vendor.SQLITE, migration)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("adding-required-field");
			assertThat(finding.operationDescription()).isEqualTo("Undo Remove field price from product");
			assertThat(finding.message()).contains("shop_product.price", "the revert fails unless the table is empty");
		});
		Migration relation = migration("0002_remove_category", new RemoveField("product", "category"));
		assertThat(revert(Vendor.POSTGRESQL, relation)).extracting(Finding::code)
			.containsExactly("adding-index-non-concurrently", "adding-foreign-key-constraint");
	}

	@Test
	void unapplyingARenameOrATypeChangeIsCheckedInTheOtherDirection() {
		Migration migration = migration("0002_changes", new RenameField("product", "code", "sku"),
				new AlterField("product", "price", FieldState.of(new FieldType.BigIntegerField()),
						true));
		List<Finding> findings = revert(Vendor.MARIADB, migration);
		assertThat(findings).extracting(Finding::code).containsExactly("changing-column-type", "renaming-column");
		assertThat(findings.get(0).message()).startsWith("Revert: Column shop_product.price changes from");
		assertThat(findings.get(1).message()).contains("shop_product.sku is renamed to code");
	}

	@Test
	void anIndexDroppedPlainlyIsBuiltAgainWithoutConcurrentlyButAConcurrentDropIsUndoneConcurrently() {
		IndexState index = new IndexState("product_name_idx", List.of("name"), null);
		ProjectState indexed = shop().withModel(shop().model("shop", "product").withIndexes(List.of(index)));
		Migration plain = migration("0003_remove_index", new RemoveIndex("product", "product_name_idx"));
		Migration concurrent = migration("0003_remove_index", new RemoveIndexConcurrently("product", "product_name_idx"));
		assertThat(revert(Vendor.POSTGRESQL, plain, indexed)).extracting(Finding::code)
			.containsExactly("adding-index-non-concurrently");
		assertThat(revert(Vendor.MARIADB, plain, indexed)).isEmpty();
		assertThat(revert(Vendor.POSTGRESQL, concurrent, indexed)).isEmpty();
	}

	@Test
	void aDeletedModelComesBackAsANewTableAndCodeIsNotInspected() {
		Migration migration = migration("0002_delete_category", new DeleteModel("Category"),
				new RunSql(List.of("DELETE FROM shop_product"), List.of()));
		assertThat(revert(Vendor.POSTGRESQL, migration)).isEmpty();
	}

	@Test
	void theDatabaseOperationsOfASeparateDatabaseAndStateAreUndoneAndAnAcknowledgementCoversTheRevert() {
		Operation separate = new SeparateDatabaseAndState(
				List.of(new AddField("product", "stock", INTEGER.withNullable(true), true)), List.of());
		Migration migration = Migration.of(new MigrationKey("shop", "0002_stock"), List.of(), List.of(separate), false)
			.withAcknowledged(List.of("dropping-column"));
		assertThat(revert(Vendor.POSTGRESQL, migration)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("dropping-column");
			assertThat(finding.acknowledged()).isTrue();
			assertThat(finding.blocking()).isFalse();
		});
	}

	@Test
	void unapplyingAForeignKeyAddedNotValidDropsTheColumn() {
		Migration migration = migration("0002_maker",
				new AddFieldNotValid("product", "maker", foreignKey("shop.category").withNullable(true), true));
		assertThat(revert(Vendor.POSTGRESQL, migration)).extracting(Finding::code).containsExactly("dropping-column");
	}

	@Test
	void aRevertOnMySqlNamesMySql() {
		Migration migration = migration("0002_remove_category", new RemoveField("product", "category"));
		assertThat(revert(Vendor.MYSQL, migration)).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("adding-foreign-key-constraint");
			assertThat(finding.message()).startsWith("Revert: ").contains("MySQL copies").doesNotContain("MariaDB");
		});
	}

	private static List<Finding> revert(Vendor vendor, Migration migration) {
		return revert(vendor, migration, shop());
	}

	private static List<Finding> revert(Vendor vendor, Migration migration, ProjectState before) {
		return new MigrationLinter(vendor).lintBackwards(List.of(migration), Map.of(migration.key(), before));
	}

}
