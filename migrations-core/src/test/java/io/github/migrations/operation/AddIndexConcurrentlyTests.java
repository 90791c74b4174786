package io.github.migrations.operation;

import java.sql.Connection;
import java.util.List;

import io.github.migrations.optimize.MigrationOptimizer;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.IndexState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AddIndexConcurrently}, after Django's {@code AddIndexConcurrentlyTests} in
 * {@code tests/postgres_tests/test_operations.py}; the SQL on each database is in
 * {@code SafeFormsDatabaseTests}.
 */
class AddIndexConcurrentlyTests extends AbstractOperationTests {

	private static final IndexState INDEX = new IndexState("pony_pink_weight_idx", List.of("pink", "-weight"), null);

	private final AddIndexConcurrently operation = new AddIndexConcurrently("Pony", INDEX);

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe())
			.isEqualTo("Concurrently create index pony_pink_weight_idx on field(s) pink, -weight of model Pony");
		assertThat(this.operation.formattedDescription())
			.isEqualTo("+ Concurrently create index pony_pink_weight_idx on field(s) pink, -weight of model Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("pony_pony_pink_weight_idx");
		assertThat(this.operation.needsNonAtomicMigration()).isTrue();
		assertThat(new AddIndex("Pony", INDEX).needsNonAtomicMigration()).isFalse();
	}

	@Test
	void changesTheStateAsAddIndex() {
		assertThat(this.operation.stateForwards(APP, setUpTestModel()))
			.isEqualTo(new AddIndex("Pony", INDEX).stateForwards(APP, setUpTestModel()));
		assertThatIllegalStateException()
			.isThrownBy(() -> new AddIndexConcurrently("Pony", PINK_INDEX).stateForwards(APP, setUpTestModel()))
			.withMessage("test_app.Pony already has an index named pony_pink_idx");
	}

	@Test
	void reducesAsDjangosSubclassOfAddIndex() {
		assertReducesTo(setUpTestModel(), this.operation, new RemoveIndex("Pony", INDEX.name()));
		assertReducesTo(setUpTestModel(), this.operation, new RemoveIndexConcurrently("Pony", INDEX.name()));
		assertReducesTo(setUpTestModel(), new AddIndex("Pony", INDEX), new RemoveIndexConcurrently("Pony", INDEX.name()));
		assertReducesTo(setUpTestModel(), this.operation, new RenameIndex("Pony", "pony_new_idx", INDEX.name()),
				new AddIndexConcurrently("Pony", INDEX.withName("pony_new_idx")));
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(this.operation, new RemoveIndex("Pony", "pony_pink_idx"));
	}

	@Test
	void isFoldedIntoTheCreateModelOfItsModelAsDjangosOptimizerDoes() {
		CreateModel horse = new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER), null);
		IndexState index = new IndexState("horse_pink_idx", List.of("pink"), null);
		assertThat(MigrationOptimizer.optimize(List.of(horse, new AddIndexConcurrently("Horse", index)), APP))
			.containsExactly(new CreateModel("Horse", horse.fields(), null, List.of(index), List.of(), horse.options()));
	}

	@Test
	void refusesToRunInsideATransactionAsDjangosNotInTransactionMixin() throws Exception {
		try (TestDatabase database = TestDatabases.h2(); Connection connection = database.connection()) {
			connection.setAutoCommit(false);
			BaseSchemaEditor editor = SchemaEditors.create(connection, false);
			assertThatIllegalStateException()
				.isThrownBy(() -> this.operation.databaseForwards(APP, editor, setUpTestModel(),
						this.operation.stateForwards(APP, setUpTestModel())))
				.withMessage("The AddIndexConcurrently operation cannot be executed inside a transaction"
						+ " (set atomic: false on the migration).");
			assertThat(editor.collectedSql()).isEmpty();
		}
	}

	@Test
	void createsTheIndexForwardsAndDropsItBackwardsWhereConcurrentlyDoesNotExist() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(),
				new AddIndexConcurrently("Pony", new IndexState("pony_weight_idx", List.of("weight"), null)),
				index("test_app_pony", "weight", "pony_weight_idx", true),
				index("test_app_pony", "weight", "pony_weight_idx", false));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - AddIndexConcurrently:
				      model_name: Pony
				      index: {name: pony_pink_weight_idx, fields: [pink, -weight]}
				""");
		assertThat(writeAndLoad(new AddIndexConcurrently("Pony",
				new IndexState("pony_pink_gt_2_idx", List.of("pink"), "pink > 2"))))
			.contains("      index: {name: pony_pink_gt_2_idx, fields: [pink], condition: 'pink > 2'}\n");
	}

}
