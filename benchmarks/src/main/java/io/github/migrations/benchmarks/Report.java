package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Renders {@code docs/performance.md} from the results file: the machine, the targets with their
 * verdicts, one table per measurement, what dominated, and the chart.
 */
public final class Report {

	private static final List<String> DATABASES = List.of("postgresql", "h2");

	private final ResultStore store;

	private final String machine;

	private final List<String> lines = new ArrayList<>();

	/**
	 * Create a report.
	 * @param store the results
	 * @param machine the machine description
	 */
	public Report(ResultStore store, String machine) {
		this.store = store;
		this.machine = machine;
	}

	/**
	 * Render the document.
	 * @param chart the chart's file name, relative to the document, or {@code null}
	 * @return the Markdown
	 */
	public String render(String chart) {
		this.lines.clear();
		intro(chart);
		targets();
		apply();
		startup();
		engineRestart();
		revert();
		makemigrations();
		heap();
		coldStart();
		phases();
		return String.join("\n", this.lines) + "\n";
	}

	/**
	 * Write the document.
	 * @param document the file
	 * @param chart the chart's file name, relative to the document, or {@code null}
	 * @throws IOException on failure
	 */
	public void write(Path document, String chart) throws IOException {
		Files.createDirectories(document.toAbsolutePath().getParent());
		Files.writeString(document, render(chart), StandardCharsets.UTF_8);
	}

	private void intro(String chart) {
		add("# Performance");
		add("");
		add("How fast the engine is, side by side with Flyway and Liquibase (the versions Spring Boot manages) and "
				+ "with plain JDBC, measured in one run on one machine. Everything on this page, the chart "
				+ "included, is written by the `benchmarks` module; do not edit it by hand.");
		add("");
		add("## Running it");
		add("");
		add("```");
		add("./mvnw -B -pl benchmarks -am verify -Pbenchmarks -DskipTests            # everything: N = 100, 1,000, 10,000");
		add("./mvnw -B -pl benchmarks -am verify -Pbenchmarks -DskipTests -Dbenchmarks.args=--quick   # CI size, ~2 min");
		add("```");
		add("");
		add("`-Dbenchmarks.args` takes the harness's options (`Options`): `--sizes 100,1000`, `--shapes independent,chain`, "
				+ "`--databases h2,postgresql`, `--only makemigrations,apply,revert,startup,heap,jmh` (`--only report` rewrites this page from the results without measuring), `--runs`, `--apply-runs`, "
				+ "`--warmup`, `--process-runs`, `--heap-models`. Results accumulate in "
				+ "`benchmarks/results/benchmark-results.tsv`, which is committed with this page (a new measurement replaces "
				+ "the old one with the same key), so the set can be run in chunks and across sessions; every run rewrites "
				+ "this page and the chart from all of them. "
				+ "PostgreSQL is the local server (`MIGRATIONS_TEST_POSTGRESQL_URL`, default "
				+ "`jdbc:postgresql://127.0.0.1:5432/test`; each run gets a fresh schema); H2 runs in memory, or in a "
				+ "file where another process must open it.");
		add("");
		add("**Workloads.** N models in 10 apps, each with 9–12 columns of mixed types (some unique, some indexed, "
				+ "some nullable or with defaults), and one migration per model, as a project accumulates them: "
				+ "`0001_initial`, `0002_item00010`, … (a `CreateModel` depending on the previous migration of its app). "
				+ "*independent*: no foreign keys; *chain*: every model has a foreign key to the previous one, which "
				+ "lives in another app, so the whole history is one connected graph. The peers get the very DDL our "
				+ "engine ran, captured from JDBC, as one Flyway SQL migration and one Liquibase formatted-SQL "
				+ "changeset per migration, in the same order.");
		add("");
		add("**Machine.** " + this.machine + ". Times are medians (min–max, n runs); ratios are of medians from the same run, except "
				+ "our apply's ratios to the floors and the startup's added times and ratios, which are medians of "
				+ "per-round figures (see (1) and (2)). "
				+ "The absolute figures vary by machine; the ratios are what the targets are about.");
		if (chart != null) {
			add("");
			add("![Startup time added and apply cost per migration](" + chart + ")");
		}
	}

