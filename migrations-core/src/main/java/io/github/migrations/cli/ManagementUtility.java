package io.github.migrations.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.migrations.CommandException;
import io.github.migrations.MigrationException;
import io.github.migrations.UnknownAppException;
import io.github.migrations.autodetect.InteractiveQuestioner;
import io.github.migrations.autodetect.NonInteractiveQuestioner;
import io.github.migrations.autodetect.Questioner;
import io.github.migrations.command.CommandContext;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.MakeMigrations;
import io.github.migrations.command.Migrate;
import io.github.migrations.command.OptimizeMigration;
import io.github.migrations.command.ShowDrift;
import io.github.migrations.command.ShowMigrations;
import io.github.migrations.command.SquashMigrations;
import io.github.migrations.command.SqlMigrate;
import io.github.migrations.lint.LintMode;
import io.github.migrations.schema.Vendor;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Parses a Django-style command line ({@code migrate blog 0002 --plan}) and runs the command, as
 * Django's {@code manage.py}. Used by the build plugin and by the application's command mode.
 * Errors are printed on the error output as Django prints them; the exit code says what happened
 * (0 success, 1 error, 2 bad usage or unknown app, 3 a non-nullable field without default).
 *
 * @since 0.1
 */
public final class ManagementUtility {

	private final CommandContext context;

	/**
	 * Create the utility for a context.
	 * @param context the command context
	 */
	public ManagementUtility(CommandContext context) {
		this.context = context;
	}

	/**
	 * Run a command line.
	 * @param args the command name followed by its arguments
	 * @return the exit code
	 */
	public int run(List<String> args) {
		SimpleMakeMigrations simple = SimpleMakeMigrations.parse(args);
		return (simple != null) ? runWithoutParser(simple, args) : runWithParser(args, null);
	}

	/**
	 * Run a simple {@code makemigrations} line without building picocli's model; a failure other
	 * than the engine's own is handed to picocli, which reports it as it always does.
	 */
	private int runWithoutParser(SimpleMakeMigrations simple, List<String> args) {
		CommandOutput out = this.context.output();
		MakeMigrationsCommand command = new MakeMigrationsCommand(null);
		command.apps = simple.apps();
		command.check = simple.check();
		command.dryRun = simple.dryRun();
		command.empty = simple.empty();
		command.merge = simple.merge();
		command.noInput = simple.noInput();
		command.verbosity = simple.verbosity();
		command.name = simple.name();
		int code;
		try {
			code = command.call();
		}
		catch (MigrationException ex) {
			out.error(errorText(ex));
			code = ex.exitCode();
		}
		catch (RuntimeException ex) {
			return runWithParser(args, ex);
		}
		out.flush();
		return code;
	}

