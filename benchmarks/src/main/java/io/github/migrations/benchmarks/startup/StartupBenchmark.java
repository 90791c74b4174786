package io.github.migrations.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.migrations.benchmarks.Case;
import io.github.migrations.benchmarks.Database.Place;
import io.github.migrations.benchmarks.Samples;
import io.github.migrations.benchmarks.Workload;
import io.github.migrations.testsupport.SimpleDataSource;

/**
 * Measurement (2): the time a migration tool adds to a Spring Boot application's start when
 * everything is applied. Each round starts one process per {@link StartupVariant} (the baseline
 * without a tool, ours, Flyway's, Liquibase's), each against its own schema that its first
 * process migrated, with the migrations on the class path where each tool looks by default (the
 * baseline's schema is migrated too, by our starter, so that it holds the same tables). The order
 * of the variants rotates from round to round ({@link #order(int)}), and every subject's samples
 * are kept in round order, so that the report can set each start against its own round's
 * baseline ({@link io.github.migrations.benchmarks.RoundDifference}).
 */
public final class StartupBenchmark {

	private static final Pattern LINE = Pattern
		.compile("STARTUP context=(\\d+) tool=(\\d+) uptime=(\\d+) cpu=(\\d+) main-cpu=(\\d+)");

	private StartupBenchmark() {
	}

	/**
	 * Run the measurement.
	 * @param bench the workload on one database
	 * @param classes the compiled models folder
	 * @param resources a resources folder holding {@code db/migration} and {@code db/changelog}
	 * (see {@link io.github.migrations.benchmarks.PeerFiles}); our migrations are copied into its
	 * {@code db/migrations}
	 * @param runs the processes per variant
	 * @return the results
	 * @throws Exception on failure
	 */
	public static Results run(Case bench, Path classes, Path resources, int runs) throws Exception {
		copy(bench.migrations(), resources.resolve("db/migrations"));
		Map<StartupVariant, Place> places = new EnumMap<>(StartupVariant.class);
		Map<StartupVariant, List<Long>> context = new EnumMap<>(StartupVariant.class);
		Map<StartupVariant, List<Long>> tool = new EnumMap<>(StartupVariant.class);
		Map<StartupVariant, List<Long>> cpu = new EnumMap<>(StartupVariant.class);
		Map<StartupVariant, List<Long>> mainCpu = new EnumMap<>(StartupVariant.class);
		Map<StartupVariant, Long> first = new EnumMap<>(StartupVariant.class);
		try {
			for (StartupVariant variant : StartupVariant.values()) {
				places.put(variant, bench.database().createShared());
				context.put(variant, new ArrayList<>());
				tool.put(variant, new ArrayList<>());
				cpu.put(variant, new ArrayList<>());
				mainCpu.put(variant, new ArrayList<>());
				if (variant != StartupVariant.BASELINE) {
					first.put(variant, start(variant, places.get(variant).dataSource(), classes, resources)[0]);
				}
				else {
					// the baseline's database holds the same tables: opening a database reads every table's
					// definition on H2, which is no tool's work
					start(StartupVariant.OURS_IGNORE_CHANGES, places.get(variant).dataSource(), classes, resources);
				}
			}
			for (int round = 0; round < runs; round++) {
				for (StartupVariant variant : order(round)) {
					long[] timings = start(variant, places.get(variant).dataSource(), classes, resources);
					context.get(variant).add(timings[0]);
					tool.get(variant).add(timings[1]);
					cpu.get(variant).add(timings[2]);
					mainCpu.get(variant).add(timings[3]);
				}
			}
		}
		finally {
			for (Place place : places.values()) {
				place.close();
			}
		}
		Map<String, Samples> contextSamples = new LinkedHashMap<>();
		Map<String, Samples> toolSamples = new LinkedHashMap<>();
		Map<String, Samples> firstSamples = new LinkedHashMap<>();
		Map<String, Samples> cpuSamples = new LinkedHashMap<>();
		Map<String, Samples> mainCpuSamples = new LinkedHashMap<>();
		for (StartupVariant variant : StartupVariant.values()) {
			contextSamples.put(variant.subject(), new Samples(context.get(variant)));
			cpuSamples.put(variant.subject(), new Samples(cpu.get(variant)));
			mainCpuSamples.put(variant.subject(), new Samples(mainCpu.get(variant)));
			if (variant != StartupVariant.BASELINE) {
				toolSamples.put(variant.subject(), new Samples(tool.get(variant)));
				firstSamples.put(variant.subject(), new Samples(List.of(first.get(variant))));
			}
		}
		return new Results(contextSamples, toolSamples, firstSamples, cpuSamples, mainCpuSamples);
	}

	/**
	 * Return the order of the variants in one round: the declared order, rotated by one place
	 * per round, so that no variant always starts first (after the harness's own work) or right
	 * after the same other variant.
	 * @param round the round, from {@code 0}
	 * @return every variant once
	 */
	public static List<StartupVariant> order(int round) {
		List<StartupVariant> variants = List.of(StartupVariant.values());
		List<StartupVariant> order = new ArrayList<>(variants);
		java.util.Collections.rotate(order, -(round % variants.size()));
		return order;
	}

	private static long[] start(StartupVariant variant, SimpleDataSource dataSource, Path classes, Path resources)
			throws IOException, InterruptedException {
		String classPath = variant.classPath(System.getProperty("java.class.path")) + java.io.File.pathSeparator
				+ classes + java.io.File.pathSeparator + resources;
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-cp", classPath, "-Dbench.tool-beans=" + String.join(",", variant.beans()),
				StartupApp.class.getName(), "--spring.datasource.url=" + dataSource.url(),
				"--spring.datasource.username=" + dataSource.user(), "--spring.datasource.password=" + dataSource.password(),
				"--migrations.model-packages=" + Workload.ROOT_PACKAGE,
				"--spring.liquibase.change-log=classpath:db/changelog/changelog.xml"));
		command.addAll(variant.arguments());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		int exit = process.waitFor();
		Matcher matcher = LINE.matcher(output);
		if (exit != 0 || !matcher.find()) {
			throw new IllegalStateException("Startup of " + variant + " failed (exit " + exit + "):\n"
					+ tail(output));
		}
		return new long[] { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
				Long.parseLong(matcher.group(4)), Long.parseLong(matcher.group(5)) };
	}

	private static String tail(String output) {
		return (output.length() > 6000) ? "…" + output.substring(output.length() - 6000) : output;
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/**
	 * The startup results, by subject ({@code baseline}, {@code ours}, {@code flyway},
	 * {@code liquibase}), each subject's samples in round order.
	 *
	 * @param context {@code SpringApplication.run} with everything applied (wall time)
	 * @param tool the tool's beans within it
	 * @param first the first start, which applied everything
	 * @param cpu the processor time of the whole process over the same interval as {@code context}
	 * @param mainCpu the processor time of the main thread over that interval
	 */
	public record Results(Map<String, Samples> context, Map<String, Samples> tool, Map<String, Samples> first,
			Map<String, Samples> cpu, Map<String, Samples> mainCpu) {
	}

}
