package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The harness's command-line options. Without any, everything runs at N = 100, 1,000 and 10,000;
 * {@code --quick} is a CI-size run (N = 100, few repetitions).
 *
 * @param sizes model counts ({@code --sizes 100,1000,10000})
 * @param apps number of apps ({@code --apps}, default 10)
 * @param shapes workload shapes ({@code --shapes independent,chain})
 * @param databases databases ({@code --databases h2,postgresql})
 * @param scenarios what to measure ({@code --only makemigrations,apply,revert,startup,heap,jmh}; {@code report}
 * alone measures nothing and only rewrites the document)
 * @param warmups warm-up runs per in-process measurement ({@code --warmup}, default 2)
 * @param runs timed runs per in-process measurement at N = 1,000 ({@code --runs}, default 5);
 * fewer at larger N, see {@link #runsAt}
 * @param applyRuns timed rounds of our engine and the plain-JDBC floors in the apply measurement
 * ({@code --apply-runs}, default {@code runs}; scaled down above 1,000 models as {@code runs} is):
 * each round costs about three applies, while Flyway and Liquibase keep to {@code runs} rounds, so
 * that the ratio to the floor can be given more rounds cheaply (see {@link ApplyBenchmark})
 * @param processRuns processes per startup measurement ({@code --process-runs}, default 5)
 * @param heapModels model count of the peak-heap measurement ({@code --heap-models}, default
 * 5000)
 * @param postgresqlUrl PostgreSQL database ({@code --postgresql-url}, else
 * {@code MIGRATIONS_TEST_POSTGRESQL_URL}, else {@code jdbc:postgresql://127.0.0.1:5432/test})
 * @param postgresqlUser its user ({@code MIGRATIONS_TEST_POSTGRESQL_USER}, else
 * {@code postgres})
 * @param postgresqlPassword its password ({@code MIGRATIONS_TEST_POSTGRESQL_PASSWORD}, else empty)
 * @param results the results file; each run replaces its own measurements in it and keeps the
 * others ({@code --results})
 * @param doc the document to write ({@code --doc}), or {@code null}
 * @param work scratch folder ({@code --work}, default a new temporary folder)
 */
public record Options(List<Integer> sizes, int apps, List<Workload.Shape> shapes, Set<String> databases,
		Set<String> scenarios, int warmups, int runs, int applyRuns, int processRuns, int heapModels, String postgresqlUrl,
		String postgresqlUser, String postgresqlPassword, Path results, @Nullable Path doc, @Nullable Path work) {

	/** All scenario names. */
	public static final Set<String> SCENARIOS = Set.of("makemigrations", "apply", "revert", "startup", "heap", "jmh",
			"report");

	/** All database names. */
	public static final Set<String> DATABASES = Set.of("h2", "postgresql");

	/**
	 * Parse the arguments.
	 * @param args the arguments
	 * @return the options
	 */
	public static Options parse(String... args) {
		List<Integer> sizes = List.of(100, 1000, 10000);
		int apps = 10;
		List<Workload.Shape> shapes = List.of(Workload.Shape.values());
		Set<String> databases = new LinkedHashSet<>(List.of("h2", "postgresql"));
		Set<String> scenarios = new LinkedHashSet<>(List.of("makemigrations", "apply", "revert", "startup", "heap",
				"jmh"));
		// "--only report" measures nothing and rewrites the document from the results file
		int warmups = 2;
		int runs = 5;
		int applyRuns = -1;
		int processRuns = 5;
		int heapModels = 5000;
		String url = env("MIGRATIONS_TEST_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = env("MIGRATIONS_TEST_POSTGRESQL_USER", "postgres");
		String password = env("MIGRATIONS_TEST_POSTGRESQL_PASSWORD", "");
		Path results = Path.of("results/benchmark-results.tsv");
		Path doc = null;
		Path work = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.isBlank()) {
				continue;
			}
			if (arg.equals("--quick")) {
				sizes = List.of(100);
				warmups = 1;
				runs = 2;
				processRuns = 2;
				heapModels = 500;
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value after " + arg);
			}
			String value = args[++i];
			switch (arg) {
				case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
				case "--apps" -> apps = Integer.parseInt(value);
				case "--shapes" -> shapes = Arrays.stream(value.split(",")).map(Workload.Shape::of).toList();
				case "--databases" -> databases = subset(value, DATABASES, arg);
				case "--only" -> scenarios = subset(value, SCENARIOS, arg);
				case "--warmup" -> warmups = Integer.parseInt(value);
				case "--runs" -> runs = Integer.parseInt(value);
				case "--apply-runs" -> applyRuns = Integer.parseInt(value);
				case "--process-runs" -> processRuns = Integer.parseInt(value);
				case "--heap-models" -> heapModels = Integer.parseInt(value);
				case "--postgresql-url" -> url = value;
				case "--results" -> results = Path.of(value);
				case "--doc" -> doc = value.equals("none") ? null : Path.of(value);
				case "--work" -> work = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + arg + ". Options: --quick --sizes "
						+ "--apps --shapes --databases --only --warmup --runs --apply-runs --process-runs --heap-models "
						+ "--postgresql-url --results --doc --work");
			}
		}
		return new Options(sizes, apps, shapes, databases, scenarios, warmups, runs,
				(applyRuns < 0) ? runs : applyRuns, processRuns, heapModels, url,
				user, password, results, doc, work);
	}

	/**
	 * Return the number of timed runs at a size: {@link #runs} up to 1,000 models, fewer above, so
	 * that every size costs about the same time; at least one.
	 * @param models the model count
	 * @return the number of runs
	 */
	public int runsAt(int models) {
		return Math.max(1, (models <= 1000) ? this.runs : this.runs * 1000 / models);
	}

	/**
	 * Return the number of timed rounds of ours and the floors in the apply measurement at a size:
	 * {@link #applyRuns}, scaled down above 1,000 models as {@link #runsAt} is; never fewer than
	 * {@link #runsAt}.
	 * @param models the model count
	 * @return the number of rounds
	 */
	public int applyRunsAt(int models) {
		int rounds = Math.max(1, (models <= 1000) ? this.applyRuns : this.applyRuns * 1000 / models);
		return Math.max(rounds, runsAt(models));
	}

	/**
	 * Return the number of warm-up runs at a size: none above 1,000 models, where one run takes
	 * long enough to warm the JIT by itself.
	 * @param models the model count
	 * @return the number of warm-up runs
	 */
	public int warmupsAt(int models) {
		return (models <= 1000) ? this.warmups : 0;
	}

	private static Set<String> subset(String value, Set<String> all, String option) {
		Set<String> chosen = new LinkedHashSet<>(List.of(value.split(",")));
		if (!all.containsAll(chosen)) {
			throw new IllegalArgumentException(option + " takes a comma-separated subset of " + all + ", got " + value);
		}
		return chosen;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