	private void targets() {
		add("");
		add("## Targets");
		add("");
		add("| Target | Measured | Verdict |");
		add("|---|---|---|");
		for (String db : DATABASES) {
			for (int n : sizes("apply", db)) {
				for (String shape : shapes("apply", db, n)) {
					Optional<RoundRatio> ratio = roundRatio("apply", db, n, shape, "ours", "floor");
					ratio.ifPresent((r) -> target("Apply, " + name(db) + ", N = " + count(n) + ", " + shape
							+ ": ≤ 1.10× plain JDBC", r.describe(), r.median() <= 1.10));
				}
			}
			for (String shape : List.of("independent", "chain")) {
				List<Integer> sizes = sizes("apply", db).stream()
					.filter((n) -> find("apply", db, n, shape, "ours").isPresent())
					.toList();
				if (sizes.size() > 1) {
					int small = sizes.get(0);
					int large = sizes.get(sizes.size() - 1);
					double growth = perMigration("apply", db, large, shape, "ours") / perMigration("apply", db, small, shape, "ours");
					target("Apply cost per migration flat, " + name(db) + ", " + shape + ": N = " + count(large)
							+ " vs " + count(small) + " ≤ 1.5×", Report.ratio(growth), growth <= 1.5);
				}
			}
		}
		for (String db : DATABASES) {
			for (String shape : List.of("independent", "chain")) {
				Optional<RoundDifference> ours = added("startup", db, 1000, shape, "ours");
				Optional<RoundDifference> flyway = added("startup", db, 1000, shape, "flyway");
				Optional<RoundRatio> ratio = addedRatio("startup", db, 1000, shape);
				if (ours.isPresent() && flyway.isPresent() && ratio.isPresent()) {
					String what = "Spring Boot restart with 1,000 applied, " + name(db) + ", " + shape
							+ ": added time ≤ 0.1× Flyway's";
					String measured = "wall " + ours.get().describe() + " vs " + flyway.get().describe() + " = "
							+ ratio.get().describe() + "; processor time ours ÷ Flyway: process "
							+ addedRatioText("startup-cpu", db, 1000, shape) + ", main thread "
							+ addedRatioText("startup-main-cpu", db, 1000, shape) + "; beans "
							+ beansRatio(db, 1000, shape) + " Flyway's";
					add(row(what, measured, verdict(ratio.get(), 0.1)));
				}
				Optional<RoundDifference> large = added("startup", db, 10000, shape, "ours");
				if (ours.isPresent() && large.isPresent()) {
					double r = large.get().median() / ours.get().median();
					target("Spring Boot restart with 10,000 applied, " + name(db) + ", " + shape
							+ ": ≤ 10× our 1,000 figure", millis(large.get().median()) + " = " + Report.ratio(r), r <= 10);
				}
				find("restart", db, 1000, shape, "cold").ifPresent((cold) -> target("Engine restart (`migrate()`, "
						+ "fresh JVM) with 1,000 applied, " + name(db) + ", " + shape + ": ≤ 100 ms",
						millis(cold.samples().medianMillis()), cold.samples().medianMillis() <= 100));
			}
		}
		for (String db : DATABASES) {
			for (int n : sizes("revert", db)) {
				for (String shape : shapes("revert", db, n)) {
					Optional<Result> revert = find("revert", db, n, shape, "revert");
					Optional<Result> apply = find("revert", db, n, shape, "apply-last");
					if (revert.isPresent() && apply.isPresent()) {
						double r = revert.get().samples().medianMillis();
						double a = apply.get().samples().medianMillis();
						target("Revert the last migration, " + name(db) + ", N = " + count(n) + ", " + shape
								+ ": ≤ its apply + 100 ms", millis(r) + " vs " + millis(a) + " + 100 ms", r <= a + 100);
					}
				}
			}
		}
		for (String shape : List.of("independent", "chain")) {
			find("makemigrations", "none", 1000, shape, "check-cold").ifPresent((cold) -> target(
					"`makemigrations --check`, 1,000 models, " + shape + ", fresh JVM: ≤ 300 ms engine time",
					millis(cold.samples().medianMillis()), cold.samples().medianMillis() <= 300));
			find("makemigrations", "none", 1000, shape, "check-warm").ifPresent((warm) -> target(
					"`makemigrations --check`, 1,000 models, " + shape + ", warm JVM: ≤ 300 ms",
					millis(warm.samples().medianMillis()), warm.samples().medianMillis() <= 300));
		}
		for (Result budget : results("heap")) {
			if (budget.subject().endsWith("-budget")) {
				String mode = budget.subject().substring(0, budget.subject().length() - "-budget".length());
				long mib = budget.samples().nanos().get(0);
				target("Peak heap, " + mode + " of " + count(budget.models()) + " migrations, " + name(budget.database())
						+ ": ≤ 64 MB beyond the application's own",
						(mib > 0) ? "runs within the application's own heap + " + mib + " MB" : "fails within + 64 MB",
						mib > 0 && mib <= 64);
			}
		}
	}

