package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.benchmarks.CapturingDataSource.SqlGroup;
import io.github.migrations.benchmarks.Database.Place;
import io.github.migrations.migration.MigrationKey;

/**
 * Measurement (1): applying every migration to an empty database, by our engine, by the plain-JDBC
 * floor (the very statements our engine sent, on one connection, one transaction per migration
 * where the database has transactional DDL: the DDL and the history {@code INSERT}s; also the DDL
 * alone), by Flyway and by Liquibase (the same statements as
 * their own migrations). Each run gets a fresh schema; the tools take turns within a round so that
 * drifts of the machine hit them alike.
 */
public final class ApplyBenchmark {

	private static final String CHECKSUM = "0".repeat(64);

	/** The subjects, in the order they take turns. */
	public static final List<String> SUBJECTS = List.of("ours", "floor", "floor-ddl", "flyway", "liquibase");

	private ApplyBenchmark() {
	}

	/**
	 * Apply once with our engine through a capturing data source, revert and re-apply the last
	 * migration, and write the peers' files from what was captured.
	 * @param bench the workload on one database
	 * @param peersRoot where to write the peers' files
	 * @return what later measurements need
	 * @throws Exception on failure
	 */
	public static Prepared prepare(Case bench, Path peersRoot) throws Exception {
		try (Place place = bench.database().create()) {
			String history = MigrationsConfiguration.DEFAULT_HISTORY_TABLE;
			CapturingDataSource apply = new CapturingDataSource(place.dataSource(), history);
			List<MigrationKey> order = Engine.migrate(apply, bench.models(), bench.migrations());
			MakeMigrationsBenchmark.expect(bench.keys().size(), order.size(), "migrations applied");
			MigrationKey last = order.get(order.size() - 1);
			String previous = bench.previousInApp(last);
			CapturingDataSource revert = new CapturingDataSource(place.dataSource(), history);
			MakeMigrationsBenchmark.expect(1,
					Engine.migrate(revert, bench.models(), bench.migrations(), last.app(), previous).unapplied().size(),
					"migrations unapplied");
			MakeMigrationsBenchmark.expect(1, Engine.migrate(place.dataSource(), bench.models(), bench.migrations()).size(),
					"migrations applied again");
			CapturingDataSource restart = new CapturingDataSource(place.dataSource(), history);
			MakeMigrationsBenchmark.expect(0, Engine.migrate(restart, bench.models(), bench.migrations()).size(),
					"migrations applied on restart");
			PeerFiles peers = PeerFiles.write(peersRoot, order, apply.groups(), revert.groups().get(0).statements());
			return new Prepared(order, apply.groups(), apply.historySetup(), peers, last, previous, apply.summary(),
					restart.summary());
		}
	}

	/**
	 * Time every subject from an empty schema.
	 * @param bench the workload on one database
	 * @param prepared from {@link #prepare}
	 * @param warmups untimed rounds
	 * @param runs timed rounds
	 * @return subject to its samples, in {@link #SUBJECTS} order
	 * @throws Exception on failure
	 */
	public static Map<String, Samples> run(Case bench, Prepared prepared, int warmups, int runs) throws Exception {
		Map<String, List<Long>> nanos = new LinkedHashMap<>();
		SUBJECTS.forEach((subject) -> nanos.put(subject, new ArrayList<>()));
		int expected = bench.keys().size();
		for (int round = 0; round < warmups + runs; round++) {
			for (String subject : SUBJECTS) {
				long elapsed;
				try (Place place = bench.database().create()) {
					DataSource dataSource = place.dataSource();
					elapsed = switch (subject) {
						case "ours" -> Timing.time(() -> MakeMigrationsBenchmark.expect(expected,
								Engine.migrate(dataSource, bench.models(), bench.migrations()).size(), "applied"));
						case "floor" -> Timing.time(() -> floor(dataSource, prepared, true));
						case "floor-ddl" -> Timing.time(() -> floor(dataSource, prepared, false));
						case "flyway" -> Timing.time(() -> MakeMigrationsBenchmark.expect(expected,
								Peers.flyway(dataSource, prepared.peers()), "Flyway migrations executed"));
						default -> Timing.time(() -> Peers.liquibase(dataSource, prepared.peers()));
					};
				}
				if (round >= warmups) {
					nanos.get(subject).add(elapsed);
				}
			}
		}
		Map<String, Samples> samples = new LinkedHashMap<>();
		nanos.forEach((subject, values) -> samples.put(subject, new Samples(values)));
		return samples;
	}

	/**
	 * The floor: open one connection and run the statements our engine sent, one transaction per
	 * migration where our engine used one: the DDL and, with {@code history}, the history table's
	 * creation and the {@code INSERT} recording each migration (what every migration tool writes).
	 * @param dataSource where to run them
	 * @param prepared the captured statements
	 * @param history whether to create the history table and record each migration in it
	 * @throws SQLException on a database error
	 */
	public static void floor(DataSource dataSource, Prepared prepared, boolean history) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (history) {
				for (String sql : prepared.historySetup()) {
					statement.execute(sql);
				}
			}
			for (int i = 0; i < prepared.groups().size(); i++) {
				SqlGroup group = prepared.groups().get(i);
				connection.setAutoCommit(!group.transactional());
				for (String sql : group.statements()) {
					statement.execute(sql);
				}
				if (history) {
					MigrationKey key = prepared.order().get(i);
					try (PreparedStatement record = connection.prepareStatement(group.record())) {
						record.setString(1, key.app());
						record.setString(2, key.name());
						record.setTimestamp(3, Timestamp.from(Instant.now()));
						record.setString(4, CHECKSUM);
						record.setLong(5, 1);
						record.executeUpdate();
					}
				}
				if (group.transactional()) {
					connection.commit();
				}
			}
			connection.setAutoCommit(true);
		}
	}

	/**
	 * What {@link #prepare} found.
	 *
	 * @param order our migrations in the order they were applied
	 * @param groups the DDL of each
	 * @param historySetup the statements that created the history table
	 * @param peers the peers' files
	 * @param last the last migration applied
	 * @param previous the migration of the same app before it, or {@code zero}
	 * @param applyJdbc what our engine did through JDBC while applying everything
	 * @param restartJdbc what it did on a restart
	 */
	public record Prepared(List<MigrationKey> order, List<SqlGroup> groups, List<String> historySetup, PeerFiles peers,
			MigrationKey last, String previous, String applyJdbc, String restartJdbc) {
	}

}
