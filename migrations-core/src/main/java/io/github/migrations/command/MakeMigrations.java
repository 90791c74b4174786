package io.github.migrations.command;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.migrations.CommandException;
import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.UnknownAppException;
import io.github.migrations.autodetect.Changes;
import io.github.migrations.autodetect.MigrationNamer;
import io.github.migrations.autodetect.NonInteractiveQuestioner;
import io.github.migrations.autodetect.Questioner;
import io.github.migrations.autodetect.SafeForms;
import io.github.migrations.lint.Finding;
import io.github.migrations.lint.LintMode;
import io.github.migrations.lint.MigrationLinter;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.operation.Operation;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ProjectState;
import io.github.migrations.writer.MigrationWriter;
import org.jspecify.annotations.Nullable;

/**
 * {@code makemigrations}: write new migrations for model changes. Needs no database.
 *
 * @since 0.1
 */
public final class MakeMigrations {

	/**
	 * The databases whose unsafe-change rules makemigrations shows by default: those with lock
	 * rules (the rules that hold on every database are included for each).
	 */
	public static final List<Vendor> DEFAULT_LINT_VENDORS = List.of(Vendor.POSTGRESQL, Vendor.MARIADB);

	private final CommandContext context;

	private final List<Vendor> lintVendors;

	public MakeMigrations(CommandContext context) {
		this(context, DEFAULT_LINT_VENDORS);
	}

	/**
	 * Create the command, showing the unsafe-change findings of the new migrations for the given
	 * databases (none when the configured lint mode is {@code ignore}).
	 * @param context the command context
	 * @param lintVendors the databases to lint for; empty to show no findings
	 */
	public MakeMigrations(CommandContext context, List<Vendor> lintVendors) {
		this.context = context;
		this.lintVendors = List.copyOf(lintVendors);
	}

	/**
	 * Options of makemigrations, as Django's.
	 *
	 * @param apps restrict to these apps; empty for all
	 * @param dryRun print what would be written, write nothing
	 * @param check exit 1 when changes are missing migrations; write nothing
	 * @param empty write an empty migration for each named app
	 * @param merge write merge migrations for apps with several leaves
	 * @param name the name fragment to use instead of the automatic one
	 * @param questioner who answers questions (non-interactive by default)
	 * @param safe write the forms that do not block writes on PostgreSQL for existing tables
	 * (indexes created and dropped concurrently in an {@code atomic: false} migration, check
	 * constraints added not valid and validated in a later migration; see {@link SafeForms})
	 */
	public record Options(Set<String> apps, boolean dryRun, boolean check, boolean empty, boolean merge,
			@Nullable String name, Questioner questioner, boolean safe) {

		public Options {
			apps = Set.copyOf(apps);
		}

		/**
		 * Options without {@code --safe}.
		 * @param apps restrict to these apps; empty for all
		 * @param dryRun print what would be written, write nothing
		 * @param check exit 1 when changes are missing migrations; write nothing
		 * @param empty write an empty migration for each named app
		 * @param merge write merge migrations for apps with several leaves
		 * @param name the name fragment to use instead of the automatic one
		 * @param questioner who answers questions
		 */
		public Options(Set<String> apps, boolean dryRun, boolean check, boolean empty, boolean merge,
				@Nullable String name, Questioner questioner) {
			this(apps, dryRun, check, empty, merge, name, questioner, false);
		}

		public static Options defaults() {
			return new Options(Set.of(), false, false, false, false, null, new NonInteractiveQuestioner());
		}

		/**
		 * Return these options with {@code --safe} on or off.
		 * @param safe whether to write the safe forms
		 * @return the options
		 */
		public Options withSafe(boolean safe) {
			return new Options(this.apps, this.dryRun, this.check, this.empty, this.merge, this.name, this.questioner,
					safe);
		}

	}

