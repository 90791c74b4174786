package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.ConstraintState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AddConstraintNotValid}, after Django's {@code AddConstraintNotValidTests} in
 * {@code tests/postgres_tests/test_operations.py}.
 */
class AddConstraintNotValidTests extends AbstractOperationTests {

	private static final ConstraintState CHECK = new ConstraintState.Check("pony_pink_gte_check", "pink >= 4");

	private final AddConstraintNotValid operation = new AddConstraintNotValid("Pony", CHECK);

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Create not valid constraint pony_pink_gte_check on model Pony");
		assertThat(this.operation.formattedDescription())
			.isEqualTo("+ Create not valid constraint pony_pink_gte_check on model Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("pony_pony_pink_gte_check_not_valid");
		assertThat(this.operation.needsNonAtomicMigration()).isFalse();
	}

	@Test
	void refusesAUniqueConstraintAsDjangoDoes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AddConstraintNotValid("Pony",
					new ConstraintState.Unique("pony_pink_uniq", List.of("pink"), null)))
			.withMessage("AddConstraintNotValid.constraint must be a check constraint.");
	}

	@Test
	void changesTheStateAsAddConstraint() {
		assertThat(this.operation.stateForwards(APP, setUpTestModel()))
			.isEqualTo(new AddConstraint("Pony", CHECK).stateForwards(APP, setUpTestModel()));
	}

	@Test
	void reducesAsDjangosSubclassOfAddConstraint() {
		assertReducesTo(setUpTestModel(), this.operation, new RemoveConstraint("Pony", CHECK.name()));
		assertBlocked(this.operation, new ValidateConstraint("Pony", CHECK.name()));
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
		CreateModel horse = new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER), null);
		assertThat(horse.reduce(new AddConstraintNotValid("Horse", CHECK), APP)).isEqualTo(Reduction.replace(
				new CreateModel("Horse", horse.fields(), null, List.of(), List.of(CHECK), horse.options())));
	}

	@Test
	void addsTheConstraintForwardsAndDropsItBackwardsWhereNotValidDoesNotExist() throws Exception {
		String pinkOne = "INSERT INTO test_app_pony (pink, weight) VALUES (1, 1)";
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation, runs(pinkOne, false), runs(pinkOne, true));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - AddConstraintNotValid:
				      model_name: Pony
				      constraint: {type: CheckConstraint, name: pony_pink_gte_check, condition: 'pink >= 4'}
				""");
	}

}