	private void apply() {
		add("");
		add("## (1) Apply everything from empty");
		add("");
		add("Each run gets an empty schema. *Floor*: the statements our engine sent, captured from JDBC and replayed "
				+ "through plain JDBC on one connection, one transaction per migration (PostgreSQL; H2 commits DDL by "
				+ "itself): the DDL, the history table's `CREATE TABLE` and the `INSERT` that records each migration (what "
				+ "every migration tool writes). *DDL floor*: the DDL alone. Not in either floor, so counted as our "
				+ "engine's: taking the lock and reading the history, reading and parsing the files, replaying the "
				+ "states, and, on databases without transactional DDL that outlive the process (H2 in a file, MariaDB), "
				+ "the progress row that says which statement of a migration runs (one `UPDATE` per statement); the H2 "
				+ "here is in memory, which dies with the process, so the engine writes no progress row unless a statement "
				+ "fails ([reliability.md](reliability.md)). Ours, Flyway and Liquibase run in-process through their APIs "
				+ "(Liquibase through `SpringLiquibase`, as Spring Boot does), logging at WARN.");
		add("");
		add("*How the ratios to the floors are taken.* One apply varies between runs by more than the 10 % the target "
				+ "is about (on PostgreSQL most of a run is the server's work and its `fsync`s, shared with whatever "
				+ "else the machine does), so ours and the two floors run in rounds: one run each per round, back to "
				+ "back, in the order ours, floor, DDL floor, then reversed in the next round, so that a slow spell "
				+ "or what the previous run left behind hits both sides alike. *Ours ÷ floor* and *Ours ÷ DDL floor* "
				+ "are the median of the per-round ratios, with the smallest and largest of them and the number of "
				+ "rounds (a ratio without a spread is one of medians, from results measured before the rounds were "
				+ "paired). Flyway and Liquibase run in the warm-up rounds and the first `--runs` timed rounds, after "
				+ "ours and the floors; `--apply-runs` gives ours and the floors more rounds at little cost "
				+ "(for example `-Dbenchmarks.args=\"--only apply --sizes 1000 --apply-runs 15\"`).");
		add("");
		add("| Database | N | Shape | Ours | Floor | Ours ÷ floor | DDL floor | Ours ÷ DDL floor | Flyway | Liquibase | Ours per migration | Flyway ÷ ours | Liquibase ÷ ours |");
		add("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (String db : DATABASES) {
			for (int n : sizes("apply", db)) {
				for (String shape : shapes("apply", db, n)) {
					add(row(name(db), count(n), shape, describe("apply", db, n, shape, "ours"),
							describe("apply", db, n, shape, "floor"), roundRatioText("apply", db, n, shape, "ours", "floor"),
							describe("apply", db, n, shape, "floor-ddl"),
							roundRatioText("apply", db, n, shape, "ours", "floor-ddl"),
							describe("apply", db, n, shape, "flyway"), describe("apply", db, n, shape, "liquibase"),
							String.format(Locale.ROOT, "%.2f ms", perMigration("apply", db, n, shape, "ours")),
							ratioText("apply", db, n, shape, "flyway", "ours"),
							ratioText("apply", db, n, shape, "liquibase", "ours")));
				}
			}
		}
		if (!results("jdbc").isEmpty()) {
			add("");
		}
		for (Result jdbc : results("jdbc")) {
			add("JDBC work of our engine, " + name(jdbc.database()) + ", N = " + count(jdbc.models()) + ", " + jdbc.shape()
					+ ", " + jdbc.subject() + ": " + jdbc.note() + ".  ");
		}
	}

