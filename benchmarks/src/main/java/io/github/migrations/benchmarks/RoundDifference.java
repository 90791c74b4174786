package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a subject adds to a baseline measured in the same rounds
 * ({@link io.github.migrations.benchmarks.startup.StartupBenchmark}): the median of the per-round
 * differences, each round's sample minus that round's baseline, with the smallest and largest of
 * them. A slow spell of the machine that slows a whole round mostly cancels out of that round's
 * difference, where a difference of medians mixes rounds. Samples of unequal length are not paired:
 * the figure is then the difference of the medians, with no spread.
 *
 * @param median the median of the per-round differences in milliseconds (or the difference of
 * the medians)
 * @param min the smallest per-round difference (or {@code median})
 * @param max the largest per-round difference (or {@code median})
 * @param rounds how many rounds were paired, {@code 0} when the samples were not paired
 */
public record RoundDifference(double median, double min, double max, int rounds) {

	/**
	 * Subtract the baseline, round by round.
	 * @param subject for example ours
	 * @param baseline the same measurement without the subject
	 * @return the difference
	 */
	public static RoundDifference of(Samples subject, Samples baseline) {
		List<Long> a = subject.nanos();
		List<Long> b = baseline.nanos();
		if (a.size() != b.size()) {
			double difference = subject.medianMillis() - baseline.medianMillis();
			return new RoundDifference(difference, difference, difference, 0);
		}
		List<Double> differences = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			differences.add((a.get(i) - b.get(i)) / 1e6);
		}
		Collections.sort(differences);
		return new RoundDifference(RoundRatio.median(differences), differences.get(0),
				differences.get(differences.size() - 1), differences.size());
	}

	/**
	 * Return the difference as the report shows it: {@code 212 ms (150–301 ms)}, or
	 * {@code 212 ms} when the samples were not paired.
	 * @return the text
	 */
	public String describe() {
		String median = Samples.millis(this.median);
		if (this.rounds == 0) {
			return median;
		}
		return String.format(Locale.ROOT, "%s (%s–%s)", median, number(this.min), Samples.millis(this.max));
	}

	private static String number(double millis) {
		String text = Samples.millis(millis);
		return text.substring(0, text.length() - " ms".length());
	}

}
