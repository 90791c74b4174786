package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.optimize.MigrationOptimizer;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AddIndex}, after Django's {@code test_add_index}.
 */
class AddIndexTests extends AbstractOperationTests {

	private static final IndexState INDEX = new IndexState("pony_test_idx", List.of("pink", "-weight"), null);

	private final AddIndex operation = new AddIndex("Pony", INDEX);

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe())
			.isEqualTo("Create index pony_test_idx on field(s) pink, -weight of model Pony");
		assertThat(this.operation.formattedDescription())
			.isEqualTo("+ Create index pony_test_idx on field(s) pink, -weight of model Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("pony_pony_test_idx");
		assertThat(new AddIndex("Pony", INDEX.withName("Pony_Cond_Idx")).migrationNameFragment())
			.isEqualTo("pony_pony_cond_idx");
	}

	@Test
	void stateForwardsAddsTheIndexAfterTheExistingOnes() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").indexes()).containsExactly(PINK_INDEX, INDEX);
	}

	@Test
	void stateForwardsRefusesAnIndexNameThatExists() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new AddIndex("Pony", PINK_INDEX).stateForwards(APP, setUpTestModel()))
			.withMessage("test_app.Pony already has an index named pony_pink_idx");
	}

	@Test
	void reducedWithRemoveIndexOfTheSameNameLeavesNothing() {
		assertReducesTo(setUpTestModel(), this.operation, new RemoveIndex("Pony", "pony_test_idx"));
	}

	@Test
	void reducedWithRenameIndexAddsTheIndexUnderItsNewName() {
		assertReducesTo(setUpTestModel(), this.operation, new RenameIndex("Pony", "new_pony_test_idx", "pony_test_idx"),
				new AddIndex("Pony", INDEX.withName("new_pony_test_idx")));
	}

	@Test
	void isABarrierAsDjangosIndexOperations() {
		assertThat(this.operation.referencesModel("Stable", APP)).isTrue();
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(this.operation, new RemoveIndex("Pony", "pony_pink_idx"));
		assertBlocked(new CreateModel("Horse", fields("id", AUTO), null), this.operation);
	}

	@Test
	void keepsACreateModelAndAnAddFieldApartAsDjangosOptimizerDoes() {
		List<Operation> operations = List.of(new CreateModel("Horse", fields("id", AUTO), null), this.operation,
				new AddField("Horse", "height", FLOAT, true));
		assertThat(MigrationOptimizer.optimize(operations, APP)).isEqualTo(operations);
	}

	@Test
	void createsTheIndexForwardsAndDropsItBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(),
				new AddIndex("Pony", new IndexState("pony_weight_idx", List.of("weight"), null)),
				index("test_app_pony", "weight", "pony_weight_idx", true),
				index("test_app_pony", "weight", "pony_weight_idx", false));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - AddIndex:
				      model_name: Pony
				      index: {name: pony_test_idx, fields: [pink, -weight]}
				""");
		assertThat(writeAndLoad(new AddIndex("Pony", new IndexState("pony_pink_gt_2_idx", List.of("pink"), "pink > 2"))))
			.contains("      index: {name: pony_pink_gt_2_idx, fields: [pink], condition: 'pink > 2'}\n");
	}

}
