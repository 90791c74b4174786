package io.github.migrations.benchmarks;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.migrations.benchmarks.jmh.JmhRunner;
import io.github.migrations.benchmarks.startup.StartupBenchmark;
import io.github.migrations.migration.MigrationKey;
import org.slf4j.LoggerFactory;

/**
 * The benchmark harness of issue 6 (and the benchmark parts of issues 3 and 4); see
 * {@code docs/performance.md}, which it writes. For each N and workload shape it generates the
 * models and their history ({@link Workload}, {@link History}) and measures, on each database:
 * (1) applying everything from empty against the plain-JDBC floor, Flyway and Liquibase
 * ({@link ApplyBenchmark}); (2) the time each tool adds to a Spring Boot start with everything
 * applied ({@link StartupBenchmark}) and our engine's restart call alone
 * ({@link RestartBenchmark}); (3) reverting the last migration ({@link RevertBenchmark}); (4)
 * {@code makemigrations} and {@code --check} ({@link MakeMigrationsBenchmark}, and JMH's
 * {@link io.github.migrations.benchmarks.jmh.EngineBenchmarks}); (5) peak heap
 * ({@link HeapBenchmark}).
 * <p>
 * Run with {@code ./mvnw -B -pl benchmarks -am verify -Pbenchmarks -DskipTests}; options are
 * listed in {@link Options}.
 */
public final class Benchmarks {

	private final Options options;

	private final ResultStore store;

	private Benchmarks(Options options, ResultStore store) {
		this.options = options;
		this.store = store;
	}

