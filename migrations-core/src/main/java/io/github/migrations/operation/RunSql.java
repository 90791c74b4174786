package io.github.migrations.operation;

import java.util.List;

import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Run raw SQL statements (Django's {@code RunSQL}). Reversible only when reverse statements are
 * given (an empty list is a reverse that does nothing).
 *
 * @param sql the statements run forwards, each without a trailing semicolon
 * @param reverseSql the statements run backwards, or {@code null} when irreversible
 * @since 0.1
 */
public record RunSql(List<String> sql, @Nullable List<String> reverseSql) implements OpaqueOperation {

	public RunSql {
		sql = List.copyOf(sql);
		reverseSql = (reverseSql != null) ? List.copyOf(reverseSql) : null;
	}

	@Override
	public ProjectState stateForwards(String app, ProjectState state) {
		return state;
	}

	@Override
	public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		this.sql.forEach(editor::execute);
	}

	@Override
	public void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
		Operations.requireReverse(this.reverseSql).forEach(editor::execute);
	}

	@Override
	public boolean reversible() {
		return this.reverseSql != null;
	}

	@Override
	public String describe() {
		return "Raw SQL operation";
	}

	@Override
	public OperationCategory category() {
		return OperationCategory.SQL;
	}

}
