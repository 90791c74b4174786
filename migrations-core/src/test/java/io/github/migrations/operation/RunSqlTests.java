package io.github.migrations.operation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RunSql}, after Django's {@code test_run_sql}: run on a real H2 database.
 */
class RunSqlTests extends AbstractOperationTests {

	private final RunSql operation = new RunSql(
			List.of("CREATE TABLE i_love_ponies (id int, special_thing varchar(15))",
					"INSERT INTO i_love_ponies (id, special_thing) VALUES (1, 'i love ponies')"),
			List.of("DROP TABLE i_love_ponies"));

	@Test
	void describesItselfAsDjangoDoes() {
		assertThat(this.operation.describe()).isEqualTo("Raw SQL operation");
		assertThat(this.operation.formattedDescription()).isEqualTo("s Raw SQL operation");
		assertThat(this.operation.migrationNameFragment()).isNull();
	}

	@Test
	void leavesTheStateAlone() {
		assertLeavesTheStateAlone(this.operation);
	}

	@Test
	void runsItsStatementsForwardsAndItsReverseStatementsBackwards() throws Exception {
		ProjectState state = setUpTestModel();
		try (TestDatabase database = TestDatabases.h2(); Connection connection = database.connection()) {
			BaseSchemaEditor editor = SchemaEditors.create(connection, false);
			this.operation.databaseForwards(APP, editor, state, state);
			assertThat(Introspector.hasTable(connection, "i_love_ponies")).isTrue();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT special_thing FROM i_love_ponies")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("i love ponies");
			}
			this.operation.databaseBackwards(APP, editor, state, state);
			assertThat(Introspector.hasTable(connection, "i_love_ponies")).isFalse();
		}
	}

	@Test
	void isReversibleOnlyWithReverseStatementsOfWhichNoneIsANoOp() {
		assertThat(this.operation.reversible()).isTrue();
		assertThat(new RunSql(List.of("SELECT 1"), List.of()).reversible()).isTrue();
		RunSql irreversible = new RunSql(List.of("SELECT 1"), null);
		assertThat(irreversible.reversible()).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> irreversible.databaseBackwards(APP, null, ProjectState.empty(), ProjectState.empty()))
			.withMessage("You cannot reverse this operation");
	}

	@Test
	void isABarrierForEveryOperation() {
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(this.operation, new RunSql(List.of("SELECT 2"), null));
		assertBlocked(new AddField("Stable", "size", INTEGER, true), this.operation);
		assertBlocked(new CreateModel("Horse", fields("id", AUTO), null), this.operation);
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(this.operation)).isEqualTo("""
				  - RunSql:
				      sql:
				        - 'CREATE TABLE i_love_ponies (id int, special_thing varchar(15))'
				        - 'INSERT INTO i_love_ponies (id, special_thing) VALUES (1, ''i love ponies'')'
				      reverse_sql:
				        - 'DROP TABLE i_love_ponies'
				""");
		assertThat(writeAndLoad(new RunSql(List.of("UPDATE pony\nSET pink = 1"), List.of()))).isEqualTo("""
				  - RunSql:
				      sql:
				        - "UPDATE pony\\nSET pink = 1"
				      reverse_sql: []
				""");
		assertThat(writeAndLoad(new RunSql(List.of("SELECT 1"), null))).doesNotContain("reverse_sql");
	}

}
