package io.github.migrations.operation;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AlterField}, after Django's {@code test_alter_field}.
 */
class AlterFieldTests extends AbstractOperationTests {

	private static final FieldState NULLABLE_PINK = INTEGER.withNullable(true).withDbComment("how pink");

	private final AlterField operation = new AlterField("Pony", "pink", NULLABLE_PINK, true);

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Alter field pink on Pony");
		assertThat(this.operation.formattedDescription()).isEqualTo("~ Alter field pink on Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("alter_pony_pink");
	}

	@Test
	void stateForwardsReplacesTheFieldInPlace() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").fields()).containsOnlyKeys("id", "pink", "weight");
		assertThat(state.model(APP, "Pony").field("pink")).isEqualTo(NULLABLE_PINK);
	}

	@Test
	void stateForwardsForgetsADefaultThatIsNotPreserved() {
		ProjectState state = new AlterField("Pony", "weight", FLOAT.withDefault("1.0"), false)
			.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").field("weight")).isEqualTo(FLOAT);
	}

	@Test
	void stateForwardsRefusesAFieldThatDoesNotExist() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AlterField("Pony", "mane", INTEGER, true).stateForwards(APP, setUpTestModel()))
			.withMessage("test_app.Pony has no field named 'mane'");
	}

	@Test
	void reducedWithAnotherAlterFieldOrRemoveFieldKeepsTheLaterOne() {
		AlterField later = new AlterField("Pony", "pink", FLOAT, true);
		assertReducesTo(setUpTestModel(), this.operation, later, later);
		assertReducesTo(setUpTestModel(), this.operation, new RemoveField("Pony", "pink"), new RemoveField("Pony", "pink"));
	}

	@Test
	void reducedWithRenameFieldRenamesFirstThenAlters() {
		RenameField rename = new RenameField("Pony", "pink", "blue");
		assertReducesTo(setUpTestModel(), this.operation, rename, rename,
				new AlterField("Pony", "blue", NULLABLE_PINK, true));
	}

	@Test
	void isNotReducedWithRenameFieldWhenTheColumnIsExplicit() {
		AlterField explicit = new AlterField("Pony", "pink", INTEGER.withDbColumn("pink_col"), true);
		assertBlocked(explicit, new RenameField("Pony", "pink", "blue"));
	}

	@Test
	void letsOperationsThroughThatDoNotReferenceTheField() {
		assertThrough(this.operation, new AlterField("Pony", "weight", INTEGER, true));
		assertBlocked(this.operation, new AddField("Pony", "pink", INTEGER, true));
	}

	@Test
	void altersTheColumnForwardsAndBackwards() throws Exception {
		String insertNull = "INSERT INTO test_app_pony (pink, weight) VALUES (NULL, 1)";
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation, runs(insertNull, true),
				runs(insertNull, false));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - AlterField:
				      model_name: Pony
				      name: pink
				      field: {type: IntegerField, null: true, db_comment: 'how pink'}
				""");
		writeAndLoad(new AlterField("Pony", "pink", FieldState.of(new FieldType.PositiveSmallIntegerField())
			.withDbDefault("3")
			.withChoices(java.util.List.of("1", "2", "3"))
			.withDefault("1"), false));
	}

}
