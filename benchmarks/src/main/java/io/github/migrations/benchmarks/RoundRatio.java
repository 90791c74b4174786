package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The ratio of two subjects measured in the same rounds ({@link ApplyBenchmark}): the median of
 * the per-round ratios, with the smallest and largest of them. Each round's two runs come back to
 * back, so a slow spell of the machine slows both and mostly cancels out of that round's ratio,
 * where a ratio of medians would compare runs made at different times. Samples of unequal length
 * (results written before the rounds were paired, or subjects that ran in fewer rounds) are not
 * paired: the ratio is then the ratio of the medians, with no spread.
 *
 * @param median the median of the per-round ratios (or the ratio of the medians)
 * @param min the smallest per-round ratio (or {@code median})
 * @param max the largest per-round ratio (or {@code median})
 * @param rounds how many rounds were paired, {@code 0} when the samples were not paired
 */
public record RoundRatio(double median, double min, double max, int rounds) {

	/**
	 * Compare two subjects.
	 * @param numerator for example ours
	 * @param denominator for example the floor
	 * @return the ratio
	 */
	public static RoundRatio of(Samples numerator, Samples denominator) {
		List<Long> a = numerator.nanos();
		List<Long> b = denominator.nanos();
		if (a.size() != b.size()) {
			double ratio = numerator.medianMillis() / denominator.medianMillis();
			return new RoundRatio(ratio, ratio, ratio, 0);
		}
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			ratios.add((double) a.get(i) / b.get(i));
		}
		return of(ratios);
	}

	/**
	 * Compare what two subjects add to a baseline measured in the same rounds
	 * ({@link io.github.migrations.benchmarks.startup.StartupBenchmark}): the median of the
	 * per-round ratios {@code (numerator − baseline) ÷ (denominator − baseline)}, each round
	 * against its own baseline. A round in which the denominator added nothing (or less) has no
	 * ratio and is left out. Samples of unequal length are not paired: the ratio is then that of
	 * the differences of the medians, with no spread.
	 * @param numerator for example ours
	 * @param denominator for example Flyway
	 * @param baseline the same start without either
	 * @return the ratio, {@code NaN} when no round has one
	 */
	public static RoundRatio ofAdded(Samples numerator, Samples denominator, Samples baseline) {
		List<Long> a = numerator.nanos();
		List<Long> b = denominator.nanos();
		List<Long> base = baseline.nanos();
		if (a.size() != base.size() || b.size() != base.size()) {
			double ratio = (numerator.medianMillis() - baseline.medianMillis())
					/ (denominator.medianMillis() - baseline.medianMillis());
			return new RoundRatio(ratio, ratio, ratio, 0);
		}
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < base.size(); i++) {
			long added = b.get(i) - base.get(i);
			if (added > 0) {
				ratios.add((double) (a.get(i) - base.get(i)) / added);
			}
		}
		return ratios.isEmpty() ? new RoundRatio(Double.NaN, Double.NaN, Double.NaN, 0) : of(ratios);
	}

	private static RoundRatio of(List<Double> ratios) {
		List<Double> sorted = new ArrayList<>(ratios);
		Collections.sort(sorted);
		return new RoundRatio(median(sorted), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
	}

	/**
	 * Return the median of sorted values.
	 * @param sorted the values, smallest first, at least one
	 * @return the middle one, or the mean of the middle two
	 */
	static double median(List<Double> sorted) {
		int size = sorted.size();
		return (size % 2 == 1) ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
	}

	/**
	 * Return the ratio as the report shows it: {@code 1.04× (0.97–1.12, 9 rounds)}, or
	 * {@code 1.04×} when the samples were not paired.
	 * @return the text
	 */
	public String describe() {
		String ratio = Report.ratio(this.median);
		if (this.rounds == 0) {
			return ratio;
		}
		return ratio + String.format(Locale.ROOT, " (%.2f–%.2f, %d round%s)", this.min, this.max, this.rounds,
				(this.rounds == 1) ? "" : "s");
	}

}
