package io.github.migrations.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action a number of times untimed (warm-up), then timed.
 */
public final class Timing {

	private Timing() {
	}

	/**
	 * Warm up, then measure.
	 * @param warmups untimed runs
	 * @param runs timed runs
	 * @param action the action; receives the run number
	 * @return the timed samples
	 * @throws Exception when the action fails
	 */
	public static Samples measure(int warmups, int runs, Action action) throws Exception {
		for (int i = 0; i < warmups; i++) {
			action.run();
		}
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			nanos.add(action.run());
		}
		return new Samples(nanos);
	}

	/**
	 * Run an action untimed until the JIT has settled on it: at least {@code minRuns} times, then
	 * until a run during which the JIT's compiler threads compiled for less than a tenth of the
	 * run's wall time, at most {@code maxRuns} times. A JVM's first runs of a large call are
	 * measured while the compiler threads still compile it (and compete with it for the
	 * processors), and a few warm-up runs are not enough for a call that runs thousands of
	 * methods: the first set measured in a JVM would otherwise read slower than the next.
	 * @param minRuns the fewest runs
	 * @param maxRuns the most runs
	 * @param action the action
	 * @return the runs made
	 * @throws Exception when the action fails
	 */
	public static int settle(int minRuns, int maxRuns, Action action) throws Exception {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
		int runs = 0;
		while (runs < maxRuns) {
			long compiled = watched ? jit.getTotalCompilationTime() : 0;
			long start = System.nanoTime();
			action.run();
			long wall = System.nanoTime() - start;
			runs++;
			long compiling = watched ? TimeUnit.MILLISECONDS.toNanos(jit.getTotalCompilationTime() - compiled) : 0;
			if (runs >= minRuns && compiling * 10 < wall) {
				break;
			}
		}
		return runs;
	}

	/**
	 * Time a piece of work.
	 * @param work the work
	 * @return the elapsed nanoseconds
	 * @throws Exception when the work fails
	 */
	public static long time(Work work) throws Exception {
		long start = System.nanoTime();
		work.run();
		return System.nanoTime() - start;
	}

	/**
	 * One run that returns its own timed nanoseconds (so untimed set-up can be left out).
	 */
	@FunctionalInterface
	public interface Action {

		/**
		 * Run once.
		 * @return the nanoseconds to count
		 * @throws Exception on failure
		 */
		long run() throws Exception;

	}

	/**
	 * Timed work.
	 */
	@FunctionalInterface
	public interface Work {

		/**
		 * Do the work.
		 * @throws Exception on failure
		 */
		void run() throws Exception;

	}

}
