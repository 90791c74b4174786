package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AddField}, after Django's {@code test_add_field} and
 * {@code test_add_field_preserve_default}.
 */
class AddFieldTests extends AbstractOperationTests {

	private static final FieldState HEIGHT = FLOAT.withDefault("5");

	private final AddField operation = new AddField("Pony", "height", HEIGHT, true);

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Add field height to Pony");
		assertThat(this.operation.formattedDescription()).isEqualTo("+ Add field height to Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("pony_height");
	}

	@Test
	void stateForwardsAddsTheFieldLast() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").fields()).containsOnlyKeys("id", "pink", "weight", "height");
		assertThat(state.model(APP, "Pony").field("height")).isEqualTo(HEIGHT);
	}

	@Test
	void stateForwardsForgetsADefaultThatIsNotPreserved() {
		ProjectState state = new AddField("Pony", "height", HEIGHT, false).stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").field("height")).isEqualTo(FLOAT);
	}

	@Test
	void stateForwardsRefusesAFieldThatExists() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new AddField("Pony", "pink", INTEGER, true).stateForwards(APP, setUpTestModel()))
			.withMessage("test_app.Pony already has a field named 'pink'");
	}

	@Test
	void referencesItsFieldAndTheModelItsRelationPointsTo() {
		AddField relation = new AddField("Stable", "pony", foreignKey("test_app.pony"), true);
		assertThat(relation.referencesField("Stable", "pony", APP)).isTrue();
		assertThat(relation.referencesField("Pony", "weight", APP)).isTrue();
		assertThat(relation.referencesModel("Pony", APP)).isTrue();
		assertThat(relation.referencesField("Stable", "id", APP)).isFalse();
		assertThat(relation.referencesModel("Rider", APP)).isFalse();
	}

	@Test
	void reducedWithAlterFieldAddsTheAlteredField() {
		assertReducesTo(setUpTestModel(), this.operation, new AlterField("Pony", "height", INTEGER, true),
				new AddField("Pony", "height", INTEGER, true));
	}

	@Test
	void reducedWithAlterFieldKeepsAOneOffDefaultForTheExistingRows() {
		// Django drops preserve_default here, so existing rows get no value and NOT NULL fails
		AddField oneOff = new AddField("Pony", "height", HEIGHT, false);
		assertReducesTo(setUpTestModel(), oneOff, new AlterField("Pony", "height", INTEGER, true),
				new AddField("Pony", "height", INTEGER.withDefault("5"), false));
	}

	@Test
	void reducedWithRemoveFieldLeavesNothing() {
		assertReducesTo(setUpTestModel(), this.operation, new RemoveField("Pony", "height"));
	}

	@Test
	void reducedWithRenameFieldAddsTheFieldUnderItsNewName() {
		assertReducesTo(setUpTestModel(), this.operation, new RenameField("Pony", "height", "size"),
				new AddField("Pony", "size", HEIGHT, true));
	}

	@Test
	void letsOperationsThroughThatDoNotReferenceTheField() {
		assertThrough(this.operation, new RemoveField("Pony", "weight"));
		assertThrough(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(this.operation, new AddField("Stable", "pony", foreignKey("test_app.pony"), true));
		assertBlocked(this.operation, new AddIndex("Stable", PINK_INDEX.withName("stable_idx")));
		assertBlocked(this.operation, new RunSql(List.of("SELECT 1"), null));
	}

	@Test
	void addsTheColumnForwardsAndDropsItBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation, column("test_app_pony", "height", true),
				column("test_app_pony", "height", false));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - AddField:
				      model_name: Pony
				      name: height
				      field: {type: FloatField, default: '5'}
				""");
		assertThat(writeAndLoad(new AddField("pony", "tags",
				FieldState.of(new FieldType.ManyToManyField("test_app.stable", null)), true))).isEqualTo("""
						  - AddField:
						      model_name: pony
						      name: tags
						      field: {type: ManyToManyField, to: test_app.stable}
						""");
		assertThat(writeAndLoad(new AddField("Pony", "height", HEIGHT, false))).endsWith("      preserve_default: false\n");
	}

}
