package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.benchmarks.CapturingDataSource.SqlGroup;
import io.github.migrations.benchmarks.Database.Place;
import io.github.migrations.loader.DirectoryMigrationSource;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.model.ModelReader;
import io.github.migrations.recorder.MigrationRecorder;

/**
 * Issue 4 on one database: {@code migrate()} from an empty schema against the plain-JDBC floor
 * (the same statements on one connection), and {@code migrate()} again when everything is applied
 * (a restart), with the restart's phases measured separately.
 *
 * @param database the database's display name
 * @param engine applying everything with the engine
 * @param floor the same statements through plain JDBC
 * @param restart {@code migrate()} with nothing to do
 * @param restartPhases phase name to its samples
 * @param applyJdbc what the engine did through JDBC while applying
 * @param restartJdbc what the engine did through JDBC on a restart
 */
public record ApplyBenchmark(String database, Samples engine, Samples floor, Samples restart,
		Map<String, Samples> restartPhases, String applyJdbc, String restartJdbc) {

	/**
	 * Return the engine's median over the floor's.
	 * @return the ratio
	 */
	public double ratio() {
		return this.engine.medianMillis() / this.floor.medianMillis();
	}

	/**
	 * Run the measurements.
	 * @param database the database
	 * @param models the model classes
	 * @param migrations the migrations folder
	 * @param apps the number of migrations to apply (one per app)
	 * @param warmups warm-up runs
	 * @param runs timed runs
	 * @return the results
	 * @throws Exception on failure
	 */
	public static ApplyBenchmark run(Database database, List<Class<?>> models, Path migrations, int apps, int warmups,
			int runs) throws Exception {
		List<SqlGroup> groups;
		String applyJdbc;
		String restartJdbc;
		try (Place place = database.create()) {
			CapturingDataSource apply = new CapturingDataSource(place.dataSource());
			MakeMigrationsBenchmark.expect(apps, Engine.migrate(apply, models, migrations), "migrations applied");
			groups = apply.groups();
			applyJdbc = apply.summary();
			CapturingDataSource restart = new CapturingDataSource(place.dataSource());
			MakeMigrationsBenchmark.expect(0, Engine.migrate(restart, models, migrations), "migrations applied");
			restartJdbc = restart.summary();
		}
		List<Long> engine = new ArrayList<>();
		List<Long> floor = new ArrayList<>();
		for (int i = 0; i < warmups + runs; i++) {
			long engineNanos;
			try (Place place = database.create()) {
				engineNanos = Timing.time(() -> MakeMigrationsBenchmark.expect(apps,
						Engine.migrate(place.dataSource(), models, migrations), "migrations applied"));
			}
			long floorNanos;
			try (Place place = database.create()) {
				floorNanos = Timing.time(() -> PlainJdbcFloor.run(place.dataSource(), groups));
			}
			if (i >= warmups) {
				engine.add(engineNanos);
				floor.add(floorNanos);
			}
		}
		try (Place place = database.create()) {
			Engine.migrate(place.dataSource(), models, migrations);
			Samples restart = Timing.measure(warmups, runs, () -> Timing.time(() -> MakeMigrationsBenchmark.expect(0,
					Engine.migrate(place.dataSource(), models, migrations), "migrations applied")));
			Map<String, Samples> phases = restartPhases(place, models, migrations, warmups, runs);
			return new ApplyBenchmark(database.displayName(), new Samples(engine), new Samples(floor), restart, phases,
					applyJdbc, restartJdbc);
		}
	}

	private static Map<String, Samples> restartPhases(Place place, List<Class<?>> models, Path migrations,
			int warmups, int runs) throws Exception {
		Map<String, Samples> phases = new LinkedHashMap<>();
		phases.put("open a connection", Timing.measure(warmups, runs,
				() -> Timing.time(() -> place.dataSource().getConnection().close())));
		phases.put("acquire and release the migration lock (own connection)",
				Timing.measure(warmups, runs, () -> Timing.time(() -> {
					try (MigrationLock lock = MigrationLocks.acquire(place.dataSource(),
							MigrationsConfiguration.DEFAULT_HISTORY_TABLE, Duration.ofSeconds(10))) {
						lock.owner();
					}
				})));
		try (Connection connection = place.dataSource().getConnection()) {
			phases.put("read the history table (MigrationRecorder)",
					Timing.measure(warmups, runs, () -> Timing.time(() -> new MigrationRecorder(connection,
							MigrationsConfiguration.DEFAULT_HISTORY_TABLE).appliedMigrations())));
			java.util.Set<MigrationKey> applied = new MigrationRecorder(connection,
					MigrationsConfiguration.DEFAULT_HISTORY_TABLE).appliedMigrations().keySet();
			DirectoryMigrationSource source = new DirectoryMigrationSource(migrations);
			phases.put("read, parse and graph the files (MigrationLoader.load)",
					Timing.measure(warmups, runs, () -> Timing.time(() -> MigrationLoader.load(source, applied))));
			MigrationLoader loader = MigrationLoader.load(source, applied);
			phases.put("read the models (ModelReader.read), for the 'unmigrated changes' notice",
					Timing.measure(warmups, runs, () -> Timing.time(() -> ModelReader.read(models))));
			DeclaredModels declared = ModelReader.read(models);
			phases.put("detect changes (Autodetector), for the same notice", Timing.measure(warmups, runs,
					() -> Timing.time(() -> MakeMigrationsBenchmark.detect(loader, declared))));
		}
		return phases;
	}

}
