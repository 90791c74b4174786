package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RemoveConstraint}, after Django's {@code test_remove_constraint}.
 */
class RemoveConstraintTests extends AbstractOperationTests {

	private final RemoveConstraint operation = new RemoveConstraint("Pony", "pony_weight_gt_0");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Remove constraint pony_weight_gt_0 from model Pony");
		assertThat(this.operation.formattedDescription())
			.isEqualTo("- Remove constraint pony_weight_gt_0 from model Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("remove_pony_pony_weight_gt_0");
	}

	@Test
	void stateForwardsRemovesTheConstraint() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").constraints()).isEmpty();
	}

	@Test
	void stateForwardsRefusesAConstraintThatDoesNotExist() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RemoveConstraint("Pony", "pony_mane").stateForwards(APP, setUpTestModel()))
			.withMessage("No constraint named pony_mane on model Pony");
	}

	@Test
	void isABarrierAsDjangosIndexOperations() {
		assertBlocked(this.operation, new AddConstraint("Pony", WEIGHT_CHECK));
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
	}

	@Test
	void isFoldedIntoTheCreateModelOfItsModel() {
		CreateModel create = new CreateModel("Horse", fields("id", AUTO), null, List.of(), List.of(WEIGHT_CHECK),
				ModelOptions.NONE);
		assertReducesTo(ProjectState.empty(), create, new RemoveConstraint("Horse", "pony_weight_gt_0"),
				new CreateModel("Horse", create.fields(), null));
	}

	@Test
	void dropsTheConstraintForwardsAndAddsItBackwards() throws Exception {
		String negativeWeight = "INSERT INTO test_app_pony (pink, weight) VALUES (3, -1)";
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation, runs(negativeWeight, true),
				runs(negativeWeight, false));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - RemoveConstraint:
				      model_name: Pony
				      name: pony_weight_gt_0
				""");
	}

}
