package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DeleteModel}, after Django's {@code test_delete_model}.
 */
class DeleteModelTests extends AbstractOperationTests {

	private final DeleteModel operation = new DeleteModel("Pony");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Delete model Pony");
		assertThat(this.operation.formattedDescription()).isEqualTo("- Delete model Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("delete_pony");
		assertThat(this.operation.reversible()).isTrue();
	}

	@Test
	void stateForwardsRemovesTheModel() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.find(new io.github.migrations.state.ModelKey(APP, "pony"))).isNull();
		assertThat(state.models()).hasSize(2);
	}

	@Test
	void stateForwardsRefusesAModelThatDoesNotExist() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeleteModel("Unicorn").stateForwards(APP, setUpTestModel()))
			.withMessage("No model named 'Unicorn' in app 'test_app'");
	}

	@Test
	void referencesEveryModelSoNothingIsOptimizedAcrossIt() {
		assertThat(this.operation.referencesModel("Stable", APP)).isTrue();
		assertBlocked(new AddField("Stable", "size", INTEGER, true), this.operation);
	}

	@Test
	void letsOperationsOnOtherModelsThroughButNotACreateModelOfTheSameName() {
		assertThrough(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(this.operation, new CreateModel("Pony", fields("id", AUTO), null));
		assertBlocked(this.operation, new RunSql(List.of("SELECT 1"), null));
	}

	@Test
	void dropsTheTableForwardsAndCreatesItBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation, table("test_app_pony", false),
				table("test_app_pony", true).and(column("test_app_pony", "weight", true)));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - DeleteModel:
				      name: Pony
				""");
	}

}
