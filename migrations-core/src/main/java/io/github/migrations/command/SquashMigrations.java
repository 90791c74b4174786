package io.github.migrations.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.migrations.CommandException;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.Operation;
import io.github.migrations.optimize.MigrationOptimizer;
import io.github.migrations.writer.MigrationWriter;
import org.jspecify.annotations.Nullable;

/**
 * {@code squashmigrations}: replace a run of an app's migrations by one migration that
 * {@code replaces} them, optimized. The old files stay until every database has applied the
 * squash, as in Django.
 *
 * @since 0.1
 */
public final class SquashMigrations {

	private final CommandContext context;

	public SquashMigrations(CommandContext context) {
		this.context = context;
	}

	/**
	 * Options of squashmigrations.
	 *
	 * @param app the app label
	 * @param start the first migration to squash (prefix), or {@code null} for the app's first
	 * @param end the last migration to squash (prefix)
	 * @param squashedName the name fragment of the new migration, or {@code null}
	 * @param noOptimize skip the optimizer
	 */
	public record Options(String app, @Nullable String start, String end, @Nullable String squashedName,
			boolean noOptimize) {
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
			throw new CommandException("App '" + options.app()
					+ "' does not have migrations (so squashmigrations on it makes no sense)");
		}
		Migration end = loader.migrationByPrefix(options.app(), options.end());
		List<Migration> toSquash = new ArrayList<>();
		for (MigrationKey key : loader.graph().forwardsPlan(end.key())) {
			if (key.app().equals(options.app())) {
				toSquash.add(loader.graph().migration(key));
			}
		}
		Migration start = null;
		if (options.start() != null) {
			start = loader.migrationByPrefix(options.app(), options.start());
			int index = toSquash.indexOf(start);
			if (index < 0) {
				throw new CommandException("The migration '" + start.key() + "' cannot be found. Maybe it comes after the migration '"
						+ end.key() + "'?\nHave a look at:\n  showmigrations " + options.app() + "\nto debug this issue.");
			}
			toSquash = toSquash.subList(index, toSquash.size());
		}
		out.println("Will squash the following migrations:");
		toSquash.forEach((migration) -> out.println(" - " + migration.name()));
		List<Operation> operations = new ArrayList<>();
		Set<MigrationKey> dependencies = new LinkedHashSet<>();
		boolean first = true;
		for (Migration migration : toSquash) {
			if (!migration.replaces().isEmpty()) {
				throw new CommandException("You cannot squash squashed migrations! Please transition it to a normal migration first: "
						+ migration.key() + " replaces " + migration.replaces() + "; once every database has applied it, delete the files it replaces and remove its 'replaces' list.");
			}
			operations.addAll(migration.operations());
			for (MigrationKey dependency : migration.dependencies()) {
				if (first || !dependency.app().equals(options.app())) {
					dependencies.add(dependency);
				}
			}
			first = false;
		}
		List<Operation> optimized = operations;
		if (options.noOptimize()) {
			out.println("(Skipping optimization.)");
		}
		else {
			out.println("Optimizing...");
			optimized = MigrationOptimizer.optimize(operations, options.app());
			out.println((optimized.size() == operations.size()) ? "  No optimizations possible."
					: "  Optimized from " + operations.size() + " operations to " + optimized.size() + " operations.");
		}
		String name;
		if (start != null) {
			name = (options.squashedName() != null) ? start.name().split("_", 2)[0] + "_" + options.squashedName()
					: start.name() + "_squashed_" + end.name();
		}
		else {
			name = "0001_" + ((options.squashedName() != null) ? options.squashedName() : "squashed_" + end.name());
		}
		List<MigrationKey> replaces = toSquash.stream().map(Migration::key).toList();
		// a concurrent index operation needs atomic: false, also in the squash (not Django's)
		boolean atomic = optimized.stream().noneMatch(Operation::needsNonAtomicMigration);
		Migration squashed = new Migration(new MigrationKey(options.app(), name), List.copyOf(dependencies), replaces,
				optimized, atomic, (start == null) ? Boolean.TRUE : null, null, null);
		Path root = this.context.configuration().writeDirectory();
		if (root == null) {
			throw new CommandException("squashmigrations cannot write files here: no migrations directory is configured.");
		}
		if (Files.exists(root.resolve(MigrationWriter.relativePath(squashed.key())))) {
			throw new CommandException("Migration " + name + " already exists. Use a different name.");
		}
		Path written = new MigrationWriter(CommandContext.VERSION, this.context.clock()).write(squashed, root);
		out.println("Created new squashed migration " + PathDisplay.of(written));
		out.println("  You should commit this migration but leave the old ones in place;");
		out.println("  the new migration will be used for new installs. Once you are sure");
		out.println("  all instances of the codebase have applied the migrations you squashed,");
		out.println("  you can delete them.");
		return 0;
	}

}
