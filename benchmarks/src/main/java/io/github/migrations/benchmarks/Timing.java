package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.List;

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
