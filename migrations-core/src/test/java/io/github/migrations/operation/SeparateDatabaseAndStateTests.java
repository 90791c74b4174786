package io.github.migrations.operation;

import java.sql.Connection;
import java.util.List;

import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SeparateDatabaseAndState}, after Django's
 * {@code test_separate_database_and_state}: the database part runs on a real H2 database.
 */
class SeparateDatabaseAndStateTests extends AbstractOperationTests {

	private final SeparateDatabaseAndState operation = new SeparateDatabaseAndState(
			List.of(new RunSql(List.of("CREATE TABLE i_love_ponies (id int, special_thing int)"),
					List.of("DROP TABLE i_love_ponies"))),
			List.of(new CreateModel("SomethingElse", fields("id", AUTO), "i_love_ponies")));

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Custom state/database change combination");
		assertThat(this.operation.formattedDescription()).isEqualTo("? Custom state/database change combination");
		assertThat(this.operation.migrationNameFragment()).isNull();
	}

	@Test
	void stateForwardsAppliesOnlyTheStateOperations() {
		ProjectState state = this.operation.stateForwards(APP, setUpTestModel());
		assertThat(state.model(APP, "SomethingElse").table()).isEqualTo("i_love_ponies");
		assertThat(state.models()).hasSize(4);
	}

	@Test
	void runsOnlyTheDatabaseOperationsForwardsAndBackwards() throws Exception {
		ProjectState before = setUpTestModel();
		ProjectState after = this.operation.stateForwards(APP, before);
		try (TestDatabase database = TestDatabases.h2(); Connection connection = database.connection()) {
			BaseSchemaEditor editor = SchemaEditors.create(connection, false);
			this.operation.databaseForwards(APP, editor, before, after);
			assertThat(Introspector.hasTable(connection, "i_love_ponies")).isTrue();
			assertThat(Introspector.tableNames(connection)).hasSize(1);
			this.operation.databaseBackwards(APP, editor, after, before);
			assertThat(Introspector.tableNames(connection)).isEmpty();
		}
	}

	@Test
	void isReversibleOnlyWhenEveryDatabaseOperationIs() {
		// Django always says reversible and fails half-way through instead
		assertThat(this.operation.reversible()).isTrue();
		assertThat(new SeparateDatabaseAndState(List.of(new RunSql(List.of("SELECT 1"), null)), List.of()).reversible())
			.isFalse();
		assertThat(new SeparateDatabaseAndState(List.of(), List.of(new RunSql(List.of("SELECT 1"), null))).reversible())
			.isTrue();
	}

	@Test
	void isABarrierForEveryOperation() {
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(new AddField("Stable", "size", INTEGER, true), this.operation);
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - SeparateDatabaseAndState:
				      database_operations:
				        - RunSql:
				            sql:
				              - 'CREATE TABLE i_love_ponies (id int, special_thing int)'
				            reverse_sql:
				              - 'DROP TABLE i_love_ponies'
				      state_operations:
				        - CreateModel:
				            name: SomethingElse
				            fields:
				              id: {type: AutoField, primary_key: true}
				            db_table: i_love_ponies
				""");
		writeAndLoad(new SeparateDatabaseAndState(List.of(), List.of(this.operation)));
	}

}
