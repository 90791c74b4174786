package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * their own migrations). Each run gets a fresh schema.
 * <p>
 * <b>How the ratio to the floor is made robust.</b> A single apply on a shared machine varies by
 * more than the 10 % the target is about (on PostgreSQL most of a run is the server's work and its
 * {@code fsync}s, and a run that meets another process's burst takes twice as long), so ours and
 * the floors are measured in rounds, one run each per round, back to back, and the order is
 * reversed every other round (ours, floor, DDL floor; then DDL floor, floor, ours; …): a drift of
 * the machine, or what the previous run left behind (the catalog of a dropped schema, the JIT's
 * work), hits both sides alike over two rounds. The samples are kept in round order, so that
 * {@link RoundRatio} compares each round's ours with the same round's floor: the report gives the
 * median of these per-round ratios with their spread, not a ratio of medians of unpaired runs.
 * Flyway and Liquibase, which take 2–3× our time and are compared with us at a coarser grain, run
 * in the warm-up rounds and the first {@code peerRuns} timed rounds only, after the three, so that
 * more rounds of ours and the floor cost little ({@code --apply-runs}, see {@link Options}).
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
	 * Time every subject from an empty schema, in rounds (see the class's description).
	 * @param bench the workload on one database
	 * @param prepared from {@link #prepare}
	 * @param warmups untimed rounds (every subject)
	 * @param runs timed rounds of ours and the floors
	 * @param peerRuns timed rounds that Flyway and Liquibase take part in (the first ones), at most
	 * {@code runs}
	 * @return subject to its samples, in {@link #SUBJECTS} order; those of ours and the floors in
	 * round order
	 * @throws Exception on failure
	 */
	public static Map<String, Samples> run(Case bench, Prepared prepared, int warmups, int runs, int peerRuns)
			throws Exception {
		Map<String, List<Long>> nanos = new LinkedHashMap<>();
		SUBJECTS.forEach((subject) -> nanos.put(subject, new ArrayList<>()));
		for (int round = 0; round < warmups + runs; round++) {
			boolean timed = round >= warmups;
			boolean peers = !timed || round - warmups < Math.max(1, Math.min(peerRuns, runs));
			for (String subject : order(round, peers)) {
				long elapsed = time(bench, prepared, subject);
				if (timed) {
					nanos.get(subject).add(elapsed);
				}
			}
		}
		Map<String, Samples> samples = new LinkedHashMap<>();
		nanos.forEach((subject, values) -> samples.put(subject, new Samples(values)));
		return samples;
	}

	/**
	 * Return the subjects of a round in the order they run: ours and the floors first, reversed
	 * every other round, then the peers when they take part.
	 * @param round the round, from 0 (warm-up rounds included)
	 * @param peers whether Flyway and Liquibase run in this round
	 * @return the subjects
	 */
	static List<String> order(int round, boolean peers) {
		List<String> order = new ArrayList<>(List.of("ours", "floor", "floor-ddl"));
		if (round % 2 == 1) {
			Collections.reverse(order);
		}
		if (peers) {
			order.addAll(List.of("flyway", "liquibase"));
		}
		return order;
	}

	private static long time(Case bench, Prepared prepared, String subject) throws Exception {
		int expected = bench.keys().size();
		try (Place place = bench.database().create()) {
			DataSource dataSource = place.dataSource();
			return switch (subject) {
				case "ours" -> Timing.time(() -> MakeMigrationsBenchmark.expect(expected,
						Engine.migrate(dataSource, bench.models(), bench.migrations()).size(), "applied"));
				case "floor" -> Timing.time(() -> floor(dataSource, prepared, true));
				case "floor-ddl" -> Timing.time(() -> floor(dataSource, prepared, false));
				case "flyway" -> Timing.time(() -> MakeMigrationsBenchmark.expect(expected,
						Peers.flyway(dataSource, prepared.peers()), "Flyway migrations executed"));
				default -> Timing.time(() -> Peers.liquibase(dataSource, prepared.peers()));
			};
		}
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