	private void startup() {
		add("");
		add("## (2) Restart: time added to a Spring Boot start, everything applied");
		add("");
		add("One process per start: an empty Spring Boot application with a `DataSource` (HikariCP) and one tool's starter "
				+ "(the other tools' jars removed from its class path), each against its own schema that its first start "
				+ "migrated, the migrations on the class path where each tool looks by default. The baseline's schema holds the same "
				+ "tables (our starter migrated it in a start that is not counted): H2 reads every table's definition "
				+ "when it opens a database, which with 1,000 tables is some 500 ms of processor time that is no "
				+ "tool's work (results measured before this have it in every tool's added time on H2). *Context*: "
				+ "`SpringApplication.run`; *added*: it minus the baseline's (no tool), round by round (below); *beans*: the time spent "
				+ "creating the tool's beans, from Spring's `BufferingApplicationStartup` (ours: `migrations`, "
				+ "`migrationsInitializer`, which include scanning the model classes; Flyway: `flyway`, `flywayInitializer`; "
				+ "Liquibase: `liquibase`). *First start* applied everything. Ours runs twice: with its defaults, under which "
				+ "it looks for model changes that no migration reflects yet (as Django's `migrate` warns) on a thread "
				+ "of its own once the application is ready, and with that look off. Ours reads its files on a "
				+ "thread of its own from the start of the context's refresh, so *beans* is mostly the connection "
				+ "pool's first connection, the lock and the history (see [spring-boot.md](spring-boot.md#when-migrations-run-and-why-then)).");
		add("");
		add("*How the added time is taken.* One start's wall time varies by several hundred milliseconds from one "
				+ "process to the next on a loaded machine, more than some tools add, so the starts run in rounds: one "
				+ "start of each variant per round, the order rotated by one place from round to round. *Added* is "
				+ "the median, over the rounds, of each round's start minus that round's baseline, with the smallest "
				+ "and largest of those differences; *ours ÷ Flyway* is the median of the per-round ratios of the "
				+ "added figures, with their spread and the number of rounds (a round in which Flyway's start was "
				+ "not slower than that round's baseline has no ratio). Beside the wall time each start reports "
				+ "its processor time over the same interval (from entering `main` to the context being ready): of "
				+ "the whole process (every thread: the tools' own threads, the JIT compilers, the collector) and of "
				+ "the main thread alone, which runs the context's refresh (`ThreadMXBean`, in nanoseconds; the "
				+ "process's figure is `OperatingSystemMXBean.getProcessCpuTime`, which JDK 17 takes in the kernel's "
				+ "clock ticks, 10 ms steps here). Processor time moves far less than wall time "
				+ "when other processes compete for the cores (it still grows somewhat: shared caches, and the JIT "
				+ "compiling at other moments), so its added figures and ratios resolve "
				+ "differences that the wall time's spread hides; work a tool moves to a thread of its own counts in "
				+ "the process's figure but not in the main thread's (ours with its defaults starts its look for model "
				+ "changes as the application becomes ready, so some of that look may fall in its process figure). "
				+ "The target's verdict stays on the wall time: "
				+ "met when the median ratio and every round's ratio are within it, *not shown* when the rounds "
				+ "disagree.");
		add("");
		add("| Database | N | Shape | Baseline context | Ours added; beans | Ours, `unmigrated-changes=ignore`, added; beans | Flyway added; beans | Liquibase added; beans | Ours ÷ Flyway | First start: ours / Flyway / Liquibase |");
		add("|---|---|---|---|---|---|---|---|---|---|");
		for (String db : DATABASES) {
			for (int n : sizes("startup", db)) {
				for (String shape : shapes("startup", db, n)) {
					add(row(name(db), count(n), shape, describe("startup", db, n, shape, "baseline"),
							addedText(db, n, shape, "ours"), addedText(db, n, shape, "ours-ignore-changes"),
							addedText(db, n, shape, "flyway"),
							addedText(db, n, shape, "liquibase"), addedRatioText("startup", db, n, shape),
							String.join(" / ", median("startup-first", db, n, shape, "ours"),
									median("startup-first", db, n, shape, "flyway"),
									median("startup-first", db, n, shape, "liquibase"))));
				}
			}
		}
		if (results("startup-cpu").isEmpty()) {
			return;
		}
		add("");
		add("Processor time over the same interval, added per round as above (results measured before the "
				+ "processor time was recorded have no row here).");
		add("");
		add("| Database | N | Shape | Processor time | Baseline | Ours added | Ours, `unmigrated-changes=ignore`, added | Flyway added | Liquibase added | Ours ÷ Flyway |");
		add("|---|---|---|---|---|---|---|---|---|---|");
		for (String db : DATABASES) {
			for (int n : sizes("startup-cpu", db)) {
				for (String shape : shapes("startup-cpu", db, n)) {
					for (String scenario : List.of("startup-cpu", "startup-main-cpu")) {
						add(row(name(db), count(n), shape, scenario.equals("startup-cpu") ? "process" : "main thread",
								describe(scenario, db, n, shape, "baseline"),
								addedCpuText(scenario, db, n, shape, "ours"),
								addedCpuText(scenario, db, n, shape, "ours-ignore-changes"),
								addedCpuText(scenario, db, n, shape, "flyway"),
								addedCpuText(scenario, db, n, shape, "liquibase"), addedRatioText(scenario, db, n, shape)));
					}
				}
			}
		}
	}

