package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AddConstraint}, after Django's {@code test_add_constraint}.
 */
class AddConstraintTests extends AbstractOperationTests {

	private static final ConstraintState CHECK = new ConstraintState.Check("test_constraint_pony_pink_gt_2",
			"pink > 2");

	private static final ConstraintState UNIQUE = new ConstraintState.Unique("Uniq_Pink", List.of("pink"),
			"weight > 1");

	private final AddConstraint operation = new AddConstraint("Pony", CHECK);

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Create constraint test_constraint_pony_pink_gt_2 on model Pony");
		assertThat(this.operation.formattedDescription())
			.isEqualTo("+ Create constraint test_constraint_pony_pink_gt_2 on model Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("pony_test_constraint_pony_pink_gt_2");
		assertThat(new AddConstraint("Pony", UNIQUE).describe()).isEqualTo("Create constraint Uniq_Pink on model Pony");
		assertThat(new AddConstraint("Pony", UNIQUE).migrationNameFragment()).isEqualTo("pony_uniq_pink");
	}

	@Test
	void stateForwardsAddsTheConstraintAfterTheExistingOnes() {
		ProjectState state = apply(setUpTestModel(), this.operation, new AddConstraint("Pony", UNIQUE));
		assertThat(state.model(APP, "Pony").constraints()).containsExactly(WEIGHT_CHECK, CHECK, UNIQUE);
	}

	@Test
	void stateForwardsRefusesAConstraintNameThatExists() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new AddConstraint("Pony", WEIGHT_CHECK).stateForwards(APP, setUpTestModel()))
			.withMessage("test_app.Pony already has a constraint named pony_weight_gt_0");
	}

	@Test
	void reducedWithRemoveConstraintOfTheSameNameLeavesNothing() {
		assertReducesTo(setUpTestModel(), this.operation, new RemoveConstraint("Pony", CHECK.name()));
	}

	@Test
	void isABarrierAsDjangosIndexOperations() {
		assertBlocked(this.operation, new RemoveConstraint("Pony", "pony_weight_gt_0"));
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(new AddField("Stable", "size", INTEGER, true), this.operation);
	}

	@Test
	void addsTheConstraintForwardsAndDropsItBackwards() throws Exception {
		String pinkOne = "INSERT INTO test_app_pony (pink, weight) VALUES (1, 1)";
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation, runs(pinkOne, false), runs(pinkOne, true));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - AddConstraint:
				      model_name: Pony
				      constraint: {type: CheckConstraint, name: test_constraint_pony_pink_gt_2, condition: 'pink > 2'}
				""");
		assertThat(writeAndLoad(new AddConstraint("Pony", UNIQUE))).contains(
				"      constraint: {type: UniqueConstraint, name: Uniq_Pink, fields: [pink], condition: 'weight > 1'}\n");
	}

}
