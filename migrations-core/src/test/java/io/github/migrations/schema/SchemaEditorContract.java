package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.migrations.operation.Operation;
import io.github.migrations.state.ProjectState;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every part of the schema editor contract suite needs: the connection of the database
 * under test, editors on it, operations run forwards and backwards the way the executor runs
 * them, and plain JDBC to look at the result. Implemented by {@link AbstractSchemaEditorTests},
 * whose vendor subclasses run every contract interface against a real database.
 */
interface SchemaEditorContract {

	/** The app label the contract models live in. */
	String APP = "shop";

	/**
	 * Return the connection to the database under test (auto-commit).
	 * @return the connection
	 */
	Connection connection();

	/**
	 * Run an action on a new editor, flush it, and return the statements it ran.
	 * @param action the action
	 * @return the statements
	 */
	default List<String> edit(Consumer<BaseSchemaEditor> action) {
		BaseSchemaEditor editor = SchemaEditors.create(connection(), false);
		try {
			action.accept(editor);
		}
		finally {
			editor.close();
		}
		return editor.collectedSql();
	}

	/**
	 * Apply operations forwards in one editor, as the executor applies a migration.
	 * @param state the state before
	 * @param operations the operations
	 * @return the state after
	 */
	default ProjectState forwards(ProjectState state, Operation... operations) {
		ProjectState[] current = { state };
		edit((editor) -> {
			for (Operation operation : operations) {
				ProjectState next = operation.stateForwards(APP, current[0]);
				editor.setProjectState(next.withFallback(current[0]));
				operation.databaseForwards(APP, editor, current[0], next);
				current[0] = next;
			}
		});
		return current[0];
	}

	/**
	 * Unapply operations that were applied forwards from {@code state}, in reverse order, as the
	 * executor unapplies a migration.
	 * @param state the state before the operations were applied
	 * @param operations the operations, in their forwards order
	 * @return the statements run
	 */
	default List<String> backwards(ProjectState state, Operation... operations) {
		return edit((editor) -> unapply(editor, state, operations));
	}

	private static void unapply(BaseSchemaEditor editor, ProjectState state, Operation... operations) {
		List<ProjectState> states = new ArrayList<>();
		ProjectState current = state;
		for (Operation operation : operations) {
			states.add(current);
			current = operation.stateForwards(APP, current);
		}
		states.add(current);
		for (int i = operations.length - 1; i >= 0; i--) {
			editor.setProjectState(states.get(i).withFallback(states.get(i + 1)));
			operations[i].databaseBackwards(APP, editor, states.get(i + 1), states.get(i));
		}
	}

	/**
	 * Return the SQL the operations would run forwards, from an editor in collect-only mode.
	 * @param state the state before
	 * @param operations the operations
	 * @return the statements
	 */
	default List<String> sqlForwards(ProjectState state, Operation... operations) {
		BaseSchemaEditor editor = SchemaEditors.create(connection(), true);
		ProjectState current = state;
		for (Operation operation : operations) {
			ProjectState next = operation.stateForwards(APP, current);
			editor.setProjectState(next.withFallback(current));
			operation.databaseForwards(APP, editor, current, next);
			current = next;
		}
		editor.close();
		return editor.collectedSql();
	}

	/**
	 * Return the SQL that creates the book of {@link SchemaTestModels#looseAuthorAndEditor}, after
	 * its author's table.
	 * @param editorOnDelete the rule of the book's {@code editor}
	 * @return the statements
	 */
	default List<String> looseBookSql(io.github.migrations.state.OnDelete editorOnDelete) {
		List<String> sql = sqlForwards(ProjectState.empty(), SchemaTestModels.looseAuthorAndEditor(editorOnDelete));
		return sql.subList(1, sql.size());
	}

	/**
	 * Return the SQL that unapplying operations applied forwards from {@code state} would run,
	 * from an editor in collect-only mode.
	 * @param state the state before the operations were applied
	 * @param operations the operations, in their forwards order
	 * @return the statements
	 */
	default List<String> sqlBackwards(ProjectState state, Operation... operations) {
		BaseSchemaEditor editor = SchemaEditors.create(connection(), true);
		unapply(editor, state, operations);
		editor.close();
		return editor.collectedSql();
	}

	/**
	 * Return a collect-only editor, to ask it about names and literals.
	 * @return the editor
	 */
	default BaseSchemaEditor inspector() {
		return SchemaEditors.create(connection(), true);
	}

	/**
	 * Quote a name as the editor does.
	 * @param name the name
	 * @return the quoted name
	 */
	default String q(String name) {
		return inspector().quoteName(name);
	}

	default void execute(String sql) throws SQLException {
		try (PreparedStatement statement = connection().prepareStatement(sql)) {
			statement.execute();
		}
	}

	default void insert(String table, List<String> columns, Object... values) throws SQLException {
		List<String> quoted = columns.stream().map(this::q).toList();
		String sql = "INSERT INTO " + q(table) + " (" + String.join(", ", quoted) + ") VALUES ("
				+ String.join(", ", columns.stream().map((column) -> "?").toList()) + ")";
		try (PreparedStatement statement = connection().prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			statement.executeUpdate();
		}
	}

	default List<List<Object>> query(String sql) throws SQLException {
		List<List<Object>> rows = new ArrayList<>();
		try (PreparedStatement statement = connection().prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			int count = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= count; i++) {
					row.add(result.getObject(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	default List<Object> column(String table, String column) throws SQLException {
		List<Object> values = new ArrayList<>();
		for (List<Object> row : query("SELECT " + q(column) + " FROM " + q(table) + " ORDER BY " + q("id"))) {
			values.add(row.get(0));
		}
		return values;
	}

	default void assertFails(SqlAction action) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(action::run);
	}

	/**
	 * JDBC work that may fail.
	 */
	@FunctionalInterface
	interface SqlAction {

		void run() throws SQLException;

	}

}
