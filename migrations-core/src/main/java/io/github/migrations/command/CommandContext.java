package io.github.migrations.command;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.github.migrations.CommandException;
import io.github.migrations.ConflictingMigrationsException;
import io.github.migrations.MigrationException;
import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.autodetect.Autodetector;
import io.github.migrations.autodetect.Changes;
import io.github.migrations.autodetect.Questioner;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.loader.ReadAhead;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.model.ModelReader;
import io.github.migrations.model.ModelScanner;
import io.github.migrations.model.ScannedClasses;
import io.github.migrations.recorder.MigrationRecorder;
import org.jspecify.annotations.Nullable;

/**
 * What every command needs: the configuration, where to print, and the clock; plus the shared
 * steps (read the models, load the migrations, open a connection).
 *
 * @param configuration the engine configuration
 * @param output where to print
 * @param clock the clock for file headers and automatic names
 * @since 0.1
 */
public record CommandContext(MigrationsConfiguration configuration, CommandOutput output, Clock clock) {

	/** The generator name and version written in file headers. */
	public static final String VERSION = "0.1.0";

	/**
	 * Read the declared models from the configured packages and classes.
	 * @return the declared models
	 */
	public DeclaredModels declaredModels() {
		MigrationsConfiguration configuration = this.configuration;
		ScannedClasses scanned = null;
		if (!configuration.modelPackages().isEmpty()) {
			scanned = ModelScanner.find(configuration.classLoader(), configuration.modelPackages());
		}
		Path directory = configuration.modelDirectory();
		if (directory != null) {
			ScannedClasses folder = ModelScanner.findDirectory(configuration.classLoader(), directory);
			scanned = (scanned != null) ? scanned.and(folder) : folder;
		}
		// the scanned models read from their class files, without loading them
		return (scanned != null) ? ModelReader.read(configuration.modelClasses(), scanned)
				: ModelReader.read(configuration.modelClasses());
	}

	/**
	 * Load the migration files.
	 * @param applied the applied migrations, or {@code null} when no database is used
	 * @return the loader
	 */
	public MigrationLoader loader(@Nullable Set<MigrationKey> applied) {
		return MigrationLoader.load(this.configuration.source(), applied);
	}

	/**
	 * Read the declared models and load the migration files, as {@link #declaredModels()} then
	 * {@link #loader(Set) loader(null)}, but with the files read, parsed, graphed and replayed
	 * into the project state on a thread of their own meanwhile (see {@link ReadAhead}): in a
	 * fresh JVM both take hundreds of milliseconds for a thousand models. What is thrown is what
	 * the serial order throws: the models' error first, then the files'. The migrations have no
	 * checksums ({@link MigrationLoader#loadWithoutChecksums}): what is read here is compared
	 * with the models, never with a database's history.
	 * @return the models and the loader
	 */
	public ModelsAndMigrations declaredModelsAndLoader() {
		ReadAhead<MigrationLoader> files = ReadAhead.start("migrations-read-ahead", () -> {
			MigrationLoader loader = MigrationLoader.loadWithoutChecksums(this.configuration.source());
			try {
				// replayed here while the models are read; a failure is left for the step that needs the state
				loader.projectState();
			}
			catch (RuntimeException ex) {
				// thrown again, in order, when the state is asked for
			}
			return loader;
		});
		DeclaredModels models;
		try {
			models = declaredModels();
		}
		catch (RuntimeException | Error ex) {
			files.cancel();
			throw ex;
		}
		return new ModelsAndMigrations(models, files.get());
	}

	/**
	 * The declared models and the migration files, read together.
	 *
	 * @param models the declared models
	 * @param loader the loaded migration files, without a database and without checksums
	 */
	public record ModelsAndMigrations(DeclaredModels models, MigrationLoader loader) {
	}

	/**
	 * Return the known app labels: apps with models or with migrations.
	 * @param models the declared models
	 * @param loader the loader
	 * @return the sorted app labels
	 */
	public Set<String> knownApps(DeclaredModels models, MigrationLoader loader) {
		Set<String> apps = new TreeSet<>(models.state().apps());
		apps.addAll(loader.migratedApps());
		return apps;
	}

	/**
	 * Detect model changes that no migration reflects.
	 * @param models the declared models
	 * @param loader the loader
	 * @param questioner who answers questions
	 * @param apps restrict to these apps; empty for all
	 * @param name a migration name fragment, or {@code null}
	 * @return the changes
	 */
	public Changes detectChanges(DeclaredModels models, MigrationLoader loader, Questioner questioner, Set<String> apps,
			@Nullable String name) {
		Autodetector autodetector = new Autodetector(loader.projectState(), models, questioner);
		return autodetector.changes((app) -> {
			List<MigrationKey> leaves = loader.graph().leafNodes(app);
			return leaves.isEmpty() ? null : leaves.get(leaves.size() - 1);
		}, apps, name, LocalDateTime.now(this.clock));
	}

	/**
	 * Refuse to go on when an app has several leaf migrations, with Django's message.
	 * @param loader the loader
	 */
	public static void checkConflicts(MigrationLoader loader) {
		Map<String, List<String>> conflicts = loader.detectConflicts();
		if (conflicts.isEmpty()) {
			return;
		}
		List<String> parts = new ArrayList<>();
		conflicts.forEach((app, names) -> parts.add(String.join(", ", names) + " in " + app));
		throw new ConflictingMigrationsException(
				"Conflicting migrations detected; multiple leaf nodes in the migration graph: (" + String.join("; ", parts)
						+ ").\nTo fix them run 'makemigrations --merge' (./mvnw migrations:makemigrations -Dargs=--merge)");
	}

	/**
	 * Return the configured data source or fail with a message saying how to provide one.
	 * @param command the command that needs it
	 * @return the data source
	 */
	public DataSource dataSource(String command) {
		DataSource dataSource = this.configuration.dataSource();
		if (dataSource == null) {
			throw new CommandException("The " + command
					+ " command needs a database, but none is configured. Set spring.datasource.url (or migrations.url) in application.yml or the environment.");
		}
		return dataSource;
	}

	/**
	 * Run work on a connection of the configured data source.
	 * @param command the command name, for messages
	 * @param work the work
	 * @param <T> the result type
	 * @return the result
	 */
	public <T> T withConnection(String command, ConnectionWork<T> work) {
		try (Connection connection = dataSource(command).getConnection()) {
			return work.run(connection, new MigrationRecorder(connection, this.configuration.historyTable()));
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot use the database for " + command + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Work done on an open connection.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface ConnectionWork<T> {

		/**
		 * Do the work.
		 * @param connection the connection (closed afterwards by the caller)
		 * @param recorder the recorder on that connection
		 * @return the result
		 * @throws SQLException on a database error
		 */
		T run(Connection connection, MigrationRecorder recorder) throws SQLException;

	}

}
