package io.github.migrations.schema;

import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MySqlSchemaEditor} against a real MySQL 8 server: the whole contract suite. Runs where
 * {@code MIGRATIONS_TEST_MYSQL_URL} is set or a Docker engine can start {@code mysql:8.4}; skipped,
 * saying so in the vendor report, where neither is (see {@link TestDatabases}). The SQL itself is
 * checked without a server by {@link MySqlSchemaEditorSqlTests}.
 */
class MySqlSchemaEditorTests extends AbstractSchemaEditorTests {

	@Override
	protected TestDatabase createDatabase() {
		return TestDatabases.mysql();
	}

	@Test
	void factoryChoosesTheMySqlEditor() {
		assertThat(SchemaEditors.create(this.connection, true)).isExactlyInstanceOf(MySqlSchemaEditor.class);
	}

	@Test
	void referenceMigrationsRunForwardsAndBackwards() {
		ProjectState afterInitial = forwards(ProjectState.empty(), DjangoReference.initial("`"));
		assertThat(Introspector.checkConstraintNames(this.connection, "shop_everything", "pos")).hasSize(1);
		forwards(afterInitial, DjangoReference.ops("`"));
		assertThat(Introspector.tableNames(this.connection)).containsExactlyInAnyOrder("shop_writer", "shop_smallkey",
				"evt", "evt_more");
		assertThat(Introspector.checkConstraintNames(this.connection, "evt", "small")).hasSize(1);
		backwards(afterInitial, DjangoReference.ops("`"));
		assertThat(Introspector.checkConstraintNames(this.connection, "shop_everything", "small")).isEmpty();
		backwards(ProjectState.empty(), DjangoReference.initial("`"));
		assertThat(Introspector.tableNames(this.connection)).isEmpty();
	}

}
