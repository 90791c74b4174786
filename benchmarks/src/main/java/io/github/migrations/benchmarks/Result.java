package io.github.migrations.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One measurement, as kept in the results file: what was measured and the raw samples.
 *
 * @param scenario for example {@code apply}, {@code startup}, {@code makemigrations}
 * @param database {@code h2}, {@code postgresql} or {@code none}
 * @param models the workload's model count
 * @param shape the workload's shape label
 * @param subject who or what was measured, for example {@code ours}, {@code flyway},
 * {@code floor}
 * @param samples the measured values: nanoseconds, or bytes for heap measurements
 * @param note free text shown in the report, or empty
 */
public record Result(String scenario, String database, int models, String shape, String subject, Samples samples,
		String note) {

	/**
	 * Return the identity of the measurement: everything but the samples and the note.
	 * @return the key
	 */
	public String key() {
		return String.join("\t", this.scenario, this.database, Integer.toString(this.models), this.shape,
				this.subject);
	}

	/**
	 * Return the result as one tab-separated line.
	 * @return the line
	 */
	public String toLine() {
		String values = this.samples.nanos().stream().map(String::valueOf).collect(Collectors.joining(","));
		return key() + "\t" + values + "\t" + this.note.replace('\t', ' ').replace('\n', ' ');
	}

	/**
	 * Parse a line written by {@link #toLine()}.
	 * @param line the line
	 * @return the result
	 */
	public static Result parse(String line) {
		String[] parts = line.split("\t", -1);
		if (parts.length != 7) {
			throw new IllegalArgumentException("Not a results line (7 tab-separated fields expected): " + line);
		}
		List<Long> values = Arrays.stream(parts[5].split(",")).map(Long::valueOf).toList();
		return new Result(parts[0], parts[1], Integer.parseInt(parts[2]), parts[3], parts[4], new Samples(values),
				parts[6]);
	}

}
