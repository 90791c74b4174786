package io.github.migrations.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RenameIndex;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.model;
import static io.github.migrations.schema.SchemaTestModels.nullable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract: named indexes (multi-column, descending, conditional where the database has partial
 * indexes) and unique and check constraints are created, renamed and dropped by their
 * operations forwards and backwards, and with the model that declares them.
 */
interface IndexesAndConstraintsContract extends SchemaEditorContract {

	private static ModelState product() {
		return model(APP, "Product", "name", field(new FieldType.CharField(50)), "code",
				field(new FieldType.CharField(10)), "price", field(new FieldType.IntegerField()), "active",
				field(new FieldType.BooleanField()));
	}

	@Test
	default void addIndexCreatesAMultiColumnIndexAndRemoveIndexDropsIt() {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(product()));
		AddIndex add = new AddIndex("Product", new IndexState("product_name_price", List.of("name", "-price"), null));
		ProjectState after = forwards(state, add);
		assertThat(index("shop_product", "product_name_price")).isEqualTo(List.of("name", "price"));
		RemoveIndex remove = new RemoveIndex("Product", "product_name_price");
		forwards(after, remove);
		assertThat(indexes("shop_product")).doesNotContainKey("product_name_price");
		backwards(after, remove);
		assertThat(index("shop_product", "product_name_price")).isEqualTo(List.of("name", "price"));
		backwards(state, add);
		assertThat(indexes("shop_product")).doesNotContainKey("product_name_price");
	}

	@Test
	default void aConditionalIndexIsPartialWhereTheDatabaseCanAndPlainElsewhere() {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(product()));
		AddIndex add = new AddIndex("Product", new IndexState("product_active_price", List.of("price"), "active"));
		List<String> sql = sqlForwards(state, add);
		assertThat(sql).singleElement()
			.satisfies((statement) -> assertThat(statement.contains(" WHERE active"))
				.isEqualTo(inspector().supportsPartialIndexes()));
		forwards(state, add);
		assertThat(index("shop_product", "product_active_price")).isEqualTo(List.of("price"));
		backwards(state, add);
		assertThat(indexes("shop_product")).doesNotContainKey("product_active_price");
	}

	@Test
	default void renameIndexRenamesItForwardsAndBackwards() {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(product()),
				new AddIndex("Product", new IndexState("product_code_idx", List.of("code"), null)));
		RenameIndex rename = new RenameIndex("Product", "product_code_index", "product_code_idx");
		forwards(state, rename);
		assertThat(indexes("shop_product")).containsKey("product_code_index").doesNotContainKey("product_code_idx");
		backwards(state, rename);
		assertThat(indexes("shop_product")).containsKey("product_code_idx").doesNotContainKey("product_code_index");
	}

	@Test
	default void uniqueConstraintIsEnforcedUntilRemoved() throws Exception {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(product()));
		AddConstraint add = new AddConstraint("Product",
				new ConstraintState.Unique("product_name_code_uniq", List.of("name", "code"), null));
		ProjectState after = forwards(state, add);
		insert("shop_product", List.of("name", "code", "price", "active"), "a", "1", 1, true);
		insert("shop_product", List.of("name", "code", "price", "active"), "a", "2", 1, true);
		assertFails(() -> insert("shop_product", List.of("name", "code", "price", "active"), "a", "1", 2, false));
		assertThat(lower(Introspector.constraintNames(connection(), "shop_product", "UNIQUE")))
			.contains("product_name_code_uniq");
		RemoveConstraint remove = new RemoveConstraint("Product", "product_name_code_uniq");
		forwards(after, remove);
		insert("shop_product", List.of("name", "code", "price", "active"), "a", "1", 3, true);
		execute("DELETE FROM " + q("shop_product") + " WHERE " + q("price") + " = 3");
		backwards(after, remove);
		assertFails(() -> insert("shop_product", List.of("name", "code", "price", "active"), "a", "1", 2, false));
		backwards(state, add);
		insert("shop_product", List.of("name", "code", "price", "active"), "a", "1", 2, false);
		assertThat(lower(Introspector.constraintNames(connection(), "shop_product", "UNIQUE")))
			.doesNotContain("product_name_code_uniq");
	}

	@Test
	default void checkConstraintIsEnforcedUntilRemoved() throws Exception {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(product()));
		AddConstraint add = new AddConstraint("Product",
				new ConstraintState.Check("product_price_positive", "price >= 0 AND price < 1000"));
		ProjectState after = forwards(state, add);
		insert("shop_product", List.of("name", "code", "price", "active"), "a", "1", 5, true);
		assertFails(() -> insert("shop_product", List.of("name", "code", "price", "active"), "b", "2", -5, true));
		assertThat(lower(Introspector.constraintNames(connection(), "shop_product", "CHECK")))
			.contains("product_price_positive");
		RemoveConstraint remove = new RemoveConstraint("Product", "product_price_positive");
		forwards(after, remove);
		insert("shop_product", List.of("name", "code", "price", "active"), "b", "2", -5, true);
		execute("DELETE FROM " + q("shop_product") + " WHERE " + q("price") + " < 0");
		backwards(after, remove);
		assertFails(() -> insert("shop_product", List.of("name", "code", "price", "active"), "b", "2", -5, true));
		backwards(state, add);
		insert("shop_product", List.of("name", "code", "price", "active"), "b", "2", -5, true);
	}

	@Test
	default void aConditionalUniqueConstraintIsAPartialUniqueIndexOrIsNotCreated() throws Exception {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(product()));
		AddConstraint add = new AddConstraint("Product",
				new ConstraintState.Unique("product_active_code_uniq", List.of("code"), "active"));
		forwards(state, add);
		insert("shop_product", List.of("name", "code", "price", "active"), "a", "1", 1, true);
		insert("shop_product", List.of("name", "code", "price", "active"), "b", "1", 1, false);
		if (inspector().supportsPartialIndexes()) {
			assertFails(() -> insert("shop_product", List.of("name", "code", "price", "active"), "c", "1", 1, true));
		}
		else {
			insert("shop_product", List.of("name", "code", "price", "active"), "c", "1", 1, true);
			assertThat(sqlForwards(state, add)).isEmpty();
		}
		backwards(state, add);
		insert("shop_product", List.of("name", "code", "price", "active"), "d", "1", 1, true);
	}

	@Test
	default void indexesAndConstraintsOfAModelAreCreatedAndDroppedWithIt() throws Exception {
		ModelState product = product()
			.withIndexes(List.of(new IndexState("product_price_idx", List.of("price", "-name"), null)))
			.withConstraints(List.of(new ConstraintState.Unique("product_code_uniq", List.of("code"), null),
					new ConstraintState.Check("product_price_check", "price >= 0")));
		CreateModel create = CreateModel.of(product);
		forwards(ProjectState.empty(), create);
		assertThat(index("shop_product", "product_price_idx")).isEqualTo(List.of("price", "name"));
		insert("shop_product", List.of("name", "code", "price", "active"), "a", "1", 1, true);
		assertFails(() -> insert("shop_product", List.of("name", "code", "price", "active"), "b", "1", 1, true));
		assertFails(() -> insert("shop_product", List.of("name", "code", "price", "active"), "c", "2", -1, true));
		backwards(ProjectState.empty(), create);
		assertThat(Introspector.hasTable(connection(), "shop_product")).isFalse();
	}

	@Test
	default void renamingAnIndexOfATableCreatedInTheSameEditorRenamesTheDeferredStatement() {
		ModelState product = product()
			.withIndexes(List.of(new IndexState("product_code_idx", List.of("code"), null)));
		forwards(ProjectState.empty(), CreateModel.of(product),
				new RenameIndex("Product", "product_code_index", "product_code_idx"),
				new AddIndex("Product", new IndexState("product_name_idx", List.of("name"), null)),
				new RemoveIndex("Product", "product_name_idx"));
		assertThat(indexes("shop_product")).containsKey("product_code_index")
			.doesNotContainKeys("product_code_idx", "product_name_idx");
	}

	@Test
	default void alteringAFieldLeavesAModelCheckOnTheSameColumnAlone() throws Exception {
		ModelState product = model(APP, "Product", "name", field(new FieldType.CharField(50)), "price",
				field(new FieldType.PositiveIntegerField()))
			.withConstraints(List.of(new ConstraintState.Check("product_price_below_1000", "price < 1000")));
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(product));
		AlterField alter = new AlterField("Product", "price", field(new FieldType.IntegerField()), true);
		forwards(state, alter);
		insert("shop_product", List.of("name", "price"), "a", -5);
		assertFails(() -> insert("shop_product", List.of("name", "price"), "b", 5000));
		execute("DELETE FROM " + q("shop_product"));
		backwards(state, alter);
		assertFails(() -> insert("shop_product", List.of("name", "price"), "c", -5));
		assertFails(() -> insert("shop_product", List.of("name", "price"), "d", 5000));
		assertThat(lower(Introspector.constraintNames(connection(), "shop_product", "CHECK")))
			.contains("product_price_below_1000");
	}

	@Test
	default void droppingTheUniqueOfAFieldLeavesAModelUniqueConstraintOnTheSameColumnAlone() throws Exception {
		ProjectState state = forwards(ProjectState.empty(),
				CreateModel.of(model(APP, "Product", "code", field(new FieldType.CharField(10)).withUnique(true))),
				new AddConstraint("Product", new ConstraintState.Unique("product_code_uniq", List.of("code"), null)));
		AlterField alter = new AlterField("Product", "code", field(new FieldType.CharField(10)), true);
		forwards(state, alter);
		insert("shop_product", List.of("code"), "a");
		assertFails(() -> insert("shop_product", List.of("code"), "a"));
		assertThat(lower(Introspector.constraintNames(connection(), "shop_product", "UNIQUE")))
			.contains("product_code_uniq");
	}

	private Map<String, Introspector.Index> indexes(String table) {
		Map<String, Introspector.Index> indexes = new java.util.LinkedHashMap<>();
		Introspector.indexes(connection(), table)
			.forEach((name, index) -> indexes.put(name.toLowerCase(Locale.ROOT), index));
		return indexes;
	}

	private List<String> index(String table, String name) {
		Introspector.Index index = indexes(table).get(name);
		assertThat(index).as("index %s on %s", name, table).isNotNull();
		return lower(index.columns());
	}

	private static List<String> lower(java.util.Collection<String> names) {
		return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

}
