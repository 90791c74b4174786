package io.github.migrations.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoundRatio} and the order of {@link ApplyBenchmark}'s rounds.
 */
class RoundRatioTests {

	@Test
	void pairedSamplesGiveTheMedianOfThePerRoundRatiosWithTheirSpread() {
		// round 2 was slow for both sides: its ratio is 1.1, where a ratio of medians would mix rounds
		Samples ours = new Samples(List.of(110L, 220L, 100L, 130L, 105L));
		Samples floor = new Samples(List.of(100L, 200L, 100L, 100L, 100L));
		RoundRatio ratio = RoundRatio.of(ours, floor);
		assertThat(ratio.median()).isEqualTo(1.1);
		assertThat(ratio.min()).isEqualTo(1.0);
		assertThat(ratio.max()).isEqualTo(1.3);
		assertThat(ratio.rounds()).isEqualTo(5);
		assertThat(ratio.describe()).isEqualTo("1.10× (1.00–1.30, 5 rounds)");
	}

	@Test
	void anEvenNumberOfRoundsAveragesTheMiddleTwoRatios() {
		RoundRatio ratio = RoundRatio.of(new Samples(List.of(100L, 120L)), new Samples(List.of(100L, 100L)));
		assertThat(ratio.median()).isEqualTo(1.1, org.assertj.core.data.Offset.offset(1e-12));
	}

	@Test
	void samplesOfUnequalLengthAreComparedByTheirMediansWithoutASpread() {
		RoundRatio ratio = RoundRatio.of(new Samples(List.of(300L, 100L, 200L)), new Samples(List.of(100L)));
		assertThat(ratio.median()).isEqualTo(2.0);
		assertThat(ratio.rounds()).isZero();
		assertThat(ratio.describe()).isEqualTo("2.00×");
	}

	@Test
	void roundsAlternateTheOrderOfOursAndTheFloorsAndEndWithThePeersWhenTheyRun() {
		assertThat(ApplyBenchmark.order(0, true)).containsExactly("ours", "floor", "floor-ddl", "flyway", "liquibase");
		assertThat(ApplyBenchmark.order(1, false)).containsExactly("floor-ddl", "floor", "ours");
		assertThat(ApplyBenchmark.order(2, false)).containsExactly("ours", "floor", "floor-ddl");
	}

	@Test
	void applyRoundsDefaultToRunsAndScaleDownAboveAThousandModels() {
		assertThat(Options.parse().applyRunsAt(1000)).isEqualTo(5);
		Options more = Options.parse("--apply-runs", "20");
		assertThat(more.applyRunsAt(1000)).isEqualTo(20);
		assertThat(more.runsAt(1000)).isEqualTo(5);
		assertThat(more.applyRunsAt(10000)).isEqualTo(2);
		assertThat(Options.parse("--apply-runs", "1").applyRunsAt(1000)).isEqualTo(5);
	}

}
