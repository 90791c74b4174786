package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.IndexState;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RenameIndex}, after Django's {@code test_rename_index}.
 */
class RenameIndexTests extends AbstractOperationTests {

	private final RenameIndex operation = new RenameIndex("Pony", "new_pony_test_idx", "pony_pink_idx");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Rename index pony_pink_idx on Pony to new_pony_test_idx");
		assertThat(this.operation.formattedDescription())
			.isEqualTo("~ Rename index pony_pink_idx on Pony to new_pony_test_idx");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("rename_pony_pink_idx_new_pony_test_idx");
	}

	@Test
	void stateForwardsRenamesTheIndexKeepingItsFields() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").indexes())
			.containsExactly(new IndexState("new_pony_test_idx", List.of("pink"), null));
	}

	@Test
	void stateForwardsRefusesAnIndexThatDoesNotExist() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RenameIndex("Pony", "b", "a").stateForwards(APP, setUpTestModel()))
			.withMessage("No index named a on model Pony");
	}

	@Test
	void reducedWithARenameOfTheNewNameRenamesOnce() {
		assertReducesTo(setUpTestModel(), this.operation, new RenameIndex("Pony", "newer_idx", "new_pony_test_idx"),
				new RenameIndex("Pony", "newer_idx", "pony_pink_idx"));
	}

	@Test
	void isABarrierAsDjangosIndexOperations() {
		assertBlocked(this.operation, new RenameIndex("Pony", "x", "other_idx"));
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
	}

	@Test
	void renamesTheIndexForwardsAndBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation,
				index("test_app_pony", "pink", "new_pony_test_idx", true)
					.and(index("test_app_pony", "pink", "pony_pink_idx", false)),
				index("test_app_pony", "pink", "pony_pink_idx", true)
					.and(index("test_app_pony", "pink", "new_pony_test_idx", false)));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - RenameIndex:
				      model_name: Pony
				      new_name: new_pony_test_idx
				      old_name: pony_pink_idx
				""");
	}

}
