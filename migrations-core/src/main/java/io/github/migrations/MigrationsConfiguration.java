package io.github.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.migrations.executor.MigrationListener;
import io.github.migrations.lint.LintMode;
import io.github.migrations.loader.ClasspathMigrationSource;
import io.github.migrations.loader.DirectoryMigrationSource;
import io.github.migrations.loader.MigrationSource;
import org.jspecify.annotations.Nullable;

/**
 * Everything the engine needs to know, immutable. Built with {@link Migrations#configure()}.
 *
 * @param dataSource the database, or {@code null} for commands that need none (makemigrations)
 * @param modelPackages packages scanned for {@code @Model} classes
 * @param modelClasses model classes given directly (added to those scanned)
 * @param modelDirectory a folder of compiled classes (such as {@code target/classes}) whose
 * {@code @Model} classes are read from their class files, without loading them, or {@code null}
 * @param classLoader the class loader for scanning and for classpath migration files
 * @param source where migration files are read from
 * @param writeDirectory where makemigrations writes ({@code <dir>/<app>/<name>.yaml}), or
 * {@code null} when files cannot be written (a packaged application)
 * @param historyTable the name of the table that records applied migrations
 * @param lockTimeout how long to wait for another process that holds the migration lock
 * @param validateChecksums whether a changed applied file stops migrate
 * @param listeners callbacks told about the lock wait and each migration run by migrate
 * @param lint what migrate does with operations that lock a live table or break running instances
 * (see {@code docs/lint.md}): show them ({@code warn}, the default), refuse unacknowledged ones
 * ({@code fail}) or not look ({@code ignore})
 * @since 0.1
 */
public record MigrationsConfiguration(@Nullable DataSource dataSource, List<String> modelPackages,
		List<Class<?>> modelClasses, @Nullable Path modelDirectory, ClassLoader classLoader, MigrationSource source, @Nullable Path writeDirectory,
		String historyTable, Duration lockTimeout, boolean validateChecksums, List<MigrationListener> listeners,
		LintMode lint) {

	/** Default classpath location of migration files. */
	public static final String DEFAULT_LOCATION = "db/migrations";

	/** Default name of the history table. */
	public static final String DEFAULT_HISTORY_TABLE = "migrations_history";

	/** Default lock timeout. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

	public MigrationsConfiguration {
		Objects.requireNonNull(lint, "lint");
		modelPackages = List.copyOf(modelPackages);
		modelClasses = (modelClasses instanceof LazyModelClasses) ? modelClasses : List.copyOf(modelClasses);
		listeners = List.copyOf(listeners);
		if (!historyTable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("History table name '" + historyTable
					+ "' is not a plain identifier; use letters, digits and underscores only");
		}
	}

	/**
	 * Return this configuration with another lint mode (for example from {@code migrate --lint}).
	 * @param mode the mode
	 * @return the configuration
	 */
	public MigrationsConfiguration withLint(LintMode mode) {
		return new MigrationsConfiguration(this.dataSource, this.modelPackages, this.modelClasses, this.modelDirectory,
				this.classLoader,
				this.source, this.writeDirectory, this.historyTable, this.lockTimeout, this.validateChecksums,
				this.listeners, mode);
	}

	/**
	 * Return whether any models are configured: packages, classes or a folder of classes.
	 * @return {@code true} when there are models to compare the migrations with
	 */
	public boolean hasModels() {
		return !this.modelPackages.isEmpty() || !this.modelClasses.isEmpty() || this.modelDirectory != null;
	}

	/**
	 * Fluent builder of a {@link MigrationsConfiguration}.
	 */
	public static final class Builder {

		private @Nullable DataSource dataSource;

		private final List<String> modelPackages = new ArrayList<>();

		private final List<Class<?>> modelClasses = new ArrayList<>();

		private @Nullable Path modelDirectory;

		private final List<Supplier<? extends Collection<Class<?>>>> modelClassSuppliers = new ArrayList<>();

		private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

		private String location = DEFAULT_LOCATION;

		private @Nullable MigrationSource source;

		private @Nullable Path writeDirectory;

		private String historyTable = DEFAULT_HISTORY_TABLE;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private boolean validateChecksums = true;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private LintMode lint = LintMode.WARN;

		Builder() {
		}

		public Builder dataSource(@Nullable DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		public Builder modelPackages(String... packages) {
			return modelPackages(List.of(packages));
		}

		public Builder modelPackages(Collection<String> packages) {
			this.modelPackages.addAll(packages);
			return this;
		}

		public Builder modelClasses(Collection<Class<?>> classes) {
			this.modelClasses.addAll(classes);
			return this;
		}

		/**
		 * Add model classes found only when a command first needs the models (for example by a
		 * class-path scan), so that building the engine, and {@code migrate}, do not pay for
		 * finding them. The supplier is called at most once.
		 * @param classes supplies the model classes
		 * @return this builder
		 */
		public Builder modelClasses(Supplier<? extends Collection<Class<?>>> classes) {
			this.modelClassSuppliers.add(classes);
			return this;
		}

		/**
		 * Read the {@code @Model} classes of a folder of compiled classes (such as
		 * {@code target/classes}; added to the packages and classes given) from their class files,
		 * without loading them, as for scanned packages (see docs/models.md). The class loader must
		 * be able to load that folder's classes.
		 * @param classesDirectory the folder
		 * @return this builder
		 */
		public Builder modelDirectory(Path classesDirectory) {
			this.modelDirectory = classesDirectory;
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/**
		 * Read migration files from this classpath location (default {@code db/migrations}).
		 * @param location the classpath folder holding one folder per app
		 * @return this builder
		 */
		public Builder location(String location) {
			this.location = location;
			return this;
		}

		/**
		 * Read migration files from this source instead of the classpath location.
		 * @param source the source
		 * @return this builder
		 */
		public Builder source(MigrationSource source) {
			this.source = source;
			return this;
		}

		/**
		 * Read and write migration files in this folder (a source tree such as
		 * {@code src/main/resources/db/migrations}); used by the build plugin.
		 * @param directory the folder holding one folder per app
		 * @return this builder
		 */
		public Builder directory(Path directory) {
			this.writeDirectory = directory;
			this.source = new DirectoryMigrationSource(directory);
			return this;
		}

		public Builder historyTable(String historyTable) {
			this.historyTable = historyTable;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder validateChecksums(boolean validateChecksums) {
			this.validateChecksums = validateChecksums;
			return this;
		}

		/**
		 * Add a listener told about the lock wait and each migration that migrate runs (for
		 * example to record metrics).
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
			return this;
		}

		/**
		 * Say what migrate does with unsafe operations in pending migrations (default
		 * {@link LintMode#WARN}).
		 * @param lint the mode
		 * @return this builder
		 */
		public Builder lint(LintMode lint) {
			this.lint = lint;
			return this;
		}

		public MigrationsConfiguration build() {
			MigrationSource source = (this.source != null) ? this.source
					: new ClasspathMigrationSource(this.classLoader, this.location);
			List<Class<?>> models = this.modelClassSuppliers.isEmpty() ? this.modelClasses
					: new LazyModelClasses(this.modelClasses, this.modelClassSuppliers);
			return new MigrationsConfiguration(this.dataSource, this.modelPackages, models, this.modelDirectory,
					this.classLoader,
					source, this.writeDirectory, this.historyTable, this.lockTimeout, this.validateChecksums, this.listeners, this.lint);
		}

		/**
		 * Build the configuration and the engine.
		 * @return the engine
		 */
		public Migrations load() {
			return new Migrations(build());
		}

	}

}
