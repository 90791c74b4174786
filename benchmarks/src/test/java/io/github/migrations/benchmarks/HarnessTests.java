package io.github.migrations.benchmarks;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the harness's measurements once on a tiny workload, so that the normal build keeps them
 * working without taking benchmark time.
 */
class HarnessTests {

	@TempDir
	Path work;

	@Test
	void workloadChainsEachModelToThePreviousOneOfItsApp() {
		Workload workload = new Workload(6, 2);
		assertThat(workload.classNames()).containsExactly("bench.app00.Item00000", "bench.app01.Item00001",
				"bench.app00.Item00002", "bench.app01.Item00003", "bench.app00.Item00004", "bench.app01.Item00005");
		assertThat(workload.sources().get("bench.app00.Item00004")).contains("@ForeignKey(to = Item00002.class");
		assertThat(workload.sources().get("bench.app00.Item00000")).doesNotContain("@ForeignKey");
	}

	@Test
	void measuresMakemigrationsAndApplyOnH2() throws Exception {
		Workload workload = new Workload(12, 3);
		Path classes = ModelCompiler.compile(workload.sources(), this.work.resolve("models"));
		try (URLClassLoader loader = ModelCompiler.classLoader(classes)) {
			MakeMigrationsBenchmark makemigrations = MakeMigrationsBenchmark.run(loader, this.work.resolve("migrations"),
					0, 1);
			try (var apps = Files.list(makemigrations.migrations())) {
				assertThat(apps.map((app) -> app.getFileName().toString()).sorted().toList())
					.containsExactly("app00", "app01", "app02");
			}
			List<Class<?>> models = ModelCompiler.load(loader, workload.classNames());
			ApplyBenchmark apply = ApplyBenchmark.run(new Database.H2(), models, makemigrations.migrations(), 3, 0, 1);
			assertThat(apply.applyJdbc()).contains("DDL statements");
			Report report = new Report();
			report.row("b", "apply", apply.engine().describe(), apply.floor().describe(), Report.ratio(apply.ratio()),
					"", null);
			report.phases("restart", apply.restartPhases());
			assertThat(report.render()).contains("| b | apply |").contains("MigrationLoader.load");
		}
	}

}
