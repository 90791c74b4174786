package io.github.migrations.benchmarks;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.MigrateResult;
import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import io.github.migrations.migration.MigrationKey;

/**
 * How the benchmarks call the engine: through its public facade, as the build plugin
 * ({@code makemigrations}) and the Spring Boot starter ({@code migrate()} at startup) do.
 */
public final class Engine {

	private Engine() {
	}

	/**
	 * Run {@code makemigrations} with the given arguments, scanning the model package as the build
	 * plugin does.
	 * @param models the class loader of the compiled models
	 * @param directory the migrations folder
	 * @param args the arguments after {@code makemigrations}
	 * @return the exit code
	 */
	public static int makemigrations(ClassLoader models, Path directory, String... args) {
		Migrations migrations = Migrations.configure()
			.classLoader(models)
			.modelPackages(Workload.ROOT_PACKAGE)
			.directory(directory)
			.load();
		List<String> command = new ArrayList<>(List.of("makemigrations"));
		command.addAll(List.of(args));
		return migrations.run(command, output());
	}

	/**
	 * Run {@code migrate()} as the starter does at startup: model classes given, print nothing.
	 * @param dataSource the database
	 * @param modelClasses the model classes (already loaded, as Spring's scanning would have)
	 * @param directory the migrations folder
	 * @return the migrations applied, in order
	 */
	public static List<MigrationKey> migrate(DataSource dataSource, List<Class<?>> modelClasses, Path directory) {
		return engine(dataSource, modelClasses, directory).migrate().applied();
	}

	/**
	 * Run {@code migrate <app> <target>}, printing nothing: forwards to a target, or backwards when
	 * the target is applied and later migrations of its app are too.
	 * @param dataSource the database
	 * @param modelClasses the model classes
	 * @param directory the migrations folder
	 * @param app the app
	 * @param target the target migration's name, or {@code zero}
	 * @return what was applied or unapplied
	 */
	public static MigrateResult migrate(DataSource dataSource, List<Class<?>> modelClasses, Path directory, String app,
			String target) {
		return engine(dataSource, modelClasses, directory)
			.migrate(new Migrate.Options(app, target, false, false, false, false), output());
	}

	private static Migrations engine(DataSource dataSource, List<Class<?>> modelClasses, Path directory) {
		return Migrations.configure().dataSource(dataSource).modelClasses(modelClasses).directory(directory).load();
	}

	/**
	 * Return an output that discards what it is given, at the default verbosity.
	 * @return the output
	 */
	public static CommandOutput output() {
		PrintWriter discard = new PrintWriter(Writer.nullWriter());
		return new CommandOutput(discard, discard, 1);
	}

}
