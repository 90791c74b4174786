package io.github.migrations.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.benchmarks.Samples;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link EngineBenchmarks} through JMH (one fork, 2-second iterations) and returns its
 * iteration scores.
 */
public final class JmhRunner {

	private JmhRunner() {
	}

	/**
	 * Run the JMH benchmarks.
	 * @param models the number of models
	 * @param shape the workload shape label
	 * @param warmups warm-up iterations
	 * @param iterations measured iterations
	 * @return benchmark method name to its iteration scores, as nanoseconds per operation
	 * @throws RunnerException on failure
	 */
	public static Map<String, Samples> run(int models, String shape, int warmups, int iterations)
			throws RunnerException {
		Collection<RunResult> results = new Runner(new OptionsBuilder()
			.include(EngineBenchmarks.class.getName() + "\\.")
			.param("models", Integer.toString(models))
			.param("shape", shape)
			.forks(1)
			.warmupIterations(warmups)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(2))
			.jvmArgs("-Xmx1g")
			.verbosity(VerboseMode.SILENT)
			.build()).run();
		Map<String, Samples> samples = new LinkedHashMap<>();
		for (RunResult result : results) {
			String method = result.getParams().getBenchmark();
			method = method.substring(method.lastIndexOf('.') + 1);
			List<Long> nanos = new ArrayList<>();
			for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
				for (IterationResult iteration : benchmark.getIterationResults()) {
					nanos.add(Math.round(iteration.getPrimaryResult().getScore() * 1e6));
				}
			}
			samples.put(method, new Samples(nanos));
		}
		return samples;
	}

}