	/**
	 * Run the benchmarks.
	 * @param args the options, see {@link Options}
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
		Options options = Options.parse(args);
		new Benchmarks(options, ResultStore.open(options.results())).run();
	}

	private void run() throws Exception {
		Options o = this.options;
		boolean temporary = o.work() == null;
		if (o.scenarios().equals(java.util.Set.of("report"))) {
			writeDocument();
			return;
		}
		Path work = temporary ? Files.createTempDirectory("migrations-benchmarks") : Files.createDirectories(o.work());
		try {
			boolean perSize = o.scenarios().stream().anyMatch((scenario) -> !scenario.equals("heap"));
			for (int n : perSize ? o.sizes() : List.<Integer>of()) {
				for (Workload.Shape shape : o.shapes()) {
					workload(new Workload(n, o.apps(), shape), work.resolve(n + "-" + shape.label()));
					writeDocument();
				}
			}
			if (o.scenarios().contains("heap")) {
				heap(new Workload(o.heapModels(), o.apps(), Workload.Shape.INDEPENDENT), work.resolve("heap"));
				writeDocument();
			}
		}
		finally {
			if (temporary) {
				delete(work);
			}
		}
	}

	private void workload(Workload workload, Path work) throws Exception {
		Options o = this.options;
		int n = workload.models();
		String shape = workload.shape().label();
		log("N = " + n + ", " + shape + ": compiling the models and writing one migration per model");
		Path classes = ModelCompiler.compile(workload.sources(), work.resolve("models"));
		try (URLClassLoader loader = ModelCompiler.classLoader(classes)) {
			List<Class<?>> models = ModelCompiler.load(loader, workload.classNames());
			Path migrations = work.resolve("migrations");
			List<MigrationKey> keys = History.write(workload, models, migrations);
			int warmups = o.warmupsAt(n);
			int runs = o.runsAt(n);
			if (o.scenarios().contains("makemigrations")) {
				log("makemigrations and --check");
				Case bench = new Case(null, workload, models, migrations, keys);
				Map<String, Samples> samples = MakeMigrationsBenchmark.run(bench, loader, classes, work, warmups, runs,
						Math.min(runs, o.processRuns()));
				for (Map.Entry<String, Samples> entry : samples.entrySet()) {
					save("makemigrations", "none", workload, entry.getKey(), entry.getValue(), "");
				}
			}
			if (o.scenarios().contains("jmh") && n <= 1000) {
				log("JMH");
				JmhRunner.run(n, shape, Math.max(1, o.warmups()), Math.max(2, runs))
					.forEach((method, samples) -> save("jmh", "none", workload, method, samples, ""));
			}
			for (String id : o.databases()) {
				Database database = id.equals("h2") ? new Database.H2()
						: new Database.PostgreSql(o.postgresqlUrl(), o.postgresqlUser(), o.postgresqlPassword());
				database(new Case(database, workload, models, migrations, keys), classes, work.resolve(id), warmups,
						runs);
			}
		}
		delete(work);
	}

	private void database(Case bench, Path classes, Path work, int warmups, int runs) throws Exception {
		Options o = this.options;
		String db = bench.database().id();
		Workload workload = bench.workload();
		if (!(o.scenarios().contains("apply") || o.scenarios().contains("revert") || o.scenarios().contains("startup"))) {
			return;
		}
		log(db + ": capturing our engine's DDL and writing the peers' migrations");
		Path resources = work.resolve("resources");
		ApplyBenchmark.Prepared prepared = ApplyBenchmark.prepare(bench, resources);
		save("jdbc", db, workload, "apply", new Samples(List.of(0L)), prepared.applyJdbc());
		save("jdbc", db, workload, "restart", new Samples(List.of(0L)), prepared.restartJdbc());
		if (o.scenarios().contains("apply")) {
			int applyRuns = o.applyRunsAt(workload.models());
			log(db + ": apply from empty (ours and the floors × " + applyRuns + " rounds, Flyway and Liquibase × "
					+ runs + ")");
			ApplyBenchmark.run(bench, prepared, warmups, applyRuns, runs)
				.forEach((subject, samples) -> save("apply", db, workload, subject, samples, ""));
		}
		if (o.scenarios().contains("revert")) {
			log(db + ": revert the last migration");
			RevertBenchmark.run(bench, prepared, warmups, runs)
				.forEach((subject, samples) -> save("revert", db, workload, subject, samples, ""));
		}
		if (o.scenarios().contains("startup")) {
			log(db + ": engine restart, warm and in fresh JVMs");
			RestartBenchmark.run(bench, classes, warmups, runs, Math.min(runs, o.processRuns()))
				.forEach((subject, samples) -> save("restart", db, workload, subject, samples, ""));
			log(db + ": Spring Boot starts (baseline, ours, Flyway, Liquibase) × " + o.processRuns()
					+ " rounds, the order rotated");
			StartupBenchmark.Results startup = StartupBenchmark.run(bench, classes, resources, o.processRuns());
			startup.context().forEach((subject, samples) -> save("startup", db, workload, subject, samples, ""));
			startup.tool().forEach((subject, samples) -> save("startup-tool", db, workload, subject, samples, ""));
			startup.first().forEach((subject, samples) -> save("startup-first", db, workload, subject, samples, ""));
			startup.cpu().forEach((subject, samples) -> save("startup-cpu", db, workload, subject, samples, ""));
			startup.mainCpu().forEach((subject, samples) -> save("startup-main-cpu", db, workload, subject, samples, ""));
		}
	}

	private void heap(Workload workload, Path work) throws Exception {
		log("Peak heap: " + workload.models() + " migrations");
		Path classes = ModelCompiler.compile(workload.sources(), work.resolve("models"));
		try (URLClassLoader loader = ModelCompiler.classLoader(classes)) {
			List<Class<?>> models = ModelCompiler.load(loader, workload.classNames());
			Path migrations = work.resolve("migrations");
			List<MigrationKey> keys = History.write(workload, models, migrations);
			for (String id : this.options.databases()) {
				Database database = id.equals("h2") ? new Database.H2()
						: new Database.PostgreSql(this.options.postgresqlUrl(), this.options.postgresqlUser(),
								this.options.postgresqlPassword());
				Map<String, HeapBenchmark.Outcome> outcomes = HeapBenchmark
					.run(new Case(database, workload, models, migrations, keys), classes);
				for (Map.Entry<String, HeapBenchmark.Outcome> entry : outcomes.entrySet()) {
					HeapBenchmark.Outcome outcome = entry.getValue();
					save("heap", id, workload, entry.getKey() + "-peak", new Samples(List.of(outcome.peak())),
							outcome.note());
					save("heap", id, workload, entry.getKey() + "-budget", new Samples(List.of((long) outcome.budget())),
							"");
					save("heap", id, workload, entry.getKey() + "-base", new Samples(List.of(outcome.base())), "");
				}
			}
		}
		delete(work);
	}

	private void save(String scenario, String database, Workload workload, String subject, Samples samples,
			String note) {
		try {
			this.store.add(new Result(scenario, database, workload.models(), workload.shape().label(), subject, samples,
					note));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		if (!scenario.equals("jdbc")) {
			log("  " + scenario + " " + database + " " + subject + ": " + samples.describe()
					+ (note.isEmpty() ? "" : " — " + note));
		}
	}

	private void writeDocument() throws IOException {
		Path doc = this.options.doc();
		if (doc == null) {
			return;
		}
		Path chart = doc.resolveSibling("performance.png");
		new Chart(this.store).write(chart);
		new Report(this.store, Machine.describe()).write(doc, chart.getFileName().toString());
		log("Wrote " + doc + " and " + chart);
	}

	private static void log(String message) {
		System.out.println(String.format(Locale.ROOT, "[%tT] %s", System.currentTimeMillis(), message));
	}

	private static void delete(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
