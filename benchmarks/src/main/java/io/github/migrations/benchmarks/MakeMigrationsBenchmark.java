package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.migrations.autodetect.Autodetector;
import io.github.migrations.autodetect.DetectingQuestioner;
import io.github.migrations.loader.DirectoryMigrationSource;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.model.ModelReader;
import io.github.migrations.model.ModelScanner;

/**
 * Issue 3: {@code makemigrations} (writing the initial migrations) and
 * {@code makemigrations --check} (nothing to do) on the generated models, no database; plus the
 * time of each phase of {@code --check}, measured separately through the engine's public classes.
 *
 * @param write {@code makemigrations} into an empty folder
 * @param check {@code makemigrations --check} when the files are up to date
 * @param phases phase name to its samples
 * @param migrations the folder holding the written migrations
 */
public record MakeMigrationsBenchmark(Samples write, Samples check, Map<String, Samples> phases, Path migrations) {

	/**
	 * Run the measurements.
	 * @param models the class loader of the compiled models
	 * @param work a scratch folder
	 * @param warmups warm-up runs
	 * @param runs timed runs
	 * @return the results
	 * @throws Exception on failure
	 */
	public static MakeMigrationsBenchmark run(ClassLoader models, Path work, int warmups, int runs) throws Exception {
		AtomicInteger counter = new AtomicInteger();
		Path[] last = new Path[1];
		Samples write = Timing.measure(warmups, runs, () -> {
			Path directory = work.resolve("makemigrations-" + counter.incrementAndGet());
			last[0] = directory;
			return Timing.time(() -> expect(0, Engine.makemigrations(models, directory), "makemigrations"));
		});
		Path migrations = last[0];
		Samples check = Timing.measure(warmups, runs,
				() -> Timing.time(() -> expect(0, Engine.makemigrations(models, migrations, "--check"),
						"makemigrations --check")));
		Map<String, Samples> phases = new LinkedHashMap<>();
		List<String> packages = List.of(Workload.ROOT_PACKAGE);
		phases.put("scan the package and load the classes (ModelScanner.scan)",
				Timing.measure(warmups, runs, () -> Timing.time(() -> ModelScanner.scan(models, packages))));
		List<Class<?>> classes = ModelScanner.scan(models, packages);
		phases.put("read the models (ModelReader.read)",
				Timing.measure(warmups, runs, () -> Timing.time(() -> ModelReader.read(classes))));
		DirectoryMigrationSource source = new DirectoryMigrationSource(migrations);
		phases.put("read, parse and graph the files (MigrationLoader.load)",
				Timing.measure(warmups, runs, () -> Timing.time(() -> MigrationLoader.load(source, null))));
		DeclaredModels declared = ModelReader.read(classes);
		MigrationLoader loader = MigrationLoader.load(source, null);
		phases.put("detect changes (Autodetector.changes, incl. loader.projectState())",
				Timing.measure(warmups, runs, () -> Timing.time(() -> detect(loader, declared))));
		return new MakeMigrationsBenchmark(write, check, phases, migrations);
	}

	static void detect(MigrationLoader loader, DeclaredModels declared) {
		Autodetector autodetector = new Autodetector(loader.projectState(), declared, new DetectingQuestioner());
		int changed = autodetector.changes((app) -> {
			List<MigrationKey> leaves = loader.graph().leafNodes(app);
			return leaves.isEmpty() ? null : leaves.get(leaves.size() - 1);
		}, Set.of(), null, LocalDateTime.now()).migrations().size();
		expect(0, changed, "apps with changes");
	}

	static void expect(int expected, int actual, String what) {
		if (expected != actual) {
			throw new IllegalStateException(what + ": expected " + expected + " but got " + actual);
		}
	}

}
