package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.benchmarks.Database.Place;
import io.github.migrations.migration.MigrationKey;

/**
 * Measurement (3): with everything applied, {@code migrate <app> <previous>} reverts the last
 * migration, then {@code migrate} applies it again; both timed, in turns.
 */
public final class RevertBenchmark {

	private RevertBenchmark() {
	}

	/**
	 * Run the measurement.
	 * @param bench the workload on one database
	 * @param prepared what {@link ApplyBenchmark#prepare} found
	 * @param warmups untimed rounds
	 * @param runs timed rounds
	 * @return {@code revert} and {@code apply-last} samples
	 * @throws Exception on failure
	 */
	public static Map<String, Samples> run(Case bench, ApplyBenchmark.Prepared prepared, int warmups, int runs)
			throws Exception {
		List<Long> revert = new ArrayList<>();
		List<Long> apply = new ArrayList<>();
		MigrationKey last = prepared.last();
		try (Place place = bench.database().create()) {
			Engine.migrate(place.dataSource(), bench.models(), bench.migrations());
			for (int round = 0; round < warmups + runs; round++) {
				long back = Timing.time(() -> MakeMigrationsBenchmark.expect(1,
						Engine.migrate(place.dataSource(), bench.models(), bench.migrations(), last.app(),
								prepared.previous()).unapplied().size(), "migrations unapplied"));
				long forth = Timing.time(() -> MakeMigrationsBenchmark.expect(1,
						Engine.migrate(place.dataSource(), bench.models(), bench.migrations()).size(),
						"migrations applied"));
				if (round >= warmups) {
					revert.add(back);
					apply.add(forth);
				}
			}
		}
		Map<String, Samples> samples = new LinkedHashMap<>();
		samples.put("revert", new Samples(revert));
		samples.put("apply-last", new Samples(apply));
		return samples;
	}

}