	private void engineRestart() {
		add("");
		add("## Restart: the engine call alone");
		add("");
		add("`Migrations.migrate()` with everything applied, as the starter calls it: in a warm JVM, and as the first "
				+ "call in a fresh JVM (the models already loaded; JVM start and class loading of the harness not "
				+ "counted).");
		add("");
		add("| Database | N | Shape | Warm | Fresh JVM | Fresh JVM, `-XX:TieredStopAtLevel=1` | Fresh JVM, AppCDS "
				+ "| Fresh JVM, AppCDS and `-XX:TieredStopAtLevel=1` |");
		add("|---|---|---|---|---|---|---|---|");
		for (String db : DATABASES) {
			for (int n : sizes("restart", db)) {
				for (String shape : shapes("restart", db, n)) {
					add(row(name(db), count(n), shape, describe("restart", db, n, shape, "warm"),
							describe("restart", db, n, shape, "cold"), describe("restart", db, n, shape, "cold-c1"),
							describe("restart", db, n, shape, "cold-cds"),
							describe("restart", db, n, shape, "cold-cds-c1")));
				}
			}
		}
	}

	private void revert() {
		add("");
		add("## (3) Revert the last migration");
		add("");
		add("With everything applied, `migrate <app> <previous>` reverts the last migration applied; `migrate` then "
				+ "applies it again. Both load and plan the whole history, as they would in production. Flyway "
				+ "Community has no undo; Liquibase's `rollback-count 1` is not measured here.");
		add("");
		add("| Database | N | Shape | Revert | Apply it again | Revert − apply |");
		add("|---|---|---|---|---|---|");
		for (String db : DATABASES) {
			for (int n : sizes("revert", db)) {
				for (String shape : shapes("revert", db, n)) {
					Optional<Result> revert = find("revert", db, n, shape, "revert");
					Optional<Result> apply = find("revert", db, n, shape, "apply-last");
					String difference = (revert.isPresent() && apply.isPresent())
							? millis(revert.get().samples().medianMillis() - apply.get().samples().medianMillis()) : "";
					add(row(name(db), count(n), shape, describe("revert", db, n, shape, "revert"),
							describe("revert", db, n, shape, "apply-last"), difference));
				}
			}
		}
	}

	private void makemigrations() {
		add("");
		add("## (4) makemigrations");
		add("");
		add("No database. `--check` on the history (nothing to do: it reads and scans the models, loads and replays "
				+ "every migration file, and compares), warm (after a throw-away set of calls that lets the JIT settle, "
				+ "then the warm-up runs), in a fresh JVM (the engine call; JVM start not counted), "
				+ "and under JMH (`EngineBenchmarks.makemigrationsCheck`, one fork, average time). *Write*: "
				+ "`makemigrations` writing the initial migrations of all models into an empty folder. Django 5.2 takes "
				+ "3.9 s for `--check` on 1,000 models on this kind of machine.");
		add("");
		add("| N | Shape | `--check` warm | `--check` fresh JVM | `--check` fresh JVM, `-XX:TieredStopAtLevel=1` "
				+ "| `--check` fresh JVM, AppCDS | `--check` fresh JVM, AppCDS and `-XX:TieredStopAtLevel=1` "
				+ "| `--check` JMH | load + replay, JMH | Write, warm |");
		add("|---|---|---|---|---|---|---|---|---|---|");
		for (int n : sizes("makemigrations", "none")) {
			for (String shape : shapes("makemigrations", "none", n)) {
				add(row(count(n), shape, describe("makemigrations", "none", n, shape, "check-warm"),
						describe("makemigrations", "none", n, shape, "check-cold"),
						describe("makemigrations", "none", n, shape, "check-cold-c1"),
						describe("makemigrations", "none", n, shape, "check-cold-cds"),
						describe("makemigrations", "none", n, shape, "check-cold-cds-c1"),
						describe("jmh", "none", n, shape, "makemigrationsCheck"),
						describe("jmh", "none", n, shape, "loadAndReplay"),
						describe("makemigrations", "none", n, shape, "write")));
			}
		}
	}