	/**
	 * Parse the line with picocli and run it.
	 * @param args the line
	 * @param alreadyThrown a failure of {@code makemigrations} already run, which the command then
	 * throws instead of running again, or {@code null}
	 */
	int runWithParser(List<String> args, @Nullable RuntimeException alreadyThrown) {
		CommandOutput out = this.context.output();
		CommandLine commandLine = new CommandLine(new Root())
			.addSubcommand(new MakeMigrationsCommand(alreadyThrown))
			.addSubcommand(new MigrateCommand())
			.addSubcommand(new ShowMigrationsCommand())
			.addSubcommand(new SqlMigrateCommand())
			.addSubcommand(new SquashMigrationsCommand())
			.addSubcommand(new OptimizeMigrationCommand())
			.addSubcommand(new DriftCommand());
		commandLine.setOut(out.out());
		commandLine.setErr(out.err());
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			if (ex instanceof MigrationException failure) {
				out.error(errorText(failure));
				return failure.exitCode();
			}
			throw ex;
		});
		int code = commandLine.execute(args.toArray(String[]::new));
		out.flush();
		return code;
	}

	static String errorText(MigrationException ex) {
		if (ex instanceof CommandException) {
			return "CommandError: " + ex.getMessage();
		}
		if (ex instanceof UnknownAppException) {
			return ex.getMessage();
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private CommandOutput output(int verbosity) {
		return this.context.output().withVerbosity(verbosity);
	}

	private CommandContext context(int verbosity) {
		return new CommandContext(this.context.configuration(), output(verbosity), this.context.clock());
	}

	private CommandContext context(int verbosity, @Nullable String lint) {
		CommandContext context = context(verbosity);
		if (lint == null) {
			return context;
		}
		try {
			return new CommandContext(context.configuration().withLint(LintMode.of(lint)), context.output(),
					context.clock());
		}
		catch (IllegalArgumentException ex) {
			throw new CommandException("argument --lint: " + ex.getMessage());
		}
	}

	private static Vendor vendor(String name) {
		for (Vendor vendor : Vendor.values()) {
			if (vendor.name().equalsIgnoreCase(name.trim()) || vendor.displayName().equalsIgnoreCase(name.trim())) {
				return vendor;
			}
		}
		throw new CommandException("argument --database-vendor: unknown database '" + name
				+ "'; use postgresql, mariadb, mysql, h2 or sqlite.");
	}

	@Command(name = "manage", mixinStandardHelpOptions = true, description = "Django-style migration commands.")
	static final class Root implements Callable<Integer> {

		@Override
		public Integer call() {
			throw new CommandException("Give a command: makemigrations, migrate, showmigrations or sqlmigrate.");
		}

	}

	abstract static class Base implements Callable<Integer> {

		@Option(names = { "-v", "--verbosity" }, defaultValue = "1", description = "0, 1, 2 or 3.")
		int verbosity;

		@Option(names = { "--noinput", "--no-input" }, description = "Tells the command to NOT prompt the user for input of any kind (the default without a terminal).")
		boolean noInput;

	}

	@Command(name = "makemigrations", mixinStandardHelpOptions = true,
			description = "Creates new migration(s) for apps.")
	final class MakeMigrationsCommand extends Base {

		@Parameters(arity = "0..*", paramLabel = "app_label")
		List<String> apps = List.of();

		@Option(names = "--dry-run", description = "Just show what migrations would be made; don't actually write them.")
		boolean dryRun;

		@Option(names = "--check", description = "Exit with a non-zero status if model changes are missing migrations and don't actually write them.")
		boolean check;

		@Option(names = "--empty", description = "Create an empty migration.")
		boolean empty;

		@Option(names = "--merge", description = "Enable fixing of migration conflicts.")
		boolean merge;

		@Option(names = { "-n", "--name" }, description = "Use this name for migration file(s).")
		String name;

		@Option(names = "--database-vendor", paramLabel = "vendor", split = ",",
				description = "Shows the unsafe-change findings of the new migrations for these databases (postgresql, mariadb, mysql, h2, sqlite; default postgresql,mariadb).")
		List<String> vendors = List.of();

		@Option(names = "--lint", paramLabel = "mode", description = "ignore: show no unsafe-change findings (default: the migrations.lint setting).")
		String lint;

		@Option(names = "--safe", description = "For existing tables, create and drop indexes concurrently (in an atomic: false migration) and add check constraints NOT VALID, validated in a following migration (PostgreSQL's non-blocking forms).")
		boolean safe;

		private final @Nullable RuntimeException failure;

		MakeMigrationsCommand(@Nullable RuntimeException failure) {
			this.failure = failure;
		}

		@Override
		public Integer call() {
			if (this.failure != null) {
				throw this.failure;
			}
			MakeMigrations.Options options = new MakeMigrations.Options(new LinkedHashSet<>(this.apps), this.dryRun,
					this.check, this.empty, this.merge, this.name, questioner(this.noInput, this.dryRun || this.check),
					this.safe);
			List<Vendor> lintVendors = this.vendors.isEmpty() ? MakeMigrations.DEFAULT_LINT_VENDORS
					: this.vendors.stream().map(ManagementUtility::vendor).toList();
			return new MakeMigrations(context(this.verbosity, this.lint), lintVendors).run(options);
		}

	}

	@Command(name = "migrate", mixinStandardHelpOptions = true,
			description = "Updates database schema. Manages both apps with migrations and those without.")
	final class MigrateCommand extends Base {

		@Parameters(index = "0", arity = "0..1", paramLabel = "app_label")
		String app;

		@Parameters(index = "1", arity = "0..1", paramLabel = "migration_name")
		String target;

		@Option(names = "--plan", description = "Shows a list of the migration actions that will be performed.")
		boolean plan;

		@Option(names = "--fake", description = "Mark migrations as run without actually running them.")
		boolean fake;

		@Option(names = "--check", description = "Exits with a non-zero status if unapplied migrations exist and does not actually apply migrations.")
		boolean check;

		@Option(names = "--fake-initial", description = "Detect if tables already exist and fake-apply initial migrations if so. Make sure that the current database schema matches your initial migration before using this flag.")
		boolean fakeInitial;

		@Option(names = "--lint", paramLabel = "mode", description = "What to do with operations that lock a live table or break running instances: warn (show them), fail (refuse unacknowledged ones before applying anything) or ignore; default: the migrations.lint setting.")
		String lint;

		@Override
		public Integer call() {
			return new Migrate(context(this.verbosity, this.lint)).run(
					new Migrate.Options(this.app, this.target, this.plan, this.fake, this.check, this.fakeInitial));
		}

	}

	@Command(name = "showmigrations", mixinStandardHelpOptions = true,
			description = "Shows all available migrations for the current project.")
	final class ShowMigrationsCommand extends Base {

		@Parameters(arity = "0..*", paramLabel = "app_label")
		List<String> apps = List.of();

		@Option(names = { "-l", "--list" }, description = "Shows a list of all migrations and which are applied (default).")
		boolean list;

		@Option(names = { "-p", "--plan" }, description = "Shows all migrations in the order they will be applied.")
		boolean plan;

		@Option(names = "--drift", description = "Also compares the database with the schema of the applied migrations and prints a notice when they differ.")
		boolean drift;

		@Override
		public Integer call() {
			if (this.list && this.plan) {
				throw new CommandException("argument --plan/-p: not allowed with argument --list/-l");
			}
			return new ShowMigrations(context(this.verbosity))
				.run(new ShowMigrations.Options(new LinkedHashSet<>(this.apps), this.plan, this.drift));
		}

	}

	/**
	 * The {@code app_label migration_name} arguments of the commands that act on one migration.
	 */
	static final class NamedMigration {

		@Parameters(index = "0", paramLabel = "app_label")
		String app;

		@Parameters(index = "1", paramLabel = "migration_name")
		String migration;

	}

	@Command(name = "sqlmigrate", mixinStandardHelpOptions = true,
			description = "Prints the SQL statements for the named migration.")
	final class SqlMigrateCommand extends Base {

		@CommandLine.Mixin
		NamedMigration named;

		@Option(names = "--backwards", description = "Creates SQL to unmigrate a migration instead of to migrate it.")
		boolean backwards;

		@Override
		public Integer call() {
			return new SqlMigrate(context(this.verbosity))
				.run(new SqlMigrate.Options(this.named.app, this.named.migration, this.backwards));
		}

	}

	@Command(name = "squashmigrations", mixinStandardHelpOptions = true,
			description = "Squashes an existing set of migrations (from first until specified) into a single new one.")
	final class SquashMigrationsCommand extends Base {

		@Parameters(index = "0", paramLabel = "app_label")
		String app;

		@Parameters(index = "1", paramLabel = "start_migration_name", arity = "1")
		String first;

		@Parameters(index = "2", paramLabel = "migration_name", arity = "0..1")
		String second;

		@Option(names = "--squashed-name", description = "Sets the name of the new squashed migration.")
		String squashedName;

		@Option(names = "--no-optimize", description = "Do not try to optimize the squashed operations.")
		boolean noOptimize;

		@Override
		public Integer call() {
			String start = (this.second != null) ? this.first : null;
			String end = (this.second != null) ? this.second : this.first;
			return new SquashMigrations(context(this.verbosity))
				.run(new SquashMigrations.Options(this.app, start, end, this.squashedName, this.noOptimize));
		}

	}

	@Command(name = "optimizemigration", mixinStandardHelpOptions = true,
			description = "Optimizes the operations for the named migration.")
	final class OptimizeMigrationCommand extends Base {

		@CommandLine.Mixin
		NamedMigration named;

		@Option(names = "--check", description = "Exit with a non-zero status if the migration can be optimized.")
		boolean check;

		@Override
		public Integer call() {
			return new OptimizeMigration(context(this.verbosity))
				.run(new OptimizeMigration.Options(this.named.app, this.named.migration, this.check));
		}

	}

	@Command(name = "drift", mixinStandardHelpOptions = true,
			description = "Shows how the database differs from the schema of the applied migrations; exits with status 1 if it does.")
	final class DriftCommand extends Base {

		@Parameters(arity = "0..*", paramLabel = "app_label")
		List<String> apps = List.of();

		@Option(names = "--ignore-table", paramLabel = "table", description = "A table kept outside the migrations, never reported as unexpected (repeatable).")
		List<String> ignoredTables = List.of();

		@Option(names = "--write", description = "Writes, per app, a migration whose state-only operations make the recorded state match the database where the state can say it.")
		boolean write;

		@Option(names = "--table-app", paramLabel = "app_label", description = "With --write: the app whose migration adopts the unexpected tables of no app.")
		String tableApp;

		@Override
		public Integer call() {
			return new ShowDrift(context(this.verbosity)).run(new ShowDrift.Options(new LinkedHashSet<>(this.apps),
					new LinkedHashSet<>(this.ignoredTables), this.write, this.tableApp));
		}

	}

	/**
	 * Ask questions only where a terminal is attached and {@code --noinput} was not given, as
	 * Django; CI, build servers and piped runs never wait for an answer.
	 */
	private static Questioner questioner(boolean noInput, boolean writesNothing) {
		Console console = System.console();
		if (noInput || console == null) {
			return new NonInteractiveQuestioner();
		}
		return new InteractiveQuestioner(new BufferedReader(console.reader()), console.writer(), writesNothing);
	}

}
