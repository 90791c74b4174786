package io.github.migrations.operation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.migrations.loader.MigrationParser;
import io.github.migrations.loader.MigrationResource;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import io.github.migrations.writer.MigrationWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures and assertions shared by the operation tests, after Django's {@code OperationTestBase}
 * in {@code tests/migrations/test_operations.py}: one test class per operation, each checking the
 * state change, {@code describe()} and the name fragment as Django 5.2 prints them, the
 * reductions Django makes with it, and the write → load round trip through a migration file.
 */
abstract class AbstractOperationTests {

	/** The app label of every test model. */
	static final String APP = "test_app";

	private static final MigrationWriter WRITER = new MigrationWriter("0.1.0",
			Clock.fixed(Instant.parse("2026-11-24T14:05:00Z"), ZoneOffset.UTC));

	static final FieldState AUTO = FieldState.of(new FieldType.AutoField());

	static final FieldState INTEGER = FieldState.of(new FieldType.IntegerField());

	static final FieldState FLOAT = FieldState.of(new FieldType.FloatField());

	/** Django's {@code Index(fields=["pink"], name="pony_pink_idx")} on {@code Pony}. */
	static final IndexState PINK_INDEX = new IndexState("pony_pink_idx", List.of("pink"), null);

	/** A check constraint on {@code Pony}. */
	static final ConstraintState WEIGHT_CHECK = new ConstraintState.Check("pony_weight_gt_0", "weight > 0");

	/**
	 * Return Django's {@code set_up_test_model} state: {@code Pony(id, pink = 3, weight)} with the
	 * index {@code pony_pink_idx} and the check {@code pony_weight_gt_0}, an empty {@code Stable},
	 * and {@code Rider(id, pony → Pony, friend → Rider)}.
	 * @return the state
	 */
	static ProjectState setUpTestModel() {
		ModelState pony = new ModelState(APP, "Pony", fields("id", AUTO, "pink", INTEGER.withDefault("3"), "weight", FLOAT),
				null).withIndexes(List.of(PINK_INDEX)).withConstraints(List.of(WEIGHT_CHECK));
		ModelState stable = new ModelState(APP, "Stable", fields("id", AUTO), null);
		ModelState rider = new ModelState(APP, "Rider", fields("id", AUTO, "pony", foreignKey("test_app.pony"),
				"friend", foreignKey("test_app.rider")), null);
		return ProjectState.of(List.of(pony, stable, rider));
	}

	/**
	 * Return a foreign key field with {@code on_delete=CASCADE}.
	 * @param to the target, {@code app.model}
	 * @return the field
	 */
	static FieldState foreignKey(String to) {
		return FieldState.of(new FieldType.ForeignKey(to, OnDelete.CASCADE));
	}