	private void coldStart() {
		add("");
		add("## Fresh JVM: what is measured and what the engine does about it");
		add("");
		add("*Engine time* (the fresh-JVM columns and targets) is the wall time from entering the engine's public API "
				+ "to its return, in a JVM that has run nothing of the engine before: `Migrations.configure()…load()` "
				+ "then `run([\"makemigrations\", \"--check\"])` or `migrate()` (`ColdRun`, `Engine`). Not counted: "
				+ "the JVM's start, the harness up to the call, the process's exit. Counted: everything the call does, "
				+ "including loading the engine's classes and libraries, running them interpreted until the JIT "
				+ "compiles them, and the engine's own threads. `--check` scans the model package and loads the model "
				+ "classes itself, as the build plugin does; for `migrate()` the models are loaded and a connection is "
				+ "open before the call, as in an application whose context is up when the starter calls the engine.");
		add("");
		add("A warm call takes a fraction of the first one: in a fresh JVM every method runs interpreted until the "
				+ "JIT compiles it, the JIT's compilations take processor time of their own, and every class is loaded "
				+ "on first use. For 1,000 models the first call loads 1,000 model classes and reads their annotations, "
				+ "reads, checksums and parses 1,000 files, and replays and compares the state. What the engine does "
				+ "about it, behaviour unchanged:");
		add("");
		add("- `migrate()` reads and checksums the files on a thread of its own while it connects, takes the lock "
				+ "and reads the history (under Spring Boot from the start of the context's refresh); with every file "
				+ "applied and unchanged it reads only the files' headers (dependencies), builds their graph on that "
				+ "thread too, and reads only the history's names and checksums (converting a thousand timestamps "
				+ "cost more than the query), no operations; without a progress table it opens no connection to "
				+ "look for interrupted migrations.");
		add("- Files in a folder are listed and read with `java.io` and decoded without a `CharsetDecoder` when "
				+ "they are well-formed (the same strict check); under Spring Boot a classpath folder is read "
				+ "directly instead of through the resource pattern matcher. In a fresh JVM, listing and reading 1,000 "
				+ "files took ~20 ms of processor time this way, against 90–200 ms through `java.nio.file` streams "
				+ "and 400–600 ms through the matcher (measured alone, its classes included).");
		add("- `makemigrations` reads, parses, graphs and replays the files on a thread of its own while it scans "
				+ "and reads the models; errors come in the same order as before.");
		add("- Files in the layout `makemigrations` writes are composed without SnakeYAML's scanner (`SimpleYaml`, "
				+ "the same node tree, checked against SnakeYAML); any other file still goes through SnakeYAML.");
		add("- A simple `makemigrations` command line runs without building picocli's model of every command; "
				+ "help, errors and other lines still go through picocli.");
		add("- Equality of the keys, field states and model options compared thousands of times is written out "
				+ "instead of generated (the same hash codes), annotation accessors are looked up once per type, and "
				+ "the SHA-256 digest is reused.");
		add("- `makemigrations` reads annotation attributes through the annotation's own proxy handler (no "
				+ "reflective accessor class generated per attribute), lists the model folder without a stream walk, "
				+ "remembers the tags of the short plain scalars every file repeats (`true`, `CharField`, `100`; the "
				+ "resolver's regular expressions were a fifth of parsing), and the autodetector builds set "
				+ "differences by adding what is missing instead of removing what is common from a sorted tree (for "
				+ "1,000 unchanged models that removal was almost half of the comparison).");
		add("");
		add("JVM options for the command mode and the build, whose processes live a few seconds: "
				+ "`-XX:TieredStopAtLevel=1` (the JIT's first tier only; the column above) saves the optimising "
				+ "compiler's work, which such a process never pays back: `java -XX:TieredStopAtLevel=1 -jar app.jar "
				+ "--migrations.command=...`, or for the Maven plugin a line in `.mvn/jvm.config` (it applies to the "
				+ "whole build). Application class-data sharing (the AppCDS columns; JDK 17: one training process with "
				+ "`-XX:ArchiveClassesAtExit=app.jsa`, not measured, then `-XX:SharedArchiveFile=app.jsa`) maps the "
				+ "classes the training process loaded instead of loading, verifying and linking them again. JDK 17 "
				+ "archives only classes loaded from jars by the JVM's own class loaders, so the child runs on a class "
				+ "path of jars only (the harness's `target/classes` packed into one); the engine, SnakeYAML and the "
				+ "JDBC driver are archived, the generated model classes (a class loader of their own, from a folder) "
				+ "are not. How to set it up: [makemigrations](makemigrations.md) for the command mode, "
				+ "[Spring Boot](spring-boot.md) for an application's restart.");
	}

