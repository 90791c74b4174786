package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts {@link ColdRun} in fresh JVMs and collects its timings.
 */
public final class ColdRunner {

	private static final Pattern LINE = Pattern.compile("COLD engine=(\\d+) main=(\\d+) peakHeap=(\\d+)");

	private ColdRunner() {
	}

	/**
	 * Run a cold measurement several times.
	 * @param runs the number of fresh JVMs
	 * @param properties system properties for the child ({@code -Dkey=value})
	 * @param args the child's arguments
	 * @return the results
	 * @throws IOException when a child cannot be started
	 * @throws InterruptedException when interrupted
	 */
	public static Cold run(int runs, List<String> properties, String... args) throws IOException, InterruptedException {
		List<Long> engine = new ArrayList<>();
		List<Long> overhead = new ArrayList<>();
		List<Long> wall = new ArrayList<>();
		List<Long> peaks = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xms256m", "-Xmx2g", "-cp", System.getProperty("java.class.path")));
			command.addAll(properties);
			command.add(ColdRun.class.getName());
			command.addAll(List.of(args));
			long start = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			long elapsed = System.nanoTime() - start;
			Matcher matcher = LINE.matcher(output);
			if (exit != 0 || !matcher.find()) {
				throw new IllegalStateException("Cold run " + List.of(args) + " failed (exit " + exit + "):\n" + output);
			}
			engine.add(Long.parseLong(matcher.group(1)));
			overhead.add(elapsed - Long.parseLong(matcher.group(2)));
			wall.add(elapsed);
			peaks.add(Long.parseLong(matcher.group(3)));
		}
		Collections.sort(peaks);
		return new Cold(new Samples(engine), new Samples(overhead), new Samples(wall), peaks.get(peaks.size() / 2));
	}

	/**
	 * Cold results.
	 *
	 * @param engine the engine call
	 * @param jvm the rest of the process: JVM start before {@code main}, and exit
	 * @param wall the whole process as its parent saw it
	 * @param peakHeapBytes the median peak heap use
	 */
	public record Cold(Samples engine, Samples jvm, Samples wall, long peakHeapBytes) {
	}

}
