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
 * <p>
 * {@code check-warm} is measured after a throw-away set of calls that lets the JIT settle
 * ({@link Timing#settle}: at least {@link #settleRuns(int)} calls, then until a call during which
 * the JIT compiled for less than a tenth of its time, at most {@value #MAX_SETTLE_RUNS}), then the
 * usual warm-up runs: with {@code --warmup 1} or {@code 2} alone, the first set measured in a JVM
 * was measured while the JIT still compiled the engine (its warm figure read 1.5-2 times the
 * next set's). The phases are measured after it, in the same JVM.
 */
public final class MakeMigrationsBenchmark {

	/** The most throw-away calls before {@code check-warm} (see {@link #settleRuns(int)}). */
	static final int MAX_SETTLE_RUNS = 40;

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
		Timing.Action check = () -> Timing.time(() -> expect(0,
				Engine.makemigrations(loader, bench.migrations(), "--check"), "makemigrations --check"));
		// a throw-away set first: the first set measured in the JVM would run under the JIT
		Timing.settle(settleRuns(bench.workload().models()), MAX_SETTLE_RUNS, check);
		samples.put("check-warm", Timing.measure(warmups, runs, check));
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

	/**
	 * Return the fewest throw-away calls before {@code check-warm}: about 20,000 models' worth,
	 * at least 2. In a JVM where nothing of the engine ran, a call on 1,000 models takes 5-10
	 * times its warm time at first and settles after 15-20 calls (measured with the JIT's
	 * compilation time and the process's processor time per call, OpenJDK 17, 2 processors); a
	 * call on 10,000 models runs each method ten times as often and settles in fewer calls.
	 * @param models the model count
	 * @return the fewest calls
	 */
	static int settleRuns(int models) {
		return Math.max(2, Math.min(MAX_SETTLE_RUNS, 20_000 / Math.max(1, models)));
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
