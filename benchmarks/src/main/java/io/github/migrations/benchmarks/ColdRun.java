package io.github.migrations.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of a cold measurement: one engine call in a fresh JVM, as a build or an
 * application restart makes it. Prints one line,
 * {@code COLD engine=<ns> main=<ns> peakHeap=<bytes>}: the engine call, the time from entering
 * {@code main} to the end of the call, and the peak heap use (garbage included).
 * <p>
 * Arguments: {@code check <classes> <migrations>} or
 * {@code restart <classes> <migrations> <models> <apps>} with the database in the system
 * properties {@code bench.url}, {@code bench.user} and {@code bench.password}.
 */
public final class ColdRun {

	private ColdRun() {
	}

	/**
	 * Run one cold measurement.
	 * @param args see the class description
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		long mainStart = System.nanoTime();
		Path classes = Path.of(args[1]);
		Path migrations = Path.of(args[2]);
		long engine;
		try (URLClassLoader models = ModelCompiler.classLoader(classes)) {
			if (args[0].equals("check")) {
				engine = Timing.time(() -> MakeMigrationsBenchmark.expect(0,
						Engine.makemigrations(models, migrations, "--check"), "makemigrations --check"));
			}
			else {
				Workload workload = new Workload(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
				List<Class<?>> modelClasses = ModelCompiler.load(models, workload.classNames());
				SimpleDataSource dataSource = new SimpleDataSource(System.getProperty("bench.url"),
						System.getProperty("bench.user", ""), System.getProperty("bench.password", ""));
				engine = Timing.time(() -> MakeMigrationsBenchmark.expect(0,
						Engine.migrate(dataSource, modelClasses, migrations), "migrations applied"));
			}
		}
		long main = System.nanoTime() - mainStart;
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.println("COLD engine=" + engine + " main=" + main + " peakHeap=" + peak);
	}

}
