package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.benchmarks.Database.Place;
import io.github.migrations.loader.DirectoryMigrationSource;
import io.github.migrations.loader.FileHeaders;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.recorder.MigrationRecorder;

/**
 * Issue 4's restart figure: {@code migrate()} when everything is applied, the engine call alone,
 * in a warm JVM and in fresh JVMs ({@link ColdRun}); and the time of each phase, measured
 * separately, to show what dominates.
 */
public final class RestartBenchmark {

	private RestartBenchmark() {
	}

	/**
	 * Run the measurement.
	 * @param bench the workload on one database
	 * @param classes the compiled model classes folder, for the fresh JVMs
	 * @param warmups untimed runs
	 * @param runs timed runs
	 * @param coldRuns fresh JVMs
	 * @return {@code warm}, {@code cold} and the phases by name
	 * @throws Exception on failure
	 */
	public static Map<String, Samples> run(Case bench, Path classes, int warmups, int runs, int coldRuns)
			throws Exception {
		Map<String, Samples> samples = new LinkedHashMap<>();
		try (Place place = bench.database().create()) {
			Engine.migrate(place.dataSource(), bench.models(), bench.migrations());
			samples.put("warm", Timing.measure(warmups, runs, () -> Timing.time(() -> MakeMigrationsBenchmark.expect(0,
					Engine.migrate(place.dataSource(), bench.models(), bench.migrations()).size(), "applied"))));
			samples.putAll(phases(place, bench, warmups, runs));
		}
		if (coldRuns > 0) {
			try (Place place = bench.database().createShared()) {
				Engine.migrate(place.dataSource(), bench.models(), bench.migrations());
				ColdRunner.Cold cold = ColdRunner.run(coldRuns, ColdRunner.DEFAULT_JVM, place.dataSource(), "restart",
						classes, bench);
				samples.put("cold", cold.engine());
				samples.put("cold-c1", ColdRunner.run(coldRuns, ColdRunner.C1_ONLY_JVM, place.dataSource(), "restart",
						classes, bench).engine());
				List<ColdRunner.Cold> cds = ColdRunner.runWithArchive(coldRuns, classes.resolveSibling("cds"),
						"restart-" + bench.database().id(), place.dataSource(), "restart", classes, bench);
				samples.put("cold-cds", cds.get(0).engine());
				samples.put("cold-cds-c1", cds.get(1).engine());
			}
		}
		return samples;
	}

	private static Map<String, Samples> phases(Place place, Case bench, int warmups, int runs) throws Exception {
		String history = MigrationsConfiguration.DEFAULT_HISTORY_TABLE;
		Map<String, Samples> phases = new LinkedHashMap<>();
		phases.put("phase: open a connection", Timing.measure(warmups, runs,
				() -> Timing.time(() -> place.dataSource().getConnection().close())));
		try (Connection connection = place.dataSource().getConnection()) {
			phases.put("phase: take and release the migration lock (on the migrating connection where the database has a session lock)",
					Timing.measure(warmups, runs, () -> Timing.time(() -> {
						try (MigrationLock lock = MigrationLocks.acquire(place.dataSource(), connection, history,
								Duration.ofSeconds(10))) {
							lock.owner();
						}
					})));
			phases.put("phase: read the history table (MigrationRecorder)", Timing.measure(warmups, runs,
					() -> Timing.time(() -> new MigrationRecorder(connection, history).appliedMigrations())));
			phases.put("phase: read the history's checksums (MigrationRecorder.appliedChecksums, what a restart reads)",
					Timing.measure(warmups, runs,
							() -> Timing.time(() -> new MigrationRecorder(connection, history).appliedChecksums())));
			Set<MigrationKey> applied = new MigrationRecorder(connection, history).appliedMigrations().keySet();
			DirectoryMigrationSource source = new DirectoryMigrationSource(bench.migrations());
			phases.put("phase: read the files' checksums and headers, and graph them (FileHeaders.read, what a restart reads)",
					Timing.measure(warmups, runs, () -> Timing.time(() -> FileHeaders.read(source))));
			phases.put("phase: read, parse and graph the files (MigrationLoader.load)",
					Timing.measure(warmups, runs, () -> Timing.time(() -> MigrationLoader.load(source, applied))));
		}
		return phases;
	}

}
