package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ModelState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RenameField}, after Django's {@code test_rename_field}.
 */
class RenameFieldTests extends AbstractOperationTests {

	private final RenameField operation = new RenameField("Pony", "pink", "blue");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Rename field pink on Pony to blue");
		assertThat(this.operation.formattedDescription()).isEqualTo("~ Rename field pink on Pony to blue");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("rename_pink_pony_blue");
	}

	@Test
	void stateForwardsRenamesTheFieldInPlaceWithItsIndexesAndOrdering() {
		ModelState pony = apply(setUpTestModel(),
				new AlterModelOptions("Pony", new ModelOptions(List.of("-pink"), null, null)), this.operation)
			.model(APP, "Pony");
		assertThat(pony.fields()).containsOnlyKeys("id", "blue", "weight");
		assertThat(List.copyOf(pony.fields().keySet())).containsExactly("id", "blue", "weight");
		assertThat(pony.index("pony_pink_idx").fields()).containsExactly("blue");
		assertThat(pony.options().ordering()).containsExactly("-blue");
	}

	@Test
	void stateForwardsRefusesAFieldThatDoesNotExist() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RenameField("Pony", "mane", "tail").stateForwards(APP, setUpTestModel()))
			.withMessage("test_app.Pony has no field named 'mane'");
	}

	@Test
	void reducedWithARenameOfTheNewNameRenamesOnce() {
		assertReducesTo(setUpTestModel(), this.operation, new RenameField("Pony", "blue", "green"),
				new RenameField("Pony", "pink", "green"));
	}

	@Test
	void reducedWithTheRenameBackGivesARenameToItselfAsInDjango() {
		assertReducesTo(setUpTestModel(), this.operation, new RenameField("Pony", "blue", "pink"),
				new RenameField("Pony", "pink", "pink"));
	}

	@Test
	void letsOperationsThroughThatReferenceNeitherName() {
		assertThrough(this.operation, new AlterField("Pony", "weight", INTEGER, true));
		assertBlocked(this.operation, new AlterField("Pony", "blue", INTEGER, true));
		assertBlocked(this.operation, new AddField("Pony", "pink", INTEGER, true));
	}

	@Test
	void renamesTheColumnForwardsAndBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation,
				column("test_app_pony", "blue", true).and(column("test_app_pony", "pink", false)),
				column("test_app_pony", "pink", true).and(column("test_app_pony", "blue", false)));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - RenameField:
				      model_name: Pony
				      old_name: pink
				      new_name: blue
				""");
	}

}
