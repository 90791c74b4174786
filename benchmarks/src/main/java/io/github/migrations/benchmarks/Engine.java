package io.github.migrations.benchmarks;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;

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
		return migrations.run(command("makemigrations", args), output());
	}

	/**
	 * Run {@code migrate()} as the starter does at startup: model classes given, print nothing.
	 * @param dataSource the database
	 * @param modelClasses the model classes (already loaded, as Spring's scanning would have)
	 * @param directory the migrations folder
	 * @return the number of migrations applied
	 */
	public static int migrate(DataSource dataSource, List<Class<?>> modelClasses, Path directory) {
		Migrations migrations = Migrations.configure()
			.dataSource(dataSource)
			.modelClasses(modelClasses)
			.directory(directory)
			.load();
		return migrations.migrate().applied().size();
	}

	private static List<String> command(String name, String... args) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), java.util.stream.Stream.of(args))
			.toList();
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