	private void heap() {
		add("");
		add("## (5) Peak heap");
		add("");
		add("A fresh JVM loads the model classes (the application's own heap: live heap after a full collection), "
				+ "then runs the engine. *Peak seen*: the largest heap in use after any collection during the call, with "
				+ "the serial collector and a 4 MB young generation so that collections come every few megabytes of "
				+ "allocation; an upper bound, since objects that died in the old generation only leave at a full "
				+ "collection. *Capped runs*: the same call with `-Xmx` set to the application's own heap plus 16, 32, "
				+ "then 64 MB, smallest first; a run passes only if the engine never needs more than its cap.");
		add("");
		add("| Database | Migrations | Shape | What | Application's own | Peak seen (upper bound) | Beyond the application's own | Capped runs |");
		add("|---|---|---|---|---|---|---|---|");
		for (Result peak : results("heap")) {
			if (peak.subject().endsWith("-peak")) {
				String mode = peak.subject().substring(0, peak.subject().length() - "-peak".length());
				find("heap", peak.database(), peak.models(), peak.shape(), mode + "-base").ifPresent((base) -> {
					long b = base.samples().nanos().get(0);
					long p = peak.samples().nanos().get(0);
					add(row(name(peak.database()), count(peak.models()), peak.shape(), mode, mib(b), mib(p), mib(p - b),
							peak.note()));
				});
			}
		}
	}

	private void phases() {
		add("");
		add("## What dominates");
		add("");
		add("Phases measured one by one in a warm JVM (each alone; the engine runs them in sequence).");
		add("");
		add("| Command | Database | N | Shape | Phase | Median (min–max) |");
		add("|---|---|---|---|---|---|");
		for (String scenario : List.of("makemigrations", "restart")) {
			for (Result result : results(scenario)) {
				if (result.subject().startsWith("phase: ")) {
					add(row(scenario.equals("restart") ? "restart" : "`makemigrations --check`", name(result.database()),
							count(result.models()), result.shape(), result.subject().substring(7),
							result.samples().describe()));
				}
			}
		}
		add("");
		add(findings());
	}

