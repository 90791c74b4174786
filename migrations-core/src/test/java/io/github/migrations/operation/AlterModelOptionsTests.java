package io.github.migrations.operation;

import java.sql.Connection;
import java.util.List;

import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlterModelOptions}, after Django's {@code test_alter_model_options}.
 */
class AlterModelOptionsTests extends AbstractOperationTests {

	private final AlterModelOptions operation = new AlterModelOptions("Pony",
			new ModelOptions(List.of("-weight"), "pony", "ponies"));

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Change Meta options on Pony");
		assertThat(this.operation.formattedDescription()).isEqualTo("~ Change Meta options on Pony");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("alter_pony_options");
	}

	@Test
	void stateForwardsReplacesTheOptionsSoOptionsLeftOutAreRemoved() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "Pony").options()).isEqualTo(this.operation.options());
		ProjectState emptied = new AlterModelOptions("Pony", ModelOptions.NONE).stateForwards(APP, state);
		assertThat(emptied.model(APP, "Pony").options()).isEqualTo(ModelOptions.NONE);
	}

	@Test
	void runsNoSqlInEitherDirection() throws Exception {
		ProjectState before = setUpTestModel();
		ProjectState after = this.operation.stateForwards(APP, before);
		try (TestDatabase database = TestDatabases.h2(); Connection connection = database.connection()) {
			BaseSchemaEditor editor = SchemaEditors.create(connection, true);
			this.operation.databaseForwards(APP, editor, before, after);
			this.operation.databaseBackwards(APP, editor, after, before);
			assertThat(editor.collectedSql()).isEmpty();
		}
	}

	@Test
	void reducedWithAnotherAlterModelOptionsOrDeleteModelKeepsTheLaterOne() {
		AlterModelOptions later = new AlterModelOptions("pony", new ModelOptions(List.of("pink"), null, null));
		assertReducesTo(setUpTestModel(), this.operation, later, later);
		assertReducesTo(setUpTestModel(), this.operation, new DeleteModel("Pony"), new DeleteModel("Pony"));
	}

	@Test
	void letsOperationsOnOtherModelsThrough() {
		assertThrough(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(this.operation, new AlterModelTable("Pony", "ponies"));
		assertBlocked(this.operation, new RemoveField("Pony", "weight"));
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - AlterModelOptions:
				      name: Pony
				      options: {ordering: [-weight], verbose_name: 'pony', verbose_name_plural: 'ponies'}
				""");
		assertThat(writeAndLoad(new AlterModelOptions("Pony", ModelOptions.NONE))).isEqualTo("""
				  - AlterModelOptions:
				      name: Pony
				      options: {}
				""");
	}

}
