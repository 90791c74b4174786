package io.github.migrations.command;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.CommandException;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.Migration;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RunJava;
import io.github.migrations.schema.SchemaEditor;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.state.ProjectState;

/**
 * {@code sqlmigrate}: print the SQL a migration runs, forwards or backwards. The statements come
 * from the same schema editor the executor uses, in collect-only mode, so they are exactly the
 * ones {@code migrate} runs.
 *
 * @since 0.1
 */
public final class SqlMigrate {

	private final CommandContext context;

	public SqlMigrate(CommandContext context) {
		this.context = context;
	}

	/**
	 * Options of sqlmigrate.
	 *
	 * @param app the app label
	 * @param migration the migration name or a unique prefix
	 * @param backwards print the SQL that unapplies it
	 */
	public record Options(String app, String migration, boolean backwards) {
	}

	/**
	 * Run the command.
	 * @param options the options
	 * @return the exit code
	 */
	public int run(Options options) {
		return this.context.withConnection("sqlmigrate", (connection, recorder) -> {
			MigrationLoader loader = this.context.loader(null);
			if (!loader.migratedApps().contains(options.app())) {
				throw new CommandException("App '" + options.app() + "' does not have migrations");
			}
			Migration migration = loader.migrationByPrefix(options.app(), options.migration());
			migration.checkTransactionMode(options.backwards());
			SchemaEditor editor = SchemaEditors.create(connection, true);
			List<String> lines = collect(loader, migration, editor, options.backwards());
			CommandOutput out = this.context.output();
			if (lines.isEmpty()) {
				out.error("No operations found.");
				return 0;
			}
			lines.forEach(out::println);
			return 0;
		});
	}

	private static List<String> collect(MigrationLoader loader, Migration migration, SchemaEditor editor,
			boolean backwards) {
		List<ProjectState> states = new ArrayList<>();
		ProjectState state = loader.projectState(migration.key(), false);
		for (int i = 0; i < migration.operations().size(); i++) {
			states.add(state);
			state = migration.stateForwards(i, state);
		}
		states.add(state);
		List<String> lines = new ArrayList<>();
		boolean wrap = migration.atomic() && editor.vendor().transactionalDdl();
		if (wrap) {
			lines.add("BEGIN;");
		}
		List<Operation> operations = migration.operations();
		for (int n = 0; n < operations.size(); n++) {
			int i = backwards ? operations.size() - 1 - n : n;
			Operation operation = operations.get(i);
			lines.add("--");
			lines.add("-- " + operation.describe());
			lines.add("--");
			int before = editor.collectedSql().size();
			editor.setProjectState(states.get(i + 1).withFallback(states.get(i)));
			if (backwards) {
				editor.setProjectState(states.get(i).withFallback(states.get(i + 1)));
				operation.databaseBackwards(migration.app(), editor, states.get(i + 1), states.get(i));
			}
			else {
				operation.databaseForwards(migration.app(), editor, states.get(i), states.get(i + 1));
			}
			List<String> sql = editor.collectedSql();
			if (operation instanceof RunJava) {
				lines.add("-- THIS OPERATION CANNOT BE WRITTEN AS SQL");
			}
			else if (sql.size() == before) {
				lines.add("-- (no-op)");
			}
			sql.subList(before, sql.size()).forEach((statement) -> lines.add(statement + ";"));
		}
		int before = editor.collectedSql().size();
		editor.flushDeferred();
		List<String> sql = editor.collectedSql();
		sql.subList(before, sql.size()).forEach((statement) -> lines.add(statement + ";"));
		if (wrap) {
			lines.add("COMMIT;");
		}
		return operations.isEmpty() ? List.of() : lines;
	}

}