	/**
	 * Run the command.
	 * @param options the options
	 * @return the exit code: 0, or 1 with {@code --check} when changes exist
	 */
	public int run(Options options) {
		CommandOutput out = this.context.output();
		if (options.name() != null && !options.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new CommandException("The migration name must be a valid identifier (letters, digits and underscores, not starting with a digit), got '"
					+ options.name() + "'.");
		}
		CommandContext.ModelsAndMigrations read = this.context.declaredModelsAndLoader();
		DeclaredModels models = read.models();
		MigrationLoader loader = read.loader();
		Set<String> known = this.context.knownApps(models, loader);
		for (String app : new TreeSet<>(options.apps())) {
			if (!known.contains(app)) {
				throw new UnknownAppException("No installed app with label '" + app + "'. Known apps: "
						+ (known.isEmpty() ? "(none: no @Model classes were found)" : String.join(", ", known)) + ".");
			}
		}
		if (options.merge()) {
			return merge(loader, options);
		}
		CommandContext.checkConflicts(loader);
		if (options.empty()) {
			if (options.apps().isEmpty()) {
				throw new CommandException("You must supply at least one app label when using --empty.");
			}
			Map<String, List<Migration>> empty = new TreeMap<>();
			for (String app : options.apps()) {
				List<MigrationKey> leaves = loader.graph().leafNodes(app);
				MigrationKey leaf = leaves.isEmpty() ? null : leaves.get(leaves.size() - 1);
				int number = (leaf != null) ? MigrationNamer.parseNumber(leaf.name()) + 1 : 1;
				String fragment = (options.name() != null) ? options.name()
						: MigrationNamer.suggestName(List.of(), false, LocalDateTime.now(this.context.clock()));
				empty.put(app, List.of(Migration.of(new MigrationKey(app, MigrationNamer.name(number, fragment)),
						(leaf != null) ? List.of(leaf) : List.of(), List.of(), false)));
			}
			write(empty, options, Map.of());
			return 0;
		}
		Changes changes = this.context.detectChanges(models, loader, options.questioner(), options.apps(),
				options.name());
		if (options.safe()) {
			changes = SafeForms.apply(changes, models.state(), options.name(),
					LocalDateTime.now(this.context.clock()));
		}
		changes.warnings().forEach((warning) -> out.error("Warning: " + warning));
		if (changes.isEmpty()) {
			out.println(noChangesMessage(options.apps(), models));
			return 0;
		}
		write(changes.migrations(), options, lint(changes.migrations(), loader));
		return options.check() ? 1 : 0;
	}

	private String noChangesMessage(Set<String> apps, DeclaredModels models) {
		if (apps.size() == 1) {
			return "No changes detected in app '" + apps.iterator().next() + "'";
		}
		if (apps.size() > 1) {
			return "No changes detected in apps "
					+ new TreeSet<>(apps).stream().map((app) -> "'" + app + "'").collect(Collectors.joining(", "));
		}
		if (models.state().models().isEmpty()) {
			MigrationsConfiguration configuration = this.context.configuration();
			return "No changes detected\n(No @Model classes were found"
					+ (configuration.modelPackages().isEmpty() ? "" : " in packages " + configuration.modelPackages())
					+ ((configuration.modelDirectory() == null) ? "" : " in " + configuration.modelDirectory())
					+ ". Check migrations.model-packages and that the classes are annotated with @Model.)";
		}
		return "No changes detected";
	}

	/**
	 * Lint the new migrations for each database, from the state the existing migrations give, in
	 * an order where each comes after the new migrations it depends on. A finding that several
	 * databases share is kept once, with every database named.
	 * @return the databases of each finding, in operation order
	 */
	private Map<Finding, List<Vendor>> lint(Map<String, List<Migration>> migrations, MigrationLoader loader) {
		Map<Finding, List<Vendor>> found = new LinkedHashMap<>();
		if (this.lintVendors.isEmpty() || this.context.configuration().lint() == LintMode.IGNORE) {
			return found;
		}
		List<Migration> ordered = dependencyOrder(migrations);
		ProjectState before = loader.projectState();
		for (Vendor vendor : this.lintVendors) {
			for (Finding finding : new MigrationLinter(vendor).lint(ordered, before)) {
				found.computeIfAbsent(finding, (key) -> new ArrayList<>()).add(vendor);
			}
		}
		return found;
	}

	private static List<Migration> dependencyOrder(Map<String, List<Migration>> migrations) {
		List<Migration> pending = new ArrayList<>();
		migrations.values().forEach(pending::addAll);
		Set<MigrationKey> generated = new HashSet<>();
		pending.forEach((migration) -> generated.add(migration.key()));
		List<Migration> ordered = new ArrayList<>();
		Set<MigrationKey> placed = new HashSet<>();
		while (!pending.isEmpty()) {
			Migration next = pending.stream()
				.filter((migration) -> migration.dependencies()
					.stream()
					.allMatch((dependency) -> !generated.contains(dependency) || placed.contains(dependency)))
				.findFirst()
				.orElse(pending.get(0));
			pending.remove(next);
			placed.add(next.key());
			ordered.add(next);
		}
		return ordered;
	}

