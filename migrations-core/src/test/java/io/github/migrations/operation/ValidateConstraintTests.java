package io.github.migrations.operation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ValidateConstraint}, after Django's {@code ValidateConstraintTests} in
 * {@code tests/postgres_tests/test_operations.py}.
 */
class ValidateConstraintTests extends AbstractOperationTests {

	private final ValidateConstraint operation = new ValidateConstraint("Pony", "pony_weight_gt_0");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Validate constraint pony_weight_gt_0 on model Pony");
		assertThat(this.operation.formattedDescription())
			.isEqualTo("~ Validate constraint pony_weight_gt_0 on model Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("pony_validate_pony_weight_gt_0");
		assertThat(this.operation.reversible()).isTrue();
	}

	@Test
	void leavesTheStateAlone() {
		assertLeavesTheStateAlone(this.operation);
	}

	@Test
	void reducesWithNothing() {
		assertBlocked(this.operation, new RemoveConstraint("Pony", "pony_weight_gt_0"));
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(new AddField("Stable", "size", INTEGER, true), this.operation);
	}

	@Test
	void doesNothingOutsidePostgreSqlEitherWay() throws Exception {
		String weightZero = "INSERT INTO test_app_pony (pink, weight) VALUES (1, 0)";
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation, runs(weightZero, false),
				runs(weightZero, false));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - ValidateConstraint:
				      model_name: Pony
				      name: pony_weight_gt_0
				""");
	}

}
