package io.github.migrations.operation;

import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RemoveField}, after Django's {@code test_remove_field}.
 */
class RemoveFieldTests extends AbstractOperationTests {

	private final RemoveField operation = new RemoveField("Pony", "pink");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Remove field pink from Pony");
		assertThat(this.operation.formattedDescription()).isEqualTo("- Remove field pink from Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("remove_pony_pink");
	}

	@Test
	void stateForwardsRemovesTheField() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").fields()).containsOnlyKeys("id", "weight");
	}

	@Test
	void stateForwardsRefusesAFieldThatDoesNotExist() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RemoveField("Pony", "mane").stateForwards(APP, setUpTestModel()))
			.withMessage("test_app.Pony has no field named 'mane'");
	}

	@Test
	void reducedWithDeleteModelOfItsModelLeavesTheDelete() {
		assertReducesTo(setUpTestModel(), this.operation, new DeleteModel("Pony"), new DeleteModel("Pony"));
	}

	@Test
	void letsOperationsThroughThatDoNotReferenceTheField() {
		assertThrough(this.operation, new AddField("Pony", "height", FLOAT, true));
		assertBlocked(this.operation, new AddField("Pony", "pink", FLOAT, true));
		assertBlocked(this.operation, new DeleteModel("Stable"));
	}

	@Test
	void dropsTheColumnForwardsAndAddsItBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation, column("test_app_pony", "pink", false),
				column("test_app_pony", "pink", true));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - RemoveField:
				      model_name: Pony
				      name: pink
				""");
	}

}
