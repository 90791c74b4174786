package io.github.migrations.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.migrations.MigrationException;
import io.github.migrations.loader.MigrationParser;
import io.github.migrations.loader.MigrationResource;
import io.github.migrations.migration.Migration;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the migration file parser with Jazzer: whatever the bytes, parsing
 * (and applying the parsed operations to an empty project state) either succeeds or raises a
 * {@link MigrationException}; nothing else escapes and no input takes longer than five seconds (a
 * bound for hangs, generous enough for a cold parser on a busy two-core machine; the parser is warmed
 * once before the first input so class loading does not count).
 * <p>
 * The build runs it in Jazzer's fuzzing mode for a bounded time ({@code JAZZER_FUZZ=1} and
 * {@code maxDuration}, set in the module's pom); without {@code JAZZER_FUZZ} only the seeds in
 * {@code src/test/resources/io/github/migrations/fuzz/MigrationParserFuzzTestsInputs} run (Jazzer's
 * regression mode), and any finding Jazzer saves there is replayed by every build.
 */
class MigrationParserFuzzTests {

	private static final Duration PER_INPUT = Duration.ofSeconds(5);

	private static final ExecutorService worker = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "fuzzed-parse");
		thread.setDaemon(true);
		return thread;
	});

	@BeforeAll
	static void warmUpParser() throws Exception {
		worker.submit(() -> MigrationParser
			.parse(new MigrationResource("shop", "0001_initial", "fuzz/warm-up", "dependencies: []\noperations: []\n"))
			.mutateState(ProjectState.empty())).get();
	}

	@FuzzTest(maxDuration = "20s")
	void parsingAnyFileRaisesOnlyTypedErrorsAndNeverHangs(byte[] input) throws Exception {
		String name = "0001_initial";
		String content = new String(input, StandardCharsets.UTF_8);
		Future<?> parse = worker.submit(() -> {
			try {
				Migration migration = MigrationParser.parse(new MigrationResource("shop", name, "fuzz/" + name, content));
				migration.mutateState(ProjectState.empty());
			}
			catch (MigrationException expected) {
				// a typed error naming the file is the right answer to bad input
			}
		});
		try {
			parse.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			parse.cancel(true);
			throw new AssertionError("Parsing took longer than " + PER_INPUT + " for:\n" + content);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("Untyped " + ex.getCause() + " for:\n" + content, ex.getCause());
		}
	}

	@AfterAll
	static void stopWorker() {
		worker.shutdownNow();
	}

}
