package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RemoveIndex}, after Django's {@code test_remove_index}.
 */
class RemoveIndexTests extends AbstractOperationTests {

	private final RemoveIndex operation = new RemoveIndex("Pony", "pony_pink_idx");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Remove index pony_pink_idx from Pony");
		assertThat(this.operation.formattedDescription()).isEqualTo("- Remove index pony_pink_idx from Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("remove_pony_pony_pink_idx");
	}

	@Test
	void stateForwardsRemovesTheIndex() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").indexes()).isEmpty();
	}

	@Test
	void stateForwardsRefusesAnIndexThatDoesNotExist() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RemoveIndex("Pony", "pony_mane_idx").stateForwards(APP, setUpTestModel()))
			.withMessage("No index named pony_mane_idx on model Pony");
	}

	@Test
	void isABarrierAsDjangosIndexOperations() {
		assertBlocked(this.operation, new AddIndex("Pony", PINK_INDEX));
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
	}

	@Test
	void isFoldedIntoTheCreateModelOfItsModel() {
		CreateModel create = new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER), null,
				List.of(PINK_INDEX.withName("horse_pink_idx")), List.of(), ModelOptions.NONE);
		assertReducesTo(ProjectState.empty(), create, new RemoveIndex("Horse", "horse_pink_idx"),
				new CreateModel("Horse", create.fields(), null));
	}

	@Test
	void dropsTheIndexForwardsAndCreatesItBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation,
				index("test_app_pony", "pink", "pony_pink_idx", false),
				index("test_app_pony", "pink", "pony_pink_idx", true));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - RemoveIndex:
				      model_name: Pony
				      name: pony_pink_idx
				""");
	}

}
