package io.github.migrations.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.migrations.SchemaEditException;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.migrations.lint.LintFixtures.chars;
import static io.github.migrations.lint.LintFixtures.decimal;
import static io.github.migrations.lint.LintFixtures.foreignKey;
import static io.github.migrations.lint.LintFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the lock rules against the real servers: the operation is applied by the real schema
 * editor to a table holding a row, and the linter must flag exactly the changes the database
 * makes the expensive way. On PostgreSQL a rewrite shows as a new {@code relfilenode}; on
 * MariaDB, {@code alter_algorithm = INPLACE} makes every statement that needs a table copy fail.
 */
class LockRulesOnRealDatabasesTests {

	/** The MariaDB rules that stand for a table copy ({@code ALGORITHM=COPY}). */
	private static final Set<Rule> COPYING = Set.of(Rule.CHANGING_COLUMN_TYPE, Rule.ADDING_FOREIGN_KEY_CONSTRAINT,
			Rule.ADDING_CHECK_CONSTRAINT);

	static Stream<Arguments> operations() {
		return Stream.of(Arguments.of("integer to bigint", alter("price", FieldState.of(new FieldType.BigIntegerField()))),
				Arguments.of("varchar 50 to 63", alter("name", chars(63))),
				Arguments.of("varchar 50 to 64", alter("name", chars(64))),
				Arguments.of("varchar 100 to 200", alter("code", chars(200))),
				Arguments.of("varchar 50 to 20", alter("name", chars(20))),
				Arguments.of("varchar to text", alter("code", FieldState.of(new FieldType.TextField()))),
				Arguments.of("decimal 5,2 to 9,2", alter("weight", decimal(9, 2))),
				Arguments.of("decimal 5,2 to 7,3", alter("weight", decimal(7, 3))),
				Arguments.of("integer to positive integer",
						alter("price", FieldState.of(new FieldType.PositiveIntegerField()))),
				Arguments.of("nullable to not null", alter("note", chars(200))),
				Arguments.of("index", new AddIndex("product", new IndexState("product_name_idx", List.of("name"), null))),
				Arguments.of("unique constraint",
						new AddConstraint("product", new ConstraintState.Unique("product_code_uniq", List.of("code"), null))),
				Arguments.of("check constraint",
						new AddConstraint("product", new ConstraintState.Check("product_price_check", "price >= 0"))),
				Arguments.of("foreign key column",
						new AddField("product", "maker", foreignKey("shop.category").withNullable(true), true)),
				Arguments.of("foreign key to another table",
						alter("category", foreignKey("shop.product").withNullable(true))));
	}

	private static AlterField alter(String name, FieldState field) {
		return new AlterField("product", name, field, true);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void postgreSqlRewritesTheTableExactlyWhenTheTypeChangeIsFlagged(String change, Operation operation)
			throws SQLException {
		try (TestDatabase database = TestDatabases.postgresql(); Connection connection = database.dataSource().getConnection()) {
			createShop(connection);
			long before = relfilenode(connection);
			apply(connection, operation);
			boolean rewritten = relfilenode(connection) != before;
			assertThat(rules(Vendor.POSTGRESQL, operation).contains(Rule.CHANGING_COLUMN_TYPE)).as(change)
				.isEqualTo(rewritten);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void mariaDbCopiesTheTableExactlyWhenACopyingRuleIsFlagged(String change, Operation operation) throws SQLException {
		try (TestDatabase database = TestDatabases.mariadb(); Connection connection = database.dataSource().getConnection()) {
			createShop(connection);
			execute(connection, "SET SESSION alter_algorithm = 'INPLACE'");
			boolean copied;
			try {
				apply(connection, operation);
				copied = false;
			}
			catch (SchemaEditException ex) {
				assertThat(ex.getMessage()).contains("ALGORITHM=COPY");
				copied = true;
			}
			boolean flagged = rules(Vendor.MARIADB, operation).stream().anyMatch(COPYING::contains);
			assertThat(flagged).as(change).isEqualTo(copied);
		}
	}

	private static List<Rule> rules(Vendor vendor, Operation operation) {
		return LintFixtures.lint(vendor, operation).stream().map(Finding::rule).toList();
	}

	private static void createShop(Connection connection) throws SQLException {
		ProjectState state = ProjectState.empty();
		BaseSchemaEditor editor = SchemaEditors.create(connection, false);
		for (ModelState model : shop().models().values()) {
			CreateModel create = CreateModel.of(model);
			ProjectState next = create.stateForwards(LintFixtures.APP, state);
			editor.setProjectState(next);
			create.databaseForwards(LintFixtures.APP, editor, state, next);
			state = next;
		}
		editor.close();
		execute(connection, "INSERT INTO shop_category (id, name) VALUES (1, 'tools')");
		execute(connection, "INSERT INTO shop_product (id, name, price, code, weight, note, category_id) "
				+ "VALUES (1, 'saw', 12, 'S-1', 1.50, 'sharp', 1)");
	}

	private static void apply(Connection connection, Operation operation) {
		ProjectState before = shop();
		ProjectState after = operation.stateForwards(LintFixtures.APP, before);
		BaseSchemaEditor editor = SchemaEditors.create(connection, false);
		editor.setProjectState(after.withFallback(before));
		operation.databaseForwards(LintFixtures.APP, editor, before, after);
		editor.close();
	}

	private static long relfilenode(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = 'shop_product'::regclass")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
