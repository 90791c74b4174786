package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The harness's command-line options.
 *
 * @param models number of models ({@code --models}, default 1000)
 * @param apps number of apps ({@code --apps}, default 10)
 * @param warmups warm-up runs per measurement ({@code --warmup}, default 3)
 * @param runs timed runs per measurement ({@code --runs}, default 7)
 * @param coldRuns fresh JVMs per cold measurement ({@code --cold-runs}, default 5; 0 to skip)
 * @param scenarios what to run ({@code --only makemigrations,postgresql,h2}, default all)
 * @param postgresqlUrl PostgreSQL database ({@code --postgresql-url}, else
 * {@code MIGRATIONS_TEST_POSTGRESQL_URL}, else {@code jdbc:postgresql://127.0.0.1:5432/test})
 * @param postgresqlUser its user ({@code --postgresql-user}, else
 * {@code MIGRATIONS_TEST_POSTGRESQL_USER}, else {@code postgres})
 * @param postgresqlPassword its password ({@code MIGRATIONS_TEST_POSTGRESQL_PASSWORD}, else empty)
 * @param out where to write the results ({@code --out}), or {@code null}
 * @param doc a document whose marked section is replaced by the results ({@code --doc}), or
 * {@code null}
 * @param work scratch folder ({@code --work}, default a new temporary folder)
 */
public record Options(int models, int apps, int warmups, int runs, int coldRuns, Set<String> scenarios,
		String postgresqlUrl, String postgresqlUser, String postgresqlPassword, @Nullable Path out, @Nullable Path doc,
		@Nullable Path work) {

	/** All scenario names. */
	public static final Set<String> ALL = Set.of("makemigrations", "postgresql", "h2");

	/**
	 * Parse the arguments.
	 * @param args the arguments
	 * @return the options
	 */
	public static Options parse(String[] args) {
		int models = 1000;
		int apps = 10;
		int warmups = 3;
		int runs = 7;
		int coldRuns = 5;
		Set<String> scenarios = ALL;
		String url = env("MIGRATIONS_TEST_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = env("MIGRATIONS_TEST_POSTGRESQL_USER", "postgres");
		String password = env("MIGRATIONS_TEST_POSTGRESQL_PASSWORD", "");
		Path out = null;
		Path doc = null;
		Path work = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.isBlank()) {
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value after " + arg);
			}
			String value = args[++i];
			switch (arg) {
				case "--models" -> models = Integer.parseInt(value);
				case "--apps" -> apps = Integer.parseInt(value);
				case "--warmup" -> warmups = Integer.parseInt(value);
				case "--runs" -> runs = Integer.parseInt(value);
				case "--cold-runs" -> coldRuns = Integer.parseInt(value);
				case "--only" -> scenarios = Set.of(value.split(","));
				case "--postgresql-url" -> url = value;
				case "--postgresql-user" -> user = value;
				case "--out" -> out = Path.of(value);
				case "--doc" -> doc = value.equals("none") ? null : Path.of(value);
				case "--work" -> work = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + arg
						+ ". Options: --models --apps --warmup --runs --cold-runs --only --postgresql-url --postgresql-user --out --doc --work");
			}
		}
		if (!ALL.containsAll(scenarios)) {
			throw new IllegalArgumentException("--only takes a comma-separated subset of " + ALL + ", got " + scenarios);
		}
		return new Options(models, apps, warmups, runs, coldRuns, Set.copyOf(scenarios), url, user, password, out, doc,
				work);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
