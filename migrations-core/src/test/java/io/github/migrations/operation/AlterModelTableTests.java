package io.github.migrations.operation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlterModelTable}, after Django's {@code test_alter_model_table}.
 */
class AlterModelTableTests extends AbstractOperationTests {

	private final AlterModelTable operation = new AlterModelTable("Pony", "test_almota_pony_2");

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Rename table for Pony to test_almota_pony_2");
		assertThat(this.operation.formattedDescription()).isEqualTo("~ Rename table for Pony to test_almota_pony_2");
		assertThat(new AlterModelTable("Pony", null).describe()).isEqualTo("Rename table for Pony to (default)");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("alter_pony_table");
	}

	@Test
	void stateForwardsSetsTheTableAndNullRestoresTheDefault() {
		assertThat(this.operation.stateForwards(APP, setUpTestModel()).model(APP, "Pony").table())
			.isEqualTo("test_almota_pony_2");
		assertThat(apply(setUpTestModel(), this.operation, new AlterModelTable("Pony", null)).model(APP, "Pony").table())
			.isEqualTo("test_app_pony");
	}

	@Test
	void reducedWithAnotherAlterModelTableOrDeleteModelKeepsTheLaterOne() {
		AlterModelTable later = new AlterModelTable("pony", "ponies");
		assertReducesTo(setUpTestModel(), this.operation, later, later);
		assertReducesTo(setUpTestModel(), this.operation, new DeleteModel("Pony"), new DeleteModel("Pony"));
	}

	@Test
	void letsOperationsOnOtherModelsThrough() {
		assertThrough(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertThrough(this.operation, new AlterModelTable("Stable", "stables"));
		assertBlocked(this.operation, new AddField("Pony", "size", INTEGER, true));
		assertBlocked(this.operation, new AlterModelOptions("Pony", io.github.migrations.state.ModelOptions.NONE));
	}

	@Test
	void renamesTheTableForwardsAndBackwards() throws Exception {
		assertDatabaseForwardsAndBackwards(setUpTestModel(), this.operation,
				table("test_almota_pony_2", true).and(table("test_app_pony", false)),
				table("test_app_pony", true).and(table("test_almota_pony_2", false)));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - AlterModelTable:
				      name: Pony
				      table: test_almota_pony_2
				""");
		assertThat(writeAndLoad(new AlterModelTable("Pony", null))).isEqualTo("""
				  - AlterModelTable:
				      name: Pony
				      table: null
				""");
	}

}
