package io.github.migrations.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.testsupport.JavaProcess;
import io.github.migrations.testsupport.SimpleDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight JVMs start migrating at the same instant, twenty rounds in a row, each round with two fresh
 * pending migrations (the first holds the lock a little while, as a real migration does): each
 * migration is applied exactly once, by one process; every process finishes every round; the
 * others log that they waited for the lock. The JVMs are engine processes that stay up across
 * rounds (eight Spring Boot restarts per round would not fit the build's time on two cores).
 */
class ConcurrentStartsTests {

	static final int PROCESSES = 8;

	static final int ROUNDS = 20;

	private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern ROUND = Pattern.compile("ROUND (\\d+) APPLIED (\\d+)");

	@TempDir
	Path dir;

	@Test
	void eightProcessesTwentyRoundsOnPostgreSql() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			run(database, "SELECT pg_sleep(0.2)");
		}
	}

	@Test
	void eightProcessesTwentyRoundsOnMariaDb() throws Exception {
		try (TestDatabase database = TestDatabases.mariadb()) {
			run(database, "SELECT SLEEP(0.2)");
		}
	}

	private void run(TestDatabase database, String hold) throws Exception {
		Path app = Files.createDirectories(this.dir.resolve("load"));
		SimpleDataSource dataSource = (SimpleDataSource) database.dataSource();
		List<JavaProcess> processes = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < PROCESSES; i++) {
				processes.add(JavaProcess.start(List.of(), MigrateRoundsProcess.class, this.dir, dataSource, List.of()));
			}
			for (JavaProcess process : processes) {
				process.awaitLine("READY", ROUND_TIMEOUT);
			}
			long ready = System.nanoTime();
			int waited = 0;
			String previous = null;
			for (int round = 1; round <= ROUNDS; round++) {
				previous = writeRound(app, round, previous, hold);
				for (JavaProcess process : processes) {
					process.send("go " + round);
				}
				int appliers = 0;
				int roundWaits = 0;
				for (JavaProcess process : processes) {
					String section = process.next("ROUND " + round + " ", ROUND_TIMEOUT);
					if (applied(section, round) == 2) {
						appliers++;
					}
					else if (section.contains("Waiting for the migration lock held by")) {
						roundWaits++;
					}
				}
				assertThat(appliers).as("round %d: one process applied the round's migrations", round).isEqualTo(1);
				assertThat(roundWaits).as("round %d: followers logged that they waited", round).isPositive();
				waited += roundWaits;
			}
			for (JavaProcess process : processes) {
				process.send("exit");
			}
			for (JavaProcess process : processes) {
				assertThat(process.waitFor(ROUND_TIMEOUT)).as(process.output()).isZero();
			}
			assertThat(Databases.count(dataSource, "SELECT COUNT(*) FROM migrations_history")).isEqualTo(2L * ROUNDS);
			assertThat(Databases.count(dataSource,
					"SELECT COUNT(*) FROM (SELECT name FROM migrations_history GROUP BY name HAVING COUNT(*) > 1) twice"))
				.as("a migration recorded twice").isZero();
			assertThat(Databases.tables(dataSource)).contains("load_thing" + ROUNDS);
			System.out.printf("[ConcurrentStartsTests] %s: %d processes x %d rounds; started in %.1fs, rounds took %.1fs;"
					+ " %d of %d follower starts logged that they waited%n", database.vendor().displayName(), PROCESSES,
					ROUNDS, (ready - started) / 1e9, (System.nanoTime() - ready) / 1e9, waited, (PROCESSES - 1) * ROUNDS);
		}
		finally {
			processes.forEach(JavaProcess::close);
		}
	}

	private static int applied(String section, int round) {
		Matcher matcher = ROUND.matcher(section);
		while (matcher.find()) {
			if (Integer.parseInt(matcher.group(1)) == round) {
				return Integer.parseInt(matcher.group(2));
			}
		}
		throw new AssertionError("No result of round " + round + " in:\n" + section);
	}

	private static String writeRound(Path app, int round, String previous, String hold) throws IOException {
		String dependencies = (previous != null) ? "[load." + previous + "]" : "[]";
		String slow = String.format("%04d_hold_%d", 2 * round - 1, round);
		String thing = String.format("%04d_thing_%d", 2 * round, round);
		Files.writeString(app.resolve(slow + ".yaml"), "dependencies: " + dependencies + "\noperations:\n"
				+ "  - RunSql:\n      sql: [\"" + hold + "\"]\n      reverse_sql: []\n");
		Files.writeString(app.resolve(thing + ".yaml"), "dependencies: [load." + slow + "]\noperations:\n"
				+ "  - CreateModel:\n      name: Thing" + round + "\n      fields:\n"
				+ "        id: {type: BigAutoField, primary_key: true}\n"
				+ "        label: {type: CharField, max_length: 20}\n");
		return thing;
	}

}