	private static String findings() {
		try (var in = Report.class.getResourceAsStream("findings.md")) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() : "";
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void target(String what, String measured, boolean met) {
		add(row(what, measured, met ? "met" : "**missed**"));
	}

	private Optional<RoundDifference> added(String scenario, String db, int n, String shape, String subject) {
		Optional<Result> baseline = find(scenario, db, n, shape, "baseline");
		Optional<Result> tool = find(scenario, db, n, shape, subject);
		if (baseline.isEmpty() || tool.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(RoundDifference.of(tool.get().samples(), baseline.get().samples()));
	}

	private Optional<RoundRatio> addedRatio(String scenario, String db, int n, String shape) {
		Optional<Result> baseline = find(scenario, db, n, shape, "baseline");
		Optional<Result> ours = find(scenario, db, n, shape, "ours");
		Optional<Result> flyway = find(scenario, db, n, shape, "flyway");
		if (baseline.isEmpty() || ours.isEmpty() || flyway.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(RoundRatio.ofAdded(ours.get().samples(), flyway.get().samples(), baseline.get().samples()));
	}

	private String addedRatioText(String scenario, String db, int n, String shape) {
		return addedRatio(scenario, db, n, shape).map(RoundRatio::describe).orElse("–");
	}

	/**
	 * Return the verdict on a ratio of per-round figures: met when the median and every round are
	 * within the target, missed when the median is not, and not shown when the rounds disagree.
	 * @param ratio the ratio
	 * @param target the largest ratio that meets the target
	 * @return the verdict cell
	 */
	static String verdict(RoundRatio ratio, double target) {
		if (!(ratio.median() <= target)) {
			return "**missed**";
		}
		return (ratio.max() <= target) ? "met" : "not shown (rounds disagree)";
	}

	private String beansRatio(String db, int n, String shape) {
		Optional<Result> ours = find("startup-tool", db, n, shape, "ours");
		Optional<Result> flyway = find("startup-tool", db, n, shape, "flyway");
		if (ours.isEmpty() || flyway.isEmpty()) {
			return "–";
		}
		return Report.ratio(ours.get().samples().medianMillis() / flyway.get().samples().medianMillis());
	}

	private String addedText(String db, int n, String shape, String subject) {
		return added("startup", db, n, shape, subject).map(RoundDifference::describe).orElse("") + "; beans "
				+ median("startup-tool", db, n, shape, subject);
	}

	private String addedCpuText(String scenario, String db, int n, String shape, String subject) {
		return added(scenario, db, n, shape, subject).map(RoundDifference::describe).orElse("–");
	}

	private double perMigration(String scenario, String db, int n, String shape, String subject) {
		return find(scenario, db, n, shape, subject).map((r) -> r.samples().medianMillis() / n).orElse(Double.NaN);
	}

	private Optional<Double> ratio(String scenario, String db, int n, String shape, String a, String b) {
		Optional<Result> x = find(scenario, db, n, shape, a);
		Optional<Result> y = find(scenario, db, n, shape, b);
		if (x.isEmpty() || y.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(x.get().samples().medianMillis() / y.get().samples().medianMillis());
	}

	private Optional<RoundRatio> roundRatio(String scenario, String db, int n, String shape, String a, String b) {
		Optional<Result> x = find(scenario, db, n, shape, a);
		Optional<Result> y = find(scenario, db, n, shape, b);
		if (x.isEmpty() || y.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(RoundRatio.of(x.get().samples(), y.get().samples()));
	}

	private String roundRatioText(String scenario, String db, int n, String shape, String a, String b) {
		return roundRatio(scenario, db, n, shape, a, b).map(RoundRatio::describe).orElse("");
	}

	private String ratioText(String scenario, String db, int n, String shape, String a, String b) {
		return ratio(scenario, db, n, shape, a, b).map(Report::ratio).orElse("");
	}

	private String describe(String scenario, String db, int n, String shape, String subject) {
		return find(scenario, db, n, shape, subject).map((r) -> r.samples().describe()).orElse("");
	}

	private String median(String scenario, String db, int n, String shape, String subject) {
		return find(scenario, db, n, shape, subject).map((r) -> millis(r.samples().medianMillis())).orElse("–");
	}

	private Optional<Result> find(String scenario, String db, int n, String shape, String subject) {
		return this.store.find(scenario, db, n, shape, subject);
	}

	private List<Result> results(String scenario) {
		return this.store.all().stream().filter((r) -> r.scenario().equals(scenario)).toList();
	}

	private List<Integer> sizes(String scenario, String db) {
		TreeSet<Integer> sizes = new TreeSet<>();
		results(scenario).stream().filter((r) -> r.database().equals(db)).forEach((r) -> sizes.add(r.models()));
		return List.copyOf(sizes);
	}

	private List<String> shapes(String scenario, String db, int n) {
		List<String> shapes = new ArrayList<>();
		for (String shape : List.of("independent", "chain")) {
			if (results(scenario).stream().anyMatch((r) -> r.database().equals(db) && r.models() == n
					&& r.shape().equals(shape))) {
				shapes.add(shape);
			}
		}
		return shapes;
	}

	private void add(String line) {
		this.lines.add(line);
	}

	private static String row(String... cells) {
		return "| " + String.join(" | ", cells) + " |";
	}

	static String name(String db) {
		return switch (db) {
			case "postgresql" -> "PostgreSQL";
			case "h2" -> "H2";
			case "none" -> "–";
			default -> db;
		};
	}

	private static String count(int n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	private static String mib(long bytes) {
		return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
	}

	private static String millis(double millis) {
		return Samples.millis(millis);
	}

	/**
	 * Format a ratio.
	 * @param ratio the ratio
	 * @return for example {@code 1.04×}
	 */
	public static String ratio(double ratio) {
		return String.format(Locale.ROOT, "%.2f×", ratio);
	}

}