	/**
	 * Return fields in order from name/field pairs.
	 * @param pairs name, field, name, field…
	 * @return the fields
	 */
	static Map<String, FieldState> fields(Object... pairs) {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], (FieldState) pairs[i + 1]);
		}
		return fields;
	}

	/**
	 * Apply operations to a state, in order.
	 * @param state the state before
	 * @param operations the operations
	 * @return the state after
	 */
	static ProjectState apply(ProjectState state, Operation... operations) {
		ProjectState result = state;
		for (Operation operation : operations) {
			result = operation.stateForwards(APP, result);
		}
		return result;
	}

	/**
	 * Assert that the operation does not change the state (a database-only operation).
	 * @param operation the operation
	 */
	static void assertLeavesTheStateAlone(Operation operation) {
		ProjectState state = setUpTestModel();
		assertThat(operation.stateForwards(APP, state)).isSameAs(state);
	}

	/**
	 * Assert that {@code first.reduce(second)} replaces both by {@code expected}, and that the
	 * replacement changes {@code state} exactly as the two operations do.
	 * @param state a state both sequences apply to
	 * @param first the earlier operation
	 * @param second the later operation
	 * @param expected the replacement
	 */
	static void assertReducesTo(ProjectState state, Operation first, Operation second, Operation... expected) {
		assertThat(first.reduce(second, APP)).isEqualTo(Reduction.replace(expected));
		assertThat(apply(state, expected)).as("state after the replacement")
			.isEqualTo(apply(state, first, second));
	}

	/**
	 * Assert that the optimizer may move {@code second} across {@code first} (Django's {@code True}).
	 * @param first the earlier operation
	 * @param second the later operation
	 */
	static void assertThrough(Operation first, Operation second) {
		assertThat(first.reduce(second, APP)).isEqualTo(Reduction.THROUGH);
	}

	/**
	 * Assert that {@code first} neither reduces with nor lets the optimizer past {@code second}
	 * (Django's {@code False}).
	 * @param first the earlier operation
	 * @param second the later operation
	 */
	static void assertBlocked(Operation first, Operation second) {
		assertThat(first.reduce(second, APP)).isEqualTo(Reduction.BLOCKED);
	}

	/**
	 * Django's routine on a fresh H2 database: create the tables of {@code before}, check, run the
	 * operation forwards (one schema editor, closed as Django's {@code with} block closes it, so
	 * deferred statements run), check, run it backwards, check again.
	 * @param before the state before the operation
	 * @param operation the operation
	 * @param afterForwards what must hold after running forwards
	 * @param afterBackwards what must hold before running forwards and after running backwards
	 * @throws Exception on any database failure
	 */
	static void assertDatabaseForwardsAndBackwards(ProjectState before, Operation operation,
			DatabaseCheck afterForwards, DatabaseCheck afterBackwards) throws Exception {
		ProjectState after = operation.stateForwards(APP, before);
		try (TestDatabase database = TestDatabases.h2(); Connection connection = database.connection()) {
			edit(connection, before, (editor) -> before.models().values().forEach(editor::createModel));
			afterBackwards.check(connection);
			edit(connection, after.withFallback(before),
					(editor) -> operation.databaseForwards(APP, editor, before, after));
			afterForwards.check(connection);
			edit(connection, before.withFallback(after),
					(editor) -> operation.databaseBackwards(APP, editor, after, before));
			afterBackwards.check(connection);
		}
	}

	private static void edit(Connection connection, ProjectState state, Consumer<BaseSchemaEditor> edit) {
		BaseSchemaEditor editor = SchemaEditors.create(connection, false);
		editor.setProjectState(state);
		edit.accept(editor);
		editor.close();
	}

	/**
	 * Return a check that a table exists, or does not.
	 * @param table the table
	 * @param exists whether it must exist
	 * @return the check
	 */
	static DatabaseCheck table(String table, boolean exists) {
		return (connection) -> assertThat(Introspector.hasTable(connection, table)).as("table " + table).isEqualTo(exists);
	}

	/**
	 * Return a check that a column exists, or does not.
	 * @param table the table
	 * @param column the column
	 * @param exists whether it must exist
	 * @return the check
	 */
	static DatabaseCheck column(String table, String column, boolean exists) {
		return (connection) -> assertThat(Introspector.hasColumn(connection, table, column))
			.as("column " + table + "." + column)
			.isEqualTo(exists);
	}

	/**
	 * Return a check that a single-column index exists on a column, or does not.
	 * @param table the table
	 * @param column the column
	 * @param index the index name
	 * @param exists whether it must exist
	 * @return the check
	 */
	static DatabaseCheck index(String table, String column, String index, boolean exists) {
		return (connection) -> assertThat(Introspector.indexNames(connection, table, column).stream()
			.anyMatch(index::equalsIgnoreCase)).as("index " + index).isEqualTo(exists);
	}

	/**
	 * Return a check that a statement succeeds (in a transaction rolled back afterwards), or fails.
	 * @param sql the statement
	 * @param succeeds whether it must succeed
	 * @return the check
	 */
	static DatabaseCheck runs(String sql, boolean succeeds) {
		return (connection) -> {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			boolean ran;
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
				ran = true;
			}
			catch (SQLException ex) {
				ran = false;
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
			assertThat(ran).as(sql).isEqualTo(succeeds);
		};
	}

	/**
	 * Something that must hold in the database.
	 */
	@FunctionalInterface
	interface DatabaseCheck {

		void check(Connection connection) throws Exception;

		default DatabaseCheck and(DatabaseCheck other) {
			return (connection) -> {
				check(connection);
				other.check(connection);
			};
		}

	}

	/**
	 * Write a migration holding the operation, load it back, check the loaded operation is equal
	 * and that writing it again gives identical text, and return the operation's lines.
	 * @param operation the operation
	 * @return the YAML list item of the operation, as written
	 */
	static String writeAndLoad(Operation operation) {
		Migration migration = Migration.of(new MigrationKey(APP, "0002_change"),
				List.of(new MigrationKey(APP, "0001_initial")), List.of(operation), false);
		String text = WRITER.render(migration);
		Migration loaded = MigrationParser
			.parse(new MigrationResource(APP, "0002_change", APP + "/0002_change.yaml", text));
		assertThat(loaded.operations()).containsExactly(operation);
		assertThat(WRITER.render(loaded)).isEqualTo(text);
		return text.substring(text.indexOf("operations:\n") + "operations:\n".length());
	}

}
