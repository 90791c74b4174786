package io.github.migrations.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.migrations.testsupport.SimpleDataSource;

/**
 * The child process of a cold measurement: one engine call in a fresh JVM, as a build or an
 * application restart makes it.
 * <p>
 * <em>Engine time</em> is the wall time from entering the engine's public API to its return, in a
 * JVM that has run nothing of the engine before: {@code Migrations.configure()…load()} followed
 * by {@code run(["makemigrations", "--check"])} ({@code check}) or {@code migrate()}
 * ({@code restart}, {@code apply}), as {@link Engine} calls them. Not counted: the JVM's start,
 * {@code main} up to the call (parsing the arguments, the harness's own classes, a full
 * collection), and the process's exit. Counted: everything the call does, including loading and
 * initialising the engine's classes and its libraries (SnakeYAML, picocli), running them
 * interpreted until the JIT compiles them, and any thread the engine starts. For {@code check}
 * the engine scans the model package and loads the model classes itself, as the build plugin
 * does; for {@code restart} and {@code apply} the model classes are loaded before the call and a
 * connection to the database is open, as in an application whose context (Spring's scanning, the
 * connection pool) is up when the starter calls the engine.
 * <p>
 * Prints one line,
 * {@code COLD engine=<ns> main=<ns> peakHeap=<bytes> base=<bytes> cpu=<ns> thread=<ns>}: the engine
 * call, the time from entering {@code main} to the end of the call, the largest heap in use after
 * any garbage collection during the call (or at its end), the heap in use before it (the models
 * loaded, after a full collection), and the processor time of the call: of the whole process (the
 * JIT's compiler threads and the collector included) and of the calling thread alone. On a machine
 * shared with other work, processor time varies less than wall time.
 * <p>
 * Arguments: {@code <mode> <classes> <migrations> <models> <apps> <shape>}, where the mode is
 * {@code check} ({@code makemigrations --check}), {@code restart} ({@code migrate()} with
 * everything applied) or {@code apply} ({@code migrate()} on an empty database); the database is
 * given by the system properties {@code bench.url}, {@code bench.user} and {@code bench.password},
 * and one connection to it is held open around the call, as an application's pool would.
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
		String mode = args[0];
		Path classes = Path.of(args[1]);
		Path migrations = Path.of(args[2]);
		Workload workload = new Workload(Integer.parseInt(args[3]), Integer.parseInt(args[4]),
				Workload.Shape.of(args[5]));
		AtomicLong peak = new AtomicLong();
		long engine;
		long base;
		long cpu;
		long thread;
		try (URLClassLoader models = ModelCompiler.classLoader(classes)) {
			if (mode.equals("check")) {
				base = liveHeap();
				watchCollections(peak);
				cpu = processCpu();
				thread = threadCpu();
				engine = Timing.time(() -> MakeMigrationsBenchmark.expect(0,
						Engine.makemigrations(models, migrations, "--check"), "makemigrations --check"));
				thread = threadCpu() - thread;
				cpu = processCpu() - cpu;
			}
			else {
				List<Class<?>> modelClasses = ModelCompiler.load(models, workload.classNames());
				SimpleDataSource dataSource = new SimpleDataSource(System.getProperty("bench.url"),
						System.getProperty("bench.user", ""), System.getProperty("bench.password", ""));
				int expected = mode.equals("apply") ? workload.models() : 0;
				// the application has opened its database before: the driver's start and, for an H2
				// file, opening the database (reading every table's definition) are not the engine's
				try (java.sql.Connection open = dataSource.getConnection()) {
					base = liveHeap();
					watchCollections(peak);
					cpu = processCpu();
					thread = threadCpu();
					engine = Timing.time(() -> MakeMigrationsBenchmark.expect(expected,
							Engine.migrate(dataSource, modelClasses, migrations).size(), "migrations applied"));
					thread = threadCpu() - thread;
					cpu = processCpu() - cpu;
				}
			}
			peak.accumulateAndGet(liveHeap(), Math::max);
		}
		long main = System.nanoTime() - mainStart;
		System.out.println("COLD engine=" + engine + " main=" + main + " peakHeap=" + peak.get() + " base=" + base + " cpu="
				+ cpu + " thread=" + thread);
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long threadCpu() {
		return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	private static long liveHeap() {
		System.gc();
		return heapUsed();
	}

	private static long heapUsed() {
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				used += pool.getUsage().getUsed();
			}
		}
		return used;
	}

	private static void watchCollections(AtomicLong peak) {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
				if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					long after = 0;
					for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
						if (!pool.getKey().contains("Metaspace") && !pool.getKey().contains("Code")
								&& !pool.getKey().contains("Class")) {
							after += pool.getValue().getUsed();
						}
					}
					peak.accumulateAndGet(after, Math::max);
				}
			}, null, null);
		}
	}

}
