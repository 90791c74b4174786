package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.ModelOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RemoveIndexConcurrently}, after Django's {@code RemoveIndexConcurrentlyTests}
 * in {@code tests/postgres_tests/test_operations.py}.
 */
class RemoveIndexConcurrentlyTests extends AbstractOperationTests {

	private final RemoveIndexConcurrently operation = new RemoveIndexConcurrently("Pony", "pony_pink_idx");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Concurrently remove index pony_pink_idx from Pony");
		assertThat(this.operation.formattedDescription()).isEqualTo("- Concurrently remove index pony_pink_idx from Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("remove_pony_pony_pink_idx");
		assertThat(this.operation.needsNonAtomicMigration()).isTrue();
	}

	@Test
	void changesTheStateAsRemoveIndex() {
		assertThat(this.operation.stateForwards(APP, setUpTestModel()).model(APP, "Pony").indexes()).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RemoveIndexConcurrently("Pony", "nope").stateForwards(APP, setUpTestModel()));
	}

	@Test
	void reducesWithNothingAsDjangosRemoveIndex() {
		assertBlocked(this.operation, new AddIndex("Pony", PINK_INDEX));
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
	}

	@Test
	void removesTheIndexFromTheCreateModelOfItsModelAsDjangosOptimizerDoes() {
		CreateModel create = new CreateModel("Pony", fields("id", AUTO, "pink", INTEGER), null,
				List.of(PINK_INDEX), List.of(), ModelOptions.NONE);
		assertThat(create.reduce(this.operation, APP)).isEqualTo(Reduction.replace(new CreateModel("Pony",
				create.fields(), null, List.of(), List.of(), ModelOptions.NONE)));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - RemoveIndexConcurrently:
				      model_name: Pony
				      name: pony_pink_idx
				""");
	}

}
