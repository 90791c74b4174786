package io.github.migrations.command;

import java.nio.file.Path;
import java.util.List;

import io.github.migrations.CommandException;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.Migration;
import io.github.migrations.operation.Operation;
import io.github.migrations.optimize.MigrationOptimizer;
import io.github.migrations.writer.MigrationWriter;

/**
 * {@code optimizemigration}: optimize one migration's operations in place.
 *
 * @since 0.1
 */
public final class OptimizeMigration {

	private final CommandContext context;

	public OptimizeMigration(CommandContext context) {
		this.context = context;
	}

	/**
	 * Options of optimizemigration.
	 *
	 * @param app the app label
	 * @param migration the migration name (prefix)
	 * @param check exit 1 when the migration can be optimized; write nothing
	 */
	public record Options(String app, String migration, boolean check) {
	}

	/**
	 * Run the command.
	 * @param options the options
	 * @return the exit code
	 */
	public int run(Options options) {
		CommandOutput out = this.context.output();
		MigrationLoader loader = this.context.loader(null);
		if (!loader.migratedApps().contains(options.app())) {
			throw new CommandException("App '" + options.app() + "' does not have migrations.");
		}
		Migration migration = loader.migrationByPrefix(options.app(), options.migration());
		List<Operation> optimized = MigrationOptimizer.optimize(migration.operations(), options.app());
		if (optimized.size() == migration.operations().size()) {
			out.println("No optimizations possible.");
			return 0;
		}
		out.println("Optimizing from " + migration.operations().size() + " operations to " + optimized.size()
				+ " operations.");
		if (options.check()) {
			return 1;
		}
		Path root = this.context.configuration().writeDirectory();
		if (root == null) {
			throw new CommandException("optimizemigration cannot write files here: no migrations directory is configured.");
		}
		Path written = new MigrationWriter(CommandContext.VERSION, this.context.clock())
			.write(migration.withOperations(optimized), root);
		out.println("Optimized migration " + PathDisplay.of(written));
		return 0;
	}

}
