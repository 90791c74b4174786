package io.github.migrations.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.github.migrations.Migrations;
import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.cli.CommandArguments;
import io.github.migrations.command.CommandOutput;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs one Django command against the module: builds a class loader from the module's runtime
 * class path, reads the application's configuration like the application would, and hands the
 * command line to {@link Migrations#run}.
 */
public abstract class AbstractMigrationsMojo extends AbstractMojo {

	private static final Set<String> FILE_ONLY_COMMANDS = Set.of("makemigrations", "squashmigrations",
			"optimizemigration");

	/** The module. */
	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	protected MavenProject project;

	/** The build session, for {@code -D} properties. */
	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	protected MavenSession session;

	/** Folder holding one folder of migration files per app; read and written in place. */
	@Parameter(property = "migrations.directory", defaultValue = "${project.basedir}/src/main/resources/db/migrations")
	protected File migrationsDirectory;

	/** Folder holding the application's {@code application.properties} / {@code application.yml}. */
	@Parameter(property = "migrations.configDirectory", defaultValue = "${project.basedir}/src/main/resources")
	protected File configDirectory;

	/** Profiles whose {@code application-<profile>.*} files are read on top (comma-separated). */
	@Parameter(property = "migrations.profile")
	protected String profile;

	/** Django's arguments after the command name, for example {@code "blog 0002 --plan"}. */
	@Parameter(property = "args")
	protected String args;

	/** Skip the goal. */
	@Parameter(property = "migrations.skip", defaultValue = "false")
	protected boolean skip;

	/** The module's compiled classes, scanned for models when no model packages are configured. */
	@Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
	protected File classesDirectory;

	/**
	 * Return the name of this goal, which is also the command's name unless overridden.
	 * @return the goal name
	 */
	protected abstract String goal();

	/**
	 * Return the command line to run: the command name followed by its arguments.
	 * @param arguments the split {@code -Dargs}
	 * @return the command line
	 * @throws MojoFailureException if the arguments cannot make a command
	 */
	protected List<String> commandLine(List<String> arguments) throws MojoFailureException {
		List<String> commandLine = new ArrayList<>();
		commandLine.add(goal());
		commandLine.addAll(arguments);
		return commandLine;
	}

	/**
	 * Return whether a command needs a database connection: all but those that only read models
	 * and migration files.
	 * @param command the command name
	 * @return {@code true} if the command needs a database
	 */
	static boolean needsDatabase(String command) {
		return !FILE_ONLY_COMMANDS.contains(command);
	}

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip || "pom".equals(this.project.getPackaging())) {
			getLog().info("Skipping migrations:" + goal() + (this.skip ? "" : " (pom module)"));
			return;
		}
		List<String> commandLine;
		try {
			commandLine = commandLine(CommandArguments.split(this.args));
		}
		catch (IllegalArgumentException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		MigrationsSettings settings = settings();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader classLoader = projectClassLoader()) {
			thread.setContextClassLoader(classLoader);
			Migrations migrations = configure(settings, classLoader, commandLine.get(0)).load();
			int exitCode = migrations.run(commandLine, CommandOutput.of(System.out, System.err));
			if (exitCode != 0) {
				throw new MojoFailureException(
						"migrations:" + goal() + " failed (exit code " + exitCode + "); see the output above");
			}
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot close the project class loader", ex);
		}
		catch (RuntimeException ex) {
			throw new MojoExecutionException("migrations:" + goal() + " failed: " + ex, ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private MigrationsSettings settings() throws MojoExecutionException {
		try {
			ApplicationConfig config = ApplicationConfig.load(this.configDirectory.toPath(), this.profile,
					System.getenv(), systemProperties());
			if (!config.profiles().isEmpty()) {
				getLog().info("Reading configuration with profiles " + config.profiles());
			}
			return MigrationsSettings.from(config, this.project.getBasedir().toPath());
		}
		catch (RuntimeException ex) {
			throw new MojoExecutionException(
					"Cannot read the application's configuration in " + this.configDirectory + ": " + ex.getMessage(), ex);
		}
	}

	private MigrationsConfiguration.Builder configure(MigrationsSettings settings, ClassLoader classLoader,
			String command) throws MojoExecutionException {
		MigrationsConfiguration.Builder builder = Migrations.configure()
			.classLoader(classLoader)
			.directory(this.migrationsDirectory.toPath());
		if (settings.modelPackages().isEmpty()) {
			// read from their class files when a command needs them, without loading them
			builder.modelDirectory(this.classesDirectory.toPath());
		}
		else {
			builder.modelPackages(settings.modelPackages());
		}
		if (settings.table() != null) {
			builder.historyTable(settings.table());
		}
		if (settings.lockTimeout() != null) {
			builder.lockTimeout(settings.lockTimeout());
		}
		if (settings.validateChecksums() != null) {
			builder.validateChecksums(settings.validateChecksums());
		}
		if (settings.lint() != null) {
			builder.lint(settings.lint());
		}
		if (needsDatabase(command)) {
			builder.dataSource(dataSource(settings, classLoader));
		}
		return builder;
	}

	private DriverDataSource dataSource(MigrationsSettings settings, ClassLoader classLoader)
			throws MojoExecutionException {
		if (settings.url() == null) {
			throw new MojoExecutionException("No database configured for migrations:" + goal()
					+ ": set spring.datasource.url (or migrations.url) in " + this.configDirectory
					+ "/application.properties or application.yml, or pass -Dspring.datasource.url=jdbc:...");
		}
		try {
			DriverDataSource dataSource = DriverDataSource.create(classLoader, settings.url(), settings.user(),
					settings.password());
			getLog().debug("Connecting to " + dataSource.url() + " (" + settings.urlOrigin() + ")");
			return dataSource;
		}
		catch (IllegalStateException ex) {
			throw new MojoExecutionException(ex.getMessage() + " (" + settings.urlOrigin() + ")", ex);
		}
	}

	private Map<String, String> systemProperties() {
		Map<String, String> properties = new HashMap<>();
		copy(this.session.getSystemProperties(), properties);
		copy(this.session.getUserProperties(), properties);
		return properties;
	}

	private static void copy(Properties from, Map<String, String> into) {
		from.stringPropertyNames().forEach((name) -> into.put(name, from.getProperty(name)));
	}

	private URLClassLoader projectClassLoader() throws MojoExecutionException {
		List<URL> urls = new ArrayList<>();
		try {
			for (String element : this.project.getRuntimeClasspathElements()) {
				urls.add(Path.of(element).toUri().toURL());
			}
		}
		catch (MalformedURLException | DependencyResolutionRequiredException ex) {
			throw new MojoExecutionException("Cannot build the project's runtime class path", ex);
		}
		// parent first: the engine's own classes (Model, …) come from this plugin, so the
		// annotations found on the project's classes are the ones the engine looks for
		return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
	}

}
