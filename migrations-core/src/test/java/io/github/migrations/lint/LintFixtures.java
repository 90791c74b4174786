package io.github.migrations.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.Operation;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;

/**
 * The state the linter tests start from, an app {@code shop} already in production:
 * {@code Category(id, name)} and {@code Product(id, name varchar(50), price integer, code
 * varchar(100), weight decimal(5, 2), note nullable, category → Category nullable)}.
 */
final class LintFixtures {

	static final String APP = "shop";

	static final FieldState BIG_AUTO = FieldState.of(new FieldType.BigAutoField());

	static final FieldState INTEGER = FieldState.of(new FieldType.IntegerField());

	private LintFixtures() {
	}

	static FieldState chars(int length) {
		return FieldState.of(new FieldType.CharField(length));
	}

	static FieldState decimal(int digits, int places) {
		return FieldState.of(new FieldType.DecimalField(digits, places));
	}

	static FieldState foreignKey(String to) {
		return FieldState.of(new FieldType.ForeignKey(to, OnDelete.CASCADE));
	}

	static ProjectState shop() {
		Map<String, FieldState> category = new LinkedHashMap<>();
		category.put("id", BIG_AUTO);
		category.put("name", chars(50));
		Map<String, FieldState> product = new LinkedHashMap<>();
		product.put("id", BIG_AUTO);
		product.put("name", chars(50));
		product.put("price", INTEGER);
		product.put("code", chars(100));
		product.put("weight", decimal(5, 2));
		product.put("note", chars(200).withNullable(true));
		product.put("category", foreignKey("shop.category").withNullable(true));
		return ProjectState.of(List.of(new ModelState(APP, "Category", category, null),
				new ModelState(APP, "Product", product, null)));
	}

	static Migration migration(String name, Operation... operations) {
		return Migration.of(new MigrationKey(APP, name), List.of(), List.of(operations), false);
	}

	static List<Finding> lint(io.github.migrations.schema.Vendor vendor, Operation... operations) {
		return new MigrationLinter(vendor).lint(migration("0002_change", operations), shop());
	}

}
