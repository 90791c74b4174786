package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.testsupport.SimpleDataSource;
import org.jspecify.annotations.Nullable;

/**
 * Starts {@link ColdRun} in fresh JVMs and collects its timings.
 */
public final class ColdRunner {

	/** The child JVM's options: the JVM's defaults, with room for the models. */
	public static final List<String> DEFAULT_JVM = List.of("-Xmx1g");

	/**
	 * The same with the JIT's first tier only ({@code -XX:TieredStopAtLevel=1}): in a process
	 * that lives a few seconds, the optimising compiler's work competes with the engine for the
	 * processors and is never paid back. An option for the command mode and the build.
	 */
	public static final List<String> C1_ONLY_JVM = List.of("-Xmx1g", "-XX:TieredStopAtLevel=1");

	private static final Pattern LINE = Pattern.compile("COLD engine=(\\d+) main=(\\d+) peakHeap=(\\d+) base=(\\d+) cpu=(\\d+) thread=(\\d+)");

	private ColdRunner() {
	}

	/**
	 * Run a cold measurement several times.
	 * @param runs the number of fresh JVMs
	 * @param jvmArguments options for the child JVM, for example {@code -Xmx1g}
	 * @param dataSource the database, or {@code null} for {@code check}
	 * @param mode {@code check}, {@code restart} or {@code apply}, see {@link ColdRun}
	 * @param classes the compiled models
	 * @param bench the workload and its migrations
	 * @return the results
	 * @throws IOException when a child cannot be started
	 * @throws InterruptedException when interrupted
	 */
	public static Cold run(int runs, List<String> jvmArguments, @Nullable SimpleDataSource dataSource, String mode,
			Path classes, Case bench) throws IOException, InterruptedException {
		return run(runs, jvmArguments, System.getProperty("java.class.path"), dataSource, mode, classes, bench);
	}

	/**
	 * Run a cold measurement several times on a given class path.
	 * @param runs the number of fresh JVMs
	 * @param jvmArguments options for the child JVM, for example {@code -Xmx1g}
	 * @param classPath the child's class path (this JVM's, or its jars-only copy of {@link AppCds})
	 * @param dataSource the database, or {@code null} for {@code check}
	 * @param mode {@code check}, {@code restart} or {@code apply}, see {@link ColdRun}
	 * @param classes the compiled models
	 * @param bench the workload and its migrations
	 * @return the results
	 * @throws IOException when a child cannot be started
	 * @throws InterruptedException when interrupted
	 */
	public static Cold run(int runs, List<String> jvmArguments, String classPath, @Nullable SimpleDataSource dataSource,
			String mode, Path classes, Case bench) throws IOException, InterruptedException {
		List<Long> engine = new ArrayList<>();
		List<Long> overhead = new ArrayList<>();
		List<Long> wall = new ArrayList<>();
		List<Long> peaks = new ArrayList<>();
		List<Long> bases = new ArrayList<>();
		List<Long> cpu = new ArrayList<>();
		List<Long> thread = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(jvmArguments);
			command.addAll(List.of("-cp", classPath));
			if (dataSource != null) {
				command.addAll(List.of("-Dbench.url=" + dataSource.url(), "-Dbench.user=" + dataSource.user(),
						"-Dbench.password=" + dataSource.password()));
			}
			command.add(ColdRun.class.getName());
			command.addAll(List.of(mode, classes.toString(), bench.migrations().toString(),
					Integer.toString(bench.workload().models()), Integer.toString(bench.workload().apps()),
					bench.workload().shape().label()));
			long start = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			long elapsed = System.nanoTime() - start;
			Matcher matcher = LINE.matcher(output);
			if (exit != 0 || !matcher.find()) {
				throw new IllegalStateException("Cold run " + mode + " failed (exit " + exit + "):\n" + output);
			}
			engine.add(Long.parseLong(matcher.group(1)));
			overhead.add(elapsed - Long.parseLong(matcher.group(2)));
			wall.add(elapsed);
			peaks.add(Long.parseLong(matcher.group(3)));
			bases.add(Long.parseLong(matcher.group(4)));
			cpu.add(Long.parseLong(matcher.group(5)));
			thread.add(Long.parseLong(matcher.group(6)));
		}
		Collections.sort(peaks);
		return new Cold(new Samples(engine), new Samples(overhead), new Samples(wall), new Samples(peaks),
				new Samples(bases), new Samples(cpu), new Samples(thread));
	}

	/**
	 * Measure with application class-data sharing: train an archive in one fresh JVM (not
	 * measured), then run the measurement with it, with the given options and with the JIT's
	 * first tier only.
	 * @param runs the number of fresh JVMs per variant
	 * @param folder a scratch folder for the archive and the class path's jars
	 * @param name the archive's name
	 * @param dataSource the database, or {@code null} for {@code check}
	 * @param mode {@code check}, {@code restart} or {@code apply}, see {@link ColdRun}
	 * @param classes the compiled models
	 * @param bench the workload and its migrations
	 * @return the results with {@link #DEFAULT_JVM}, then with {@link #C1_ONLY_JVM}, each with the
	 * archive
	 * @throws Exception when a child fails
	 */
	public static List<Cold> runWithArchive(int runs, Path folder, String name, @Nullable SimpleDataSource dataSource,
			String mode, Path classes, Case bench) throws Exception {
		AppCds cds = AppCds.train(folder, name, (classPath, options) -> run(1, concat(DEFAULT_JVM, options), classPath,
				dataSource, mode, classes, bench));
		return List.of(run(runs, cds.options(DEFAULT_JVM), cds.classPath(), dataSource, mode, classes, bench),
				run(runs, cds.options(C1_ONLY_JVM), cds.classPath(), dataSource, mode, classes, bench));
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/**
	 * Cold results.
	 *
	 * @param engine the engine call
	 * @param jvm the rest of the process: JVM start before {@code main}, and exit
	 * @param wall the whole process as its parent saw it
	 * @param peakHeap the peak live heap during the engine call, in bytes
	 * @param baseHeap the live heap before the call (the application's own), in bytes
	 * @param cpu the processor time of the whole process during the call (compiler threads
	 * included)
	 * @param thread the processor time of the calling thread during the call
	 */
	public record Cold(Samples engine, Samples jvm, Samples wall, Samples peakHeap, Samples baseHeap, Samples cpu,
			Samples thread) {
	}

}
