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
 * Measurement (4), no database: {@code makemigrations --check} on the workload's history (one
 * migration per model, nothing to do), warm and in fresh JVMs, with the time of each of its
 * phases measured separately; and {@code makemigrations} writing the initial migrations of all
 * models into an empty folder (independent models only: a chain of foreign keys across apps needs
 * circular app dependencies split, which the autodetector does not do yet).
 */
public final class MakeMigrationsBenchmark {

	private MakeMigrationsBenchmark() {
	}

	/**
	 * Run the measurements.
	 * @param bench the workload and its history
	 * @param loader the class loader of the compiled models
	 * @param classes the compiled models folder, for the fresh JVMs
	 * @param work a scratch folder
	 * @param warmups warm-up runs
	 * @param runs timed runs
	 * @param coldRuns fresh JVMs
	 * @return measurement name to samples
	 * @throws Exception on failure
	 */
	public static Map<String, Samples> run(Case bench, ClassLoader loader, Path classes, Path work, int warmups,
			int runs, int coldRuns) throws Exception {
		Map<String, Samples> samples = new LinkedHashMap<>();
		samples.put("check-warm", Timing.measure(warmups, runs, () -> Timing.time(() -> expect(0,
				Engine.makemigrations(loader, bench.migrations(), "--check"), "makemigrations --check"))));
		if (coldRuns > 0) {
			samples.put("check-cold",
					ColdRunner.run(coldRuns, ColdRunner.DEFAULT_JVM, null, "check", classes, bench).engine());
			samples.put("check-cold-c1",
					ColdRunner.run(coldRuns, ColdRunner.C1_ONLY_JVM, null, "check", classes, bench).engine());
			List<ColdRunner.Cold> cds = ColdRunner.runWithArchive(coldRuns, work.resolve("cds"), "check", null, "check",
					classes, bench);
			samples.put("check-cold-cds", cds.get(0).engine());
			samples.put("check-cold-cds-c1", cds.get(1).engine());
		}
		List<String> packages = List.of(Workload.ROOT_PACKAGE);
		samples.put("phase: scan the package and load the classes (ModelScanner.scan)",
				Timing.measure(warmups, runs, () -> Timing.time(() -> ModelScanner.scan(loader, packages))));
		List<Class<?>> scanned = ModelScanner.scan(loader, packages);
		samples.put("phase: read the models (ModelReader.read)",
				Timing.measure(warmups, runs, () -> Timing.time(() -> ModelReader.read(scanned))));
		DirectoryMigrationSource source = new DirectoryMigrationSource(bench.migrations());
		samples.put("phase: read, parse and graph the files (MigrationLoader.load)",
				Timing.measure(warmups, runs, () -> Timing.time(() -> MigrationLoader.load(source, null))));
		DeclaredModels declared = ModelReader.read(scanned);
		MigrationLoader migrations = MigrationLoader.load(source, null);
		samples.put("phase: replay the history into a project state (MigrationLoader.projectState)",
				Timing.measure(warmups, runs, () -> Timing.time(migrations::projectState)));
		samples.put("phase: detect changes (Autodetector.changes, incl. the project state)",
				Timing.measure(warmups, runs, () -> Timing.time(() -> detect(migrations, declared))));
		if (bench.workload().shape() == Workload.Shape.INDEPENDENT) {
			AtomicInteger counter = new AtomicInteger();
			samples.put("write", Timing.measure(warmups, runs, () -> {
				Path directory = work.resolve("makemigrations-" + counter.incrementAndGet());
				return Timing.time(() -> expect(0, Engine.makemigrations(loader, directory), "makemigrations"));
			}));
		}
		return samples;
	}

	static void detect(MigrationLoader loader, DeclaredModels declared) {
		Autodetector autodetector = new Autodetector(loader.projectState(), declared, new DetectingQuestioner());
		int changed = autodetector.changes((app) -> {
			List<MigrationKey> leaves = loader.graph().leafNodes(app);
			return leaves.isEmpty() ? null : leaves.get(leaves.size() - 1);
		}, Set.of(), null, LocalDateTime.now()).migrations().size();
		expect(0, changed, "apps with changes");
	}

	/**
	 * Fail unless a count is as expected: every measurement checks that the work was really done.
	 * @param expected the expected count
	 * @param actual the actual count
	 * @param what what was counted
	 */
	public static void expect(int expected, int actual, String what) {
		if (expected != actual) {
			throw new IllegalStateException(what + ": expected " + expected + " but got " + actual);
		}
	}

}
