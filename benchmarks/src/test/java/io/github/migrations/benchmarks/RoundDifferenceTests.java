package io.github.migrations.benchmarks;

import java.util.List;

import io.github.migrations.benchmarks.startup.StartupBenchmark;
import io.github.migrations.benchmarks.startup.StartupVariant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoundDifference}, {@link RoundRatio#ofAdded} and the order of
 * {@link StartupBenchmark}'s rounds.
 */
class RoundDifferenceTests {

	private static final long MS = 1_000_000;

	@Test
	void eachRoundIsSetAgainstItsOwnBaselineAndTheMedianOfTheDifferencesIsReportedWithTheirSpread() {
		// round 2 was 400 ms slower for everyone; a difference of medians would say 100 ms, not 50
		Samples baseline = new Samples(List.of(2000 * MS, 2400 * MS, 2000 * MS));
		Samples ours = new Samples(List.of(2040 * MS, 2450 * MS, 2070 * MS));
		RoundDifference added = RoundDifference.of(ours, baseline);
		assertThat(added.median()).isEqualTo(50.0);
		assertThat(added.min()).isEqualTo(40.0);
		assertThat(added.max()).isEqualTo(70.0);
		assertThat(added.rounds()).isEqualTo(3);
		assertThat(added.describe()).isEqualTo("50.0 ms (40.0–70.0 ms)");
		assertThat(ours.medianMillis() - baseline.medianMillis()).isEqualTo(70.0);
	}

	@Test
	void aRoundInWhichTheToolWasFasterThanTheBaselineGivesANegativeDifference() {
		RoundDifference added = RoundDifference.of(new Samples(List.of(1950 * MS, 2100 * MS)),
				new Samples(List.of(2000 * MS, 2000 * MS)));
		assertThat(added.min()).isEqualTo(-50.0);
		assertThat(added.median()).isEqualTo(25.0);
		assertThat(added.describe()).isEqualTo("25.0 ms (-50.0–100 ms)");
	}

	@Test
	void samplesOfUnequalLengthGiveTheDifferenceOfTheMediansWithoutASpread() {
		RoundDifference added = RoundDifference.of(new Samples(List.of(300 * MS, 100 * MS, 200 * MS)),
				new Samples(List.of(50 * MS)));
		assertThat(added.median()).isEqualTo(150.0);
		assertThat(added.rounds()).isZero();
		assertThat(added.describe()).isEqualTo("150 ms");
	}

	@Test
	void theRatioOfAddedTimesIsTheMedianOfThePerRoundRatiosAgainstEachRoundsBaseline() {
		Samples baseline = new Samples(List.of(2000L, 2400L, 2000L, 2100L));
		Samples ours = new Samples(List.of(2010L, 2430L, 2020L, 2110L));
		Samples flyway = new Samples(List.of(2100L, 2600L, 2100L, 2200L));
		// per round: 10/100, 30/200, 20/100, 10/100
		RoundRatio ratio = RoundRatio.ofAdded(ours, flyway, baseline);
		assertThat(ratio.median()).isEqualTo(0.125, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(ratio.min()).isEqualTo(0.1);
		assertThat(ratio.max()).isEqualTo(0.2);
		assertThat(ratio.rounds()).isEqualTo(4);
		assertThat(ratio.describe()).isEqualTo("0.13× (0.10–0.20, 4 rounds)");
	}

	@Test
	void aRoundInWhichTheDenominatorAddedNothingHasNoRatio() {
		Samples baseline = new Samples(List.of(2000L, 2000L, 2000L));
		Samples ours = new Samples(List.of(2010L, 2010L, 2030L));
		Samples flyway = new Samples(List.of(2100L, 1990L, 2100L));
		RoundRatio ratio = RoundRatio.ofAdded(ours, flyway, baseline);
		assertThat(ratio.rounds()).isEqualTo(2);
		assertThat(ratio.median()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(RoundRatio.ofAdded(ours, baseline, baseline).median()).isNaN();
	}

	@Test
	void unpairedSamplesGiveTheRatioOfTheAddedMedians() {
		RoundRatio ratio = RoundRatio.ofAdded(new Samples(List.of(1100 * MS)), new Samples(List.of(1500 * MS, 1500 * MS)),
				new Samples(List.of(1000 * MS, 1000 * MS)));
		assertThat(ratio.median()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(ratio.rounds()).isZero();
	}

	@Test
	void theVerdictIsMetOnlyWhenEveryRoundIsWithinTheTarget() {
		assertThat(Report.verdict(new RoundRatio(0.05, 0.02, 0.09, 5), 0.1)).isEqualTo("met");
		assertThat(Report.verdict(new RoundRatio(0.05, 0.02, 0.3, 5), 0.1)).isEqualTo("not shown (rounds disagree)");
		assertThat(Report.verdict(new RoundRatio(0.2, 0.05, 0.3, 5), 0.1)).isEqualTo("**missed**");
		assertThat(Report.verdict(new RoundRatio(Double.NaN, Double.NaN, Double.NaN, 0), 0.1)).isEqualTo("**missed**");
	}

	@Test
	void startupRoundsRotateTheOrderOfTheVariantsByOnePlace() {
		assertThat(StartupBenchmark.order(0)).containsExactly(StartupVariant.values());
		assertThat(StartupBenchmark.order(1)).containsExactly(StartupVariant.OURS, StartupVariant.OURS_IGNORE_CHANGES,
				StartupVariant.FLYWAY, StartupVariant.LIQUIBASE, StartupVariant.BASELINE);
		assertThat(StartupBenchmark.order(StartupVariant.values().length)).containsExactly(StartupVariant.values());
	}

}
