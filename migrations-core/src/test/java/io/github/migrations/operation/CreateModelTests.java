package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CreateModel}, after Django's {@code test_create_model}.
 */
class CreateModelTests extends AbstractOperationTests {

	private final CreateModel operation = new CreateModel("Horse",
			fields("id", AUTO, "pink", INTEGER.withDefault("1"), "pony", foreignKey("test_app.pony")), null);

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Create model Horse");
		assertThat(this.operation.formattedDescription()).isEqualTo("+ Create model Horse");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("horse");
		assertThat(this.operation.reversible()).isTrue();
	}

	@Test
	void stateForwardsAddsTheModelWithItsFieldsIndexesConstraintsAndOptions() {
		CreateModel operation = new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER), "stable_horses",
				List.of(new IndexState("horse_pink_idx", List.of("-pink"), null)),
				List.of(new ConstraintState.Check("horse_pink_gte_0", "pink >= 0")),
				new ModelOptions(List.of("pink"), "horse", "horses"));
		ProjectState state = operation.stateForwards(APP, ProjectState.empty());
		ModelState horse = state.model(APP, "horse");
		assertThat(horse.name()).isEqualTo("Horse");
		assertThat(horse.fields()).containsOnlyKeys("id", "pink");
		assertThat(horse.table()).isEqualTo("stable_horses");
		assertThat(horse.index("horse_pink_idx").fields()).containsExactly("-pink");
		assertThat(horse.constraint("horse_pink_gte_0")).isEqualTo(operation.constraints().get(0));
		assertThat(horse.options().ordering()).containsExactly("pink");
		assertThat(this.operation.stateForwards(APP, ProjectState.empty()).model(APP, "Horse").table())
			.isEqualTo("test_app_horse");
	}

	@Test
	void ofRecreatesTheOperationFromTheModelState() {
		ModelState pony = setUpTestModel().model(APP, "Pony");
		assertThat(CreateModel.of(pony).stateForwards(APP, ProjectState.empty()).model(APP, "Pony")).isEqualTo(pony);
	}

	@Test
	void referencesItselfAndTheModelsItsRelationsPointTo() {
		assertThat(this.operation.referencesModel("horse", APP)).isTrue();
		assertThat(this.operation.referencesModel("Pony", APP)).isTrue();
		assertThat(this.operation.referencesModel("Stable", APP)).isFalse();
		assertThat(this.operation.referencesModel("Pony", "other_app")).isFalse();
	}

	@Test
	void reducedWithDeleteModelOfTheSameModelLeavesNothing() {
		assertReducesTo(setUpTestModel(), this.operation, new DeleteModel("horse"));
	}

	@Test
	void reducedWithRenameModelCreatesTheModelUnderItsNewName() {
		assertReducesTo(setUpTestModel(), this.operation, new RenameModel("Horse", "Mule"),
				new CreateModel("Mule", this.operation.fields(), null));
	}

	@Test
	void reducedWithRenameModelRepointsRelationsOfTheModelToItself() {
		// Django keeps 'test_app.horse' here, leaving a relation to a model that no longer exists
		CreateModel selfReferencing = new CreateModel("Horse", fields("id", AUTO, "sire", foreignKey("test_app.horse")),
				null);
		assertReducesTo(ProjectState.empty(), selfReferencing, new RenameModel("Horse", "Mule"),
				new CreateModel("Mule", fields("id", AUTO, "sire", foreignKey("test_app.mule")), null));
	}

	@Test
	void reducedWithAlterModelOptionsReplacesTheOptions() {
		CreateModel ordered = new CreateModel("Horse", fields("id", AUTO), null, List.of(), List.of(),
				new ModelOptions(List.of("id"), "horse", null));
		ModelOptions options = new ModelOptions(List.of("-id"), null, null);
		assertReducesTo(ProjectState.empty(), ordered, new AlterModelOptions("Horse", options),
				new CreateModel("Horse", fields("id", AUTO), null, List.of(), List.of(), options));
	}

	@Test
	void reducedWithAlterModelTableTakesTheTable() {
		assertReducesTo(setUpTestModel(), this.operation, new AlterModelTable("Horse", "horses"),
				new CreateModel("Horse", this.operation.fields(), "horses"));
	}

	@Test
	void reducedWithAddFieldAppendsTheField() {
		assertReducesTo(setUpTestModel(), this.operation, new AddField("Horse", "height", FLOAT, true),
				new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER.withDefault("1"), "pony",
						foreignKey("test_app.pony"), "height", FLOAT), null));
	}

	@Test
	void reducedWithAddFieldDropsAOneOffDefaultThatANewTableDoesNotNeed() {
		// Django keeps it, making a default given only for existing rows permanent
		assertReducesTo(setUpTestModel(), this.operation, new AddField("Horse", "height", FLOAT.withDefault("1.5"), false),
				new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER.withDefault("1"), "pony",
						foreignKey("test_app.pony"), "height", FLOAT), null));
	}

	@Test
	void reducedWithAlterFieldReplacesTheField() {
		assertReducesTo(setUpTestModel(), this.operation, new AlterField("Horse", "pink", FLOAT, true),
				new CreateModel("Horse",
						fields("id", AUTO, "pink", FLOAT, "pony", foreignKey("test_app.pony")), null));
	}

	@Test
	void reducedWithRemoveFieldDropsTheField() {
		assertReducesTo(setUpTestModel(), this.operation, new RemoveField("Horse", "pony"),
				new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER.withDefault("1")), null));
	}

	@Test
	void reducedWithRenameFieldRenamesTheFieldInPlaceAndInIndexesConstraintsAndOrdering() {
		CreateModel indexed = new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER), null,
				List.of(new IndexState("horse_pink_idx", List.of("-pink"), null)),
				List.of(new ConstraintState.Unique("horse_pink_uniq", List.of("pink"), null)),
				new ModelOptions(List.of("-pink"), null, null));
		assertReducesTo(ProjectState.empty(), indexed, new RenameField("Horse", "pink", "blue"),
				new CreateModel("Horse", fields("id", AUTO, "blue", INTEGER), null,
						List.of(new IndexState("horse_pink_idx", List.of("-blue"), null)),
						List.of(new ConstraintState.Unique("horse_pink_uniq", List.of("blue"), null)),
						new ModelOptions(List.of("-blue"), null, null)));
	}

	@Test
	void reducedWithIndexAndConstraintOperationsFoldsThemIntoTheModel() {
		IndexState index = new IndexState("horse_pink_idx", List.of("pink"), null);
		ConstraintState check = new ConstraintState.Check("horse_pink_gte_0", "pink >= 0");
		CreateModel plain = new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER), null);
		CreateModel full = new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER), null, List.of(index),
				List.of(check), ModelOptions.NONE);
		assertReducesTo(ProjectState.empty(), plain, new AddIndex("Horse", index),
				new CreateModel("Horse", plain.fields(), null, List.of(index), List.of(), ModelOptions.NONE));
		assertReducesTo(ProjectState.empty(), plain, new AddConstraint("Horse", check),
				new CreateModel("Horse", plain.fields(), null, List.of(), List.of(check), ModelOptions.NONE));
		assertReducesTo(ProjectState.empty(), full, new RemoveIndex("Horse", "horse_pink_idx"),
				new CreateModel("Horse", plain.fields(), null, List.of(), List.of(check), ModelOptions.NONE));
		assertReducesTo(ProjectState.empty(), full, new RemoveConstraint("Horse", "horse_pink_gte_0"),
				new CreateModel("Horse", plain.fields(), null, List.of(index), List.of(), ModelOptions.NONE));
	}

	@Test
	void isNotReducedWithRenameIndexAsInDjango() {
		CreateModel indexed = new CreateModel("Horse", fields("id", AUTO, "pink", INTEGER), null,
				List.of(new IndexState("horse_pink_idx", List.of("pink"), null)), List.of(), ModelOptions.NONE);
		assertBlocked(indexed, new RenameIndex("Horse", "horse_blue_idx", "horse_pink_idx"));
	}

	@Test
	void letsOperationsThatDoNotReferenceItThrough() {
		assertThrough(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertThrough(this.operation, new CreateModel("Mule", fields("id", AUTO), null));
		assertBlocked(this.operation, new AddField("Stable", "horse", foreignKey("test_app.horse"), true));
		assertBlocked(this.operation, new RunSql(List.of("SELECT 1"), null));
	}

	@Test
	void createsTheTableForwardsAndDropsItBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation,
				table("test_app_horse", true).and(column("test_app_horse", "pony_id", true)),
				table("test_app_horse", false));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - CreateModel:
				      name: Horse
				      fields:
				        id: {type: AutoField, primary_key: true}
				        pink: {type: IntegerField, default: 1}
				        pony: {type: ForeignKey, to: test_app.pony, on_delete: CASCADE}
				""");
		writeAndLoad(CreateModel.of(setUpTestModel().model(APP, "Pony").withDbTable("ponies")
			.withOptions(new ModelOptions(List.of("-weight"), "pony", "ponies"))));
		writeAndLoad(new CreateModel("Empty", fields(), null));
	}

}
