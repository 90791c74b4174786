package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Describes the machine the benchmarks ran on, for the report.
 */
public final class Machine {

	private Machine() {
	}

	/**
	 * Return a one-line description: CPU model, processors, memory, OS, JDK.
	 * @return the description
	 */
	public static String describe() {
		return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " processors (nproc), "
				+ memory() + " RAM; " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
	}

	private static String cpuModel() {
		return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
	}

	private static String memory() {
		return firstValue(Path.of("/proc/meminfo"), "MemTotal").map((kb) -> {
			long kilobytes = Long.parseLong(kb.replaceAll("[^0-9]", ""));
			return String.format(Locale.ROOT, "%.1f GiB", kilobytes / 1024.0 / 1024.0);
		}).orElse("unknown");
	}

	private static java.util.Optional<String> firstValue(Path file, String key) {
		try {
			List<String> lines = Files.readAllLines(file);
			return lines.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

}