	private void write(Map<String, List<Migration>> migrations, Options options, Map<Finding, List<Vendor>> findings) {
		CommandOutput out = this.context.output();
		MigrationWriter writer = new MigrationWriter(CommandContext.VERSION, this.context.clock());
		Path root = this.context.configuration().writeDirectory();
		boolean writeFiles = !options.dryRun() && !options.check();
		if (writeFiles && root == null) {
			throw new CommandException("makemigrations cannot write files here: no migrations directory is configured. "
					+ "Run it from the build (./mvnw migrations:makemigrations) where src/main/resources/db/migrations is writable.");
		}
		for (Map.Entry<String, List<Migration>> entry : migrations.entrySet()) {
			out.println("Migrations for '" + entry.getKey() + "':");
			for (Migration migration : entry.getValue()) {
				String display = (root != null) ? PathDisplay.of(root.resolve(MigrationWriter.relativePath(migration.key())))
						: MigrationWriter.relativePath(migration.key());
				if (writeFiles) {
					writer.write(migration, root);
				}
				out.println("  " + display);
				for (int i = 0; i < migration.operations().size(); i++) {
					out.println("    " + migration.operations().get(i).formattedDescription());
					printFindings(findings, migration.key(), i + 1);
				}
				if (!writeFiles && out.verbosity() >= 3) {
					out.println("Full migrations file '" + MigrationWriter.relativePath(migration.key()) + "':");
					out.println(writer.render(migration));
				}
			}
		}
	}

	private void printFindings(Map<Finding, List<Vendor>> findings, MigrationKey migration, int operation) {
		findings.forEach((finding, vendors) -> {
			if (finding.migration().equals(migration) && finding.operation() == operation) {
				PlanLint.print(this.context.output(), List.of(finding), "      ",
						String.join(", ", vendors.stream().map(Vendor::displayName).toList()));
			}
		});
	}

	private int merge(MigrationLoader loader, Options options) {
		CommandOutput out = this.context.output();
		Map<String, List<String>> conflicts = new TreeMap<>(loader.detectConflicts());
		if (!options.apps().isEmpty()) {
			conflicts.keySet().retainAll(options.apps());
		}
		if (conflicts.isEmpty()) {
			out.println("No conflicts detected to merge.");
			return 0;
		}
		Map<String, List<Migration>> merges = new TreeMap<>();
		for (Map.Entry<String, List<String>> entry : conflicts.entrySet()) {
			String app = entry.getKey();
			List<MigrationKey> leaves = new ArrayList<>();
			int number = 0;
			for (String name : entry.getValue()) {
				leaves.add(new MigrationKey(app, name));
				number = Math.max(number, MigrationNamer.parseNumber(name));
			}
			out.println("Merging " + app);
			for (MigrationKey leaf : leaves) {
				out.println("  Branch " + leaf.name());
				for (Operation operation : loader.graph().migration(leaf).operations()) {
					out.println("    " + operation.formattedDescription());
				}
			}
			String joined = "merge_" + String.join("_", entry.getValue());
			String fragment = (options.name() != null) ? options.name()
					: (joined.length() > 47 ? "merge_" + DateTimeFormatter.ofPattern("yyyyMMdd_HHmm")
						.format(LocalDateTime.now(this.context.clock())) : joined);
			merges.put(app, List.of(Migration.of(new MigrationKey(app, MigrationNamer.name(number + 1, fragment)), leaves,
					List.of(), false)));
		}
		if (options.dryRun() || options.check()) {
			merges.values().forEach((list) -> list.forEach((m) -> out.println("  Would write " + m.key())));
			return 0;
		}
		MigrationWriter writer = new MigrationWriter(CommandContext.VERSION, this.context.clock());
		for (List<Migration> list : merges.values()) {
			for (Migration migration : list) {
				Path root = this.context.configuration().writeDirectory();
				if (root == null) {
					throw new CommandException("makemigrations --merge cannot write files here: no migrations directory is configured.");
				}
				Path written = writer.write(migration, root);
				out.println("\nCreated new merge migration " + written.toAbsolutePath());
			}
		}
		return 0;
	}

}
