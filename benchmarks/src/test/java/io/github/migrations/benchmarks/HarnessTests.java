package io.github.migrations.benchmarks;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.migrations.migration.MigrationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the harness's measurements once on a tiny workload on H2, so that the normal build keeps
 * them working without taking benchmark time.
 */
class HarnessTests {

	@TempDir
	Path work;

	@Test
	void chainShapeGivesEveryModelButTheFirstAForeignKeyToThePreviousOne() {
		Workload workload = new Workload(6, 2, Workload.Shape.CHAIN);
		assertThat(workload.classNames()).containsExactly("bench.app00.Item00000", "bench.app01.Item00001",
				"bench.app00.Item00002", "bench.app01.Item00003", "bench.app00.Item00004", "bench.app01.Item00005");
		assertThat(workload.sources().get("bench.app00.Item00004"))
			.contains("@ForeignKey(to = bench.app01.Item00003.class");
		assertThat(workload.sources().get("bench.app00.Item00000")).doesNotContain("@ForeignKey");
		assertThat(new Workload(6, 2, Workload.Shape.INDEPENDENT).sources().values())
			.noneMatch((source) -> source.contains("@ForeignKey"));
	}

	@Test
	void theThrowAwaySetBeforeTheWarmFigureRunsAtLeastItsFewestCallsAndAtMostItsMost() throws Exception {
		int[] calls = new int[1];
		// an action the JIT has little to compile for stops at, or soon after, the fewest runs
		assertThat(Timing.settle(3, 10, () -> calls[0]++)).isBetween(3, 10).isEqualTo(calls[0]);
		calls[0] = 0;
		assertThat(Timing.settle(2, 2, () -> calls[0]++)).isEqualTo(2).isEqualTo(calls[0]);
		assertThat(MakeMigrationsBenchmark.settleRuns(1000)).isEqualTo(20);
		assertThat(MakeMigrationsBenchmark.settleRuns(100)).isEqualTo(MakeMigrationsBenchmark.MAX_SETTLE_RUNS);
		assertThat(MakeMigrationsBenchmark.settleRuns(10_000)).isEqualTo(2);
	}

	@Test
	void historyHasOneMigrationPerModelThatMakemigrationsFindsUpToDate() throws Exception {
		Workload workload = new Workload(12, 3, Workload.Shape.CHAIN);
		Path classes = ModelCompiler.compile(workload.sources(), this.work.resolve("models"));
		try (URLClassLoader loader = ModelCompiler.classLoader(classes)) {
			List<Class<?>> models = ModelCompiler.load(loader, workload.classNames());
			Path migrations = this.work.resolve("migrations");
			List<MigrationKey> keys = History.write(workload, models, migrations);
			assertThat(keys).hasSize(12);
			assertThat(keys.get(0)).isEqualTo(new MigrationKey("app00", "0001_initial"));
			assertThat(keys.get(4)).isEqualTo(new MigrationKey("app01", "0002_item00004"));
			assertThat(migrations.resolve("app01/0002_item00004.yaml")).content()
				.contains("app00").contains("0002_item00003");
			Case bench = new Case(null, workload, models, migrations, keys);
			Map<String, Samples> samples = MakeMigrationsBenchmark.run(bench, loader, classes, this.work, 0, 1, 0);
			assertThat(samples).containsKeys("check-warm", "phase: read the models (ModelReader.read)")
				.doesNotContainKey("write");
		}
	}

	@Test
	void measuresApplyRevertAndRestartOnH2AndWritesTheReport() throws Exception {
		Workload workload = new Workload(12, 3, Workload.Shape.INDEPENDENT);
		Path classes = ModelCompiler.compile(workload.sources(), this.work.resolve("models"));
		try (URLClassLoader loader = ModelCompiler.classLoader(classes)) {
			List<Class<?>> models = ModelCompiler.load(loader, workload.classNames());
			Path migrations = this.work.resolve("migrations");
			List<MigrationKey> keys = History.write(workload, models, migrations);
			Case bench = new Case(new Database.H2(), workload, models, migrations, keys);
			ApplyBenchmark.Prepared prepared = ApplyBenchmark.prepare(bench, this.work.resolve("resources"));
			assertThat(prepared.groups()).hasSize(12);
			assertThat(prepared.groups().get(0).statements().get(0)).startsWith("CREATE TABLE");
			assertThat(prepared.applyJdbc()).contains("in 12 migrations");
			assertThat(this.work.resolve("resources/db/migration")).isDirectoryContaining("glob:**/V12__*.sql");
			assertThat(Files.readString(prepared.peers().liquibaseChangelog())).contains("changes/00012_");
			Map<String, Samples> apply = ApplyBenchmark.run(bench, prepared, 0, 3, 1);
			assertThat(apply).containsOnlyKeys("ours", "floor", "floor-ddl", "flyway", "liquibase");
			assertThat(apply.get("ours").nanos()).hasSize(3);
			assertThat(apply.get("floor").nanos()).hasSize(3);
			assertThat(apply.get("flyway").nanos()).hasSize(1);
			assertThat(prepared.historySetup()).singleElement().asString().startsWith("CREATE TABLE");
			Map<String, Samples> revert = RevertBenchmark.run(bench, prepared, 0, 1);
			assertThat(revert).containsOnlyKeys("revert", "apply-last");
			Map<String, Samples> restart = RestartBenchmark.run(bench, classes, 0, 1, 1);
			assertThat(restart).containsKeys("warm", "cold", "cold-c1", "cold-cds", "cold-cds-c1");

			ResultStore store = ResultStore.open(this.work.resolve("results.tsv"));
			apply.forEach((subject, samples) -> add(store, new Result("apply", "h2", 12, "independent", subject, samples, "")));
			revert.forEach((subject, samples) -> add(store, new Result("revert", "h2", 12, "independent", subject, samples, "")));
			assertThat(ResultStore.open(this.work.resolve("results.tsv")).all()).hasSize(7);
			add(store, new Result("restart", "h2", 12, "independent", "cold", restart.get("cold"), ""));
			add(store, new Result("restart", "h2", 12, "independent", "cold-c1", restart.get("cold-c1"), ""));
			add(store, new Result("restart", "h2", 12, "independent", "cold-cds", restart.get("cold-cds"), ""));
			Report report = new Report(store, "test machine");
			String markdown = report.render("performance.png");
			assertThat(markdown).contains("| Apply, H2, N = 12, independent: ≤ 1.10× plain JDBC | ")
				.containsPattern("\\| \\d+\\.\\d\\d× \\(\\d+\\.\\d\\d–\\d+\\.\\d\\d, 3 rounds\\) \\|")
				.contains("median of the per-round ratios")
				.contains("| H2 | 12 | independent |")
				.contains("Revert the last migration, H2, N = 12")
				.contains("| Database | N | Shape | Warm | Fresh JVM | Fresh JVM, `-XX:TieredStopAtLevel=1` | Fresh JVM, AppCDS "
						+ "| Fresh JVM, AppCDS and `-XX:TieredStopAtLevel=1` |")
				.contains("## Fresh JVM: what is measured and what the engine does about it")
				.contains("*Engine time*");
			Path png = this.work.resolve("performance.png");
			new Chart(store).write(png);
			assertThat(Files.size(png)).isGreaterThan(1000);
		}
	}

	private static void add(ResultStore store, Result result) {
		try {
			store.add(result);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
