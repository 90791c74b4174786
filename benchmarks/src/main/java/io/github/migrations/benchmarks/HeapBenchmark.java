package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.benchmarks.Database.Place;

/**
 * Measurement (5): the heap our engine needs beyond the application's own, applying every
 * migration to an empty database and restarting with everything applied, each in a fresh JVM
 * ({@link ColdRun}). First with the serial collector and a small young generation, so that the
 * heap is sampled after every few megabytes of allocation (an upper bound of the live heap: old
 * objects that died are only counted out by a full collection); then again with the heap capped at
 * the application's own live heap plus 16, 32 and at most 64 MB, smallest first: a capped run
 * passes only if the engine never needs more.
 */
public final class HeapBenchmark {

	/** The budget beyond the application's own heap, in MiB. */
	public static final int BUDGET_MIB = 64;

	private HeapBenchmark() {
	}

	/**
	 * Run the measurement.
	 * @param bench the workload on one database
	 * @param classes the compiled models folder
	 * @return per mode ({@code apply}, {@code restart}): peak live heap, base heap (bytes) and
	 * whether the capped run passed
	 * @throws Exception on failure
	 */
	public static Map<String, Outcome> run(Case bench, Path classes) throws Exception {
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		List<String> sampled = List.of("-XX:+UseSerialGC", "-Xmn4m", "-Xmx2g");
		try (Place place = bench.database().createShared()) {
			ColdRunner.Cold apply = ColdRunner.run(1, sampled, place.dataSource(), "apply", classes, bench);
			ColdRunner.Cold restart = ColdRunner.run(1, sampled, place.dataSource(), "restart", classes, bench);
			outcomes.put("apply", capped(bench, classes, apply, "apply"));
			outcomes.put("restart", capped(bench, classes, restart, "restart"));
		}
		return outcomes;
	}

	private static Outcome capped(Case bench, Path classes, ColdRunner.Cold sampled, String mode) throws Exception {
		long base = sampled.baseHeap().nanos().get(0);
		StringBuilder note = new StringBuilder();
		for (int budget : List.of(16, 32, BUDGET_MIB)) {
			long cap = (base >> 20) + 1 + budget;
			try (Place place = bench.database().createShared()) {
				if (mode.equals("restart")) {
					Engine.migrate(place.dataSource(), bench.models(), bench.migrations());
				}
				ColdRunner.run(1, List.of("-XX:+UseSerialGC", "-Xmx" + cap + "m"), place.dataSource(), mode, classes,
						bench);
				return new Outcome(sampled.peakHeap().nanos().get(0), base, budget,
						note + "passed with -Xmx" + cap + "m (own heap + " + budget + " MB)");
			}
			catch (IllegalStateException ex) {
				note.append("failed with -Xmx").append(cap).append("m (").append(firstLine(ex.getMessage())).append("); ");
			}
		}
		return new Outcome(sampled.peakHeap().nanos().get(0), base, -1, note.toString().strip());
	}

	private static String firstLine(String message) {
		return message.lines().filter((line) -> line.contains("Error") || line.contains("Exception")).findFirst()
			.orElse(message.lines().findFirst().orElse(""));
	}

	/**
	 * The heap of one mode.
	 *
	 * @param peak the peak live heap seen, in bytes
	 * @param base the live heap before the engine call, in bytes
	 * @param budget the smallest budget beyond the base (16, 32 or 64 MB) the run passed with, or
	 * -1 if it failed with all
	 * @param note how the capped runs went
	 */
	public record Outcome(long peak, long base, int budget, String note) {
	}

}
