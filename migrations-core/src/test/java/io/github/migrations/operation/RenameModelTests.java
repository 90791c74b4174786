package io.github.migrations.operation;

import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RenameModel}, after Django's {@code test_rename_model}.
 */
class RenameModelTests extends AbstractOperationTests {

	private final RenameModel operation = new RenameModel("Pony", "Horse");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Rename model Pony to Horse");
		assertThat(this.operation.formattedDescription()).isEqualTo("~ Rename model Pony to Horse");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("rename_pony_horse");
	}

	@Test
	void stateForwardsRenamesTheModelAndRepointsRelationsToIt() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.find(new ModelKey(APP, "pony"))).isNull();
		assertThat(state.model(APP, "horse").name()).isEqualTo("Horse");
		assertThat(state.model(APP, "horse").table()).isEqualTo("test_app_horse");
		assertThat(state.model(APP, "horse").fields()).containsOnlyKeys("id", "pink", "weight");
		assertThat(state.model(APP, "rider").field("pony").type())
			.isEqualTo(new FieldType.ForeignKey("test_app.horse", io.github.migrations.state.OnDelete.CASCADE));
		assertThat(state.model(APP, "rider").field("friend").type().relatedModel()).isEqualTo(new ModelKey(APP, "rider"));
	}

	@Test
	void stateForwardsRepointsManyToManyTargetsAndThroughModels() {
		ProjectState state = apply(setUpTestModel(), new AddField("Stable", "ponies",
				io.github.migrations.state.FieldState.of(new FieldType.ManyToManyField("test_app.pony", "test_app.rider")),
				true), new RenameModel("Rider", "Jockey"), this.operation);
		assertThat(state.model(APP, "stable").field("ponies").type())
			.isEqualTo(new FieldType.ManyToManyField("test_app.horse", "test_app.jockey"));
	}

	@Test
	void reducedWithAnotherRenameOfTheNewNameRenamesOnce() {
		assertReducesTo(setUpTestModel(), this.operation, new RenameModel("Horse", "Mule"), new RenameModel("Pony", "Mule"));
	}

	@Test
	void letsOperationsThroughThatReferenceNeitherName() {
		assertThrough(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(this.operation, new AddField("Horse", "size", INTEGER, true));
		assertBlocked(this.operation, new AddField("Stable", "horse", foreignKey("test_app.horse"), true));
	}

	@Test
	void doesNotLetAModelCreatedUnderTheOldNameThrough() {
		// Django lets it through and can then move a later rename of the new name before it
		assertBlocked(this.operation, new CreateModel("Pony", fields("id", AUTO), null));
	}

	@Test
	void renamesTheTableForwardsAndBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation,
				table("test_app_horse", true).and(table("test_app_pony", false)),
				table("test_app_pony", true).and(table("test_app_horse", false)));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - RenameModel:
				      old_name: Pony
				      new_name: Horse
				""");
	}

}
