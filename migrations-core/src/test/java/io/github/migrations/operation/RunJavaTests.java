package io.github.migrations.operation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.github.migrations.MigrationException;
import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RunJava}, Django's {@code RunPython} ({@code test_run_python}): the code runs
 * on a real H2 database and gets the historical state.
 */
class RunJavaTests extends AbstractOperationTests {

	private final RunJava operation = new RunJava(CountModels.class.getName(), DeleteCounts.class.getName());

	@Test
	void describesItselfAsDjangoDescribesRunPython() {
		// Django says "Raw Python operation"; the code here is Java
		assertThat(this.operation.describe()).isEqualTo("Raw Java operation");
		assertThat(this.operation.formattedDescription()).isEqualTo("p Raw Java operation");
		assertThat(this.operation.migrationNameFragment()).isNull();
	}

	@Test
	void leavesTheStateAlone() {
		assertLeavesTheStateAlone(this.operation);
	}

	@Test
	void runsItsCodeForwardsAndItsReverseCodeBackwardsWithTheHistoricalState() throws Exception {
		ProjectState before = setUpTestModel();
		ProjectState after = this.operation.stateForwards(APP, before);
		try (TestDatabase database = TestDatabases.h2(); Connection connection = database.connection()) {
			execute(connection, "CREATE TABLE model_counts (models int)");
			BaseSchemaEditor editor = SchemaEditors.create(connection, false);
			this.operation.databaseForwards(APP, editor, before, after);
			assertThat(count(connection)).isEqualTo(3);
			this.operation.databaseBackwards(APP, editor, after, before);
			assertThat(count(connection)).isZero();
		}
	}

	@Test
	void doesNotRunWhenOnlyCollectingSql() throws Exception {
		try (TestDatabase database = TestDatabases.h2(); Connection connection = database.connection()) {
			BaseSchemaEditor editor = SchemaEditors.create(connection, true);
			new RunJava(Fails.class.getName(), null).databaseForwards(APP, editor, ProjectState.empty(),
					ProjectState.empty());
			assertThat(editor.collectedSql()).isEmpty();
		}
	}

	@Test
	void isReversibleOnlyWithReverseCode() {
		assertThat(this.operation.reversible()).isTrue();
		RunJava irreversible = new RunJava(CountModels.class.getName(), null);
		assertThat(irreversible.reversible()).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> irreversible.databaseBackwards(APP, null, ProjectState.empty(), ProjectState.empty()))
			.withMessage("You cannot reverse this operation");
	}

	@Test
	void namesTheClassWhenItCannotBeUsed() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> RunJava.instantiate("com.example.Missing"))
			.withMessage("RunJava class com.example.Missing was not found on the classpath. Restore the class or"
					+ " change the migration file.");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> RunJava.instantiate(String.class.getName()))
			.withMessage("RunJava class java.lang.String does not implement " + MigrationCode.class.getName()
					+ ". Implement it, or point the migration to a class that does.");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> RunJava.instantiate(NoDefaultConstructor.class.getName()))
			.withMessage("RunJava class " + NoDefaultConstructor.class.getName()
					+ " cannot be created; it needs a public no-argument constructor.");
	}

	@Test
	void isABarrierForEveryOperation() {
		assertBlocked(this.operation, new AddField("Stable", "size", INTEGER, true));
		assertBlocked(new AddField("Stable", "size", INTEGER, true), this.operation);
	}

	@Test
	void writesAndLoadsBackAsYaml() {
		assertThat(writeAndLoad(new RunJava("com.example.ponies.FillPink", "com.example.ponies.ClearPink")))
			.isEqualTo("""
					  - RunJava:
					      code: com.example.ponies.FillPink
					      reverse_code: com.example.ponies.ClearPink
					""");
		assertThat(writeAndLoad(this.operation))
			.contains("      code: '" + CountModels.class.getName() + "'\n");
		assertThat(writeAndLoad(new RunJava("com.example.ponies.FillPink", null))).doesNotContain("reverse_code");
	}

	private static void execute(Connection connection, String sql) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int count(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT coalesce(sum(models), 0) FROM model_counts")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	/** Records how many models the historical state has. */
	public static class CountModels implements MigrationCode {

		@Override
		public void run(Connection connection, ProjectState state) throws Exception {
			execute(connection, "INSERT INTO model_counts VALUES (" + state.models().size() + ")");
		}

	}

	/** Undoes {@link CountModels}. */
	public static class DeleteCounts implements MigrationCode {

		@Override
		public void run(Connection connection, ProjectState state) throws Exception {
			execute(connection, "DELETE FROM model_counts");
		}

	}

	/** Fails if it is ever run. */
	public static class Fails implements MigrationCode {

		@Override
		public void run(Connection connection, ProjectState state) {
			throw new IllegalStateException("must not run");
		}

	}

	/** Cannot be created by name. */
	public static class NoDefaultConstructor implements MigrationCode {

		public NoDefaultConstructor(List<String> unused) {
		}

		@Override
		public void run(Connection connection, ProjectState state) {
		}

	}

}
