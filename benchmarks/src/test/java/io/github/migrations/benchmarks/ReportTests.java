package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the startup section of {@link Report}: added times per round, the processor-time
 * table, the target's verdict, and results written before the processor time was recorded.
 */
class ReportTests {

	private static final long MS = 1_000_000;

	@TempDir
	Path work;

	@Test
	void startupTableGivesAddedWallAndProcessorTimePerRoundAndTheVerdictOnWallTime() throws IOException {
		ResultStore store = ResultStore.open(this.work.resolve("results.tsv"));
		// round 2 is 400 ms slower for everyone
		startup(store, "startup", 2000, 2400, 2000, 2040, 2450, 2070, 2600, 3000, 2700);
		startup(store, "startup-tool", 0, 0, 0, 30, 30, 30, 500, 500, 500);
		startup(store, "startup-cpu", 3000, 3100, 3000, 3050, 3140, 3060, 4000, 4100, 4000);
		startup(store, "startup-main-cpu", 1500, 1500, 1500, 1520, 1520, 1520, 1900, 1900, 1900);
		String markdown = new Report(store, "test machine").render(null);
		assertThat(markdown)
			.contains("| H2 | 1,000 | independent | 2,000 ms (2,000 ms–2,400 ms, n=3) | 50.0 ms (40.0–70.0 ms); beans 30.0 ms"
					+ " | ; beans – | 600 ms (600–700 ms); beans 500 ms | ; beans – | 0.08× (0.07–0.10, 3 rounds) |")
			.contains("median, over the rounds, of each round's start minus that round's baseline")
			.contains("| Database | N | Shape | Processor time | Baseline | Ours added |")
			.contains("| H2 | 1,000 | independent | process | 3,000 ms (3,000 ms–3,100 ms, n=3) | 50.0 ms (40.0–60.0 ms) |")
			.contains("| H2 | 1,000 | independent | main thread | 1,500 ms (1,500 ms–1,500 ms, n=3) | 20.0 ms (20.0–20.0 ms) |")
			.contains("| Spring Boot restart with 1,000 applied, H2, independent: added time ≤ 0.1× Flyway's | wall "
					+ "50.0 ms (40.0–70.0 ms) vs 600 ms (600–700 ms) = 0.08× (0.07–0.10, 3 rounds); processor time "
					+ "ours ÷ Flyway: process 0.05× (0.04–0.06, 3 rounds), main thread 0.05× (0.05–0.05, 3 rounds); "
					+ "beans 0.06× Flyway's | met |");
	}

	@Test
	void startupResultsWithoutProcessorTimeStillRenderWithoutItsTable() throws IOException {
		ResultStore store = ResultStore.open(this.work.resolve("results.tsv"));
		startup(store, "startup", 2000, 2400, 2000, 2300, 2450, 2150, 2600, 3000, 2700);
		String markdown = new Report(store, "test machine").render(null);
		assertThat(markdown).contains("| H2 | 1,000 | independent | 2,000 ms (2,000 ms–2,400 ms, n=3) | 150 ms (50.0–300 ms)")
			.contains("0.21× (0.08–0.50, 3 rounds)")
			.doesNotContain("| Processor time |")
			.contains("processor time ours ÷ Flyway: process –, main thread –")
			.contains("| **missed** |");
	}

	private static void startup(ResultStore store, String scenario, long... millis) throws IOException {
		List<String> subjects = List.of("baseline", "ours", "flyway");
		for (int i = 0; i < subjects.size(); i++) {
			List<Long> nanos = Arrays.stream(Arrays.copyOfRange(millis, 3 * i, 3 * i + 3)).map((m) -> m * MS).boxed().toList();
			if (!(scenario.equals("startup-tool") && i == 0)) {
				store.add(new Result(scenario, "h2", 1000, "independent", subjects.get(i), new Samples(nanos), ""));
			}
		}
	}

}
