package io.github.migrations.benchmarks.jmh;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.migrations.benchmarks.History;
import io.github.migrations.benchmarks.MakeMigrationsBenchmark;
import io.github.migrations.benchmarks.ModelCompiler;
import io.github.migrations.benchmarks.Engine;
import io.github.migrations.benchmarks.Workload;
import io.github.migrations.loader.DirectoryMigrationSource;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.state.ProjectState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH micro-benchmarks of the engine's file-only work on a generated history (one migration per
 * model, {@link History}): {@code makemigrations --check}, and loading the files and replaying them
 * into a project state, the part of a restart that grows with the history.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmarks {

	/** The number of models (and migrations). */
	@Param("1000")
	public int models;

	/** The workload shape label. */
	@Param("independent")
	public String shape;

	private Path work;

	private URLClassLoader loader;

	private Path migrations;

	/**
	 * Generate, compile and write the workload.
	 * @throws IOException on failure
	 */
	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.work = Files.createTempDirectory("migrations-jmh");
		Workload workload = new Workload(this.models, 10, Workload.Shape.of(this.shape));
		Path classes = ModelCompiler.compile(workload.sources(), this.work.resolve("models"));
		this.loader = ModelCompiler.classLoader(classes);
		List<Class<?>> classList = ModelCompiler.load(this.loader, workload.classNames());
		this.migrations = this.work.resolve("migrations");
		History.write(workload, classList, this.migrations);
	}

	/**
	 * Delete the workload.
	 * @throws IOException on failure
	 */
	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		this.loader.close();
		try (Stream<Path> paths = Files.walk(this.work)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * {@code makemigrations --check} with nothing to do.
	 * @return the exit code
	 */
	@Benchmark
	public int makemigrationsCheck() {
		int exit = Engine.makemigrations(this.loader, this.migrations, "--check");
		MakeMigrationsBenchmark.expect(0, exit, "makemigrations --check exit code");
		return exit;
	}

	/**
	 * Read, parse and graph the files, then replay them into the project state.
	 * @return the state
	 */
	@Benchmark
	public ProjectState loadAndReplay() {
		return MigrationLoader.load(new DirectoryMigrationSource(this.migrations), null).projectState();
	}

}
