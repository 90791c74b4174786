package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Timings of one measurement, in nanoseconds, with the median used in the report.
 *
 * @param nanos the measured runs (warm-up runs excluded)
 */
public record Samples(List<Long> nanos) {

	public Samples {
		nanos = List.copyOf(nanos);
		if (nanos.isEmpty()) {
			throw new IllegalArgumentException("No samples");
		}
	}

	/**
	 * Return the median in milliseconds.
	 * @return the median
	 */
	public double medianMillis() {
		List<Long> sorted = new ArrayList<>(this.nanos);
		Collections.sort(sorted);
		int size = sorted.size();
		double median = (size % 2 == 1) ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2.0;
		return median / 1e6;
	}

	/**
	 * Return the smallest sample in milliseconds.
	 * @return the minimum
	 */
	public double minMillis() {
		return Collections.min(this.nanos) / 1e6;
	}

	/**
	 * Return the largest sample in milliseconds.
	 * @return the maximum
	 */
	public double maxMillis() {
		return Collections.max(this.nanos) / 1e6;
	}

	/**
	 * Return {@code median (min–max, n runs)} for the report.
	 * @return the text
	 */
	public String describe() {
		return String.format(Locale.ROOT, "%s (%s–%s, n=%d)", millis(medianMillis()), millis(minMillis()),
				millis(maxMillis()), this.nanos.size());
	}

	/**
	 * Format milliseconds for the report.
	 * @param millis the value
	 * @return for example {@code 12.3 ms} or {@code 1,234 ms}
	 */
	public static String millis(double millis) {
		return (Math.abs(millis) < 100) ? String.format(Locale.ROOT, "%.1f ms", millis)
				: String.format(Locale.ROOT, "%,.0f ms", millis);
	}

}
