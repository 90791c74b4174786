package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Collects the results as Markdown and writes them to a file and into the section of a document
 * between {@link #START} and {@link #END}.
 */
public final class Report {

	/** Marks the start of the generated section in a document. */
	public static final String START = "<!-- benchmark-results:start -->";

	/** Marks the end of the generated section in a document. */
	public static final String END = "<!-- benchmark-results:end -->";

	private final List<String> header = new ArrayList<>();

	private final List<String> rows = new ArrayList<>();

	private final List<String> details = new ArrayList<>();

	/**
	 * Add a line above the results table.
	 * @param line the Markdown line
	 */
	public void header(String line) {
		this.header.add(line);
	}

	/**
	 * Add a row to the results table.
	 * @param id the measurement's letter
	 * @param what what was measured
	 * @param engine the engine's time
	 * @param reference what it is compared with, or empty
	 * @param ratio the ratio, or empty
	 * @param target the target, or empty
	 * @param met whether the target was met, or {@code null} when there is none
	 */
	public void row(String id, String what, String engine, String reference, String ratio, String target,
			@Nullable Boolean met) {
		String verdict = (met == null) ? "" : met ? "met" : "**missed**";
		this.rows.add("| " + String.join(" | ", id, what, engine, reference, ratio, target, verdict) + " |");
	}

	/**
	 * Add a table of phases below the results.
	 * @param title the table's title
	 * @param phases the phases and their samples
	 */
	public void phases(String title, Map<String, Samples> phases) {
		this.details.add("");
		this.details.add(title);
		this.details.add("");
		this.details.add("| Phase | Median (min–max) |");
		this.details.add("|---|---|");
		phases.forEach((name, samples) -> this.details.add("| " + name + " | " + samples.describe() + " |"));
	}

	/**
	 * Add a line below the results.
	 * @param line the Markdown line
	 */
	public void detail(String line) {
		this.details.add(line);
	}

	/**
	 * Format a ratio.
	 * @param ratio the ratio
	 * @return for example {@code 1.04×}
	 */
	public static String ratio(double ratio) {
		return String.format(Locale.ROOT, "%.2f×", ratio);
	}

	/**
	 * Render the results.
	 * @return the Markdown
	 */
	public String render() {
		List<String> lines = new ArrayList<>(this.header);
		lines.add("");
		lines.add("| | Measurement | Engine (median, min–max) | Reference | Ratio | Target | Verdict |");
		lines.add("|---|---|---|---|---|---|---|");
		lines.addAll(this.rows);
		lines.addAll(this.details);
		return String.join("\n", lines) + "\n";
	}

	/**
	 * Write the results to a file.
	 * @param file the file
	 * @throws IOException on failure
	 */
	public void write(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, render(), StandardCharsets.UTF_8);
	}

	/**
	 * Replace the marked section of a document with the results.
	 * @param document the document, holding {@link #START} and {@link #END} on lines of their own
	 * @return whether the document was changed
	 * @throws IOException on failure
	 */
	public boolean replaceSection(Path document) throws IOException {
		if (!Files.isRegularFile(document)) {
			return false;
		}
		String text = Files.readString(document, StandardCharsets.UTF_8);
		int start = text.indexOf(START);
		int end = text.indexOf(END);
		if (start < 0 || end < start) {
			return false;
		}
		String updated = text.substring(0, start + START.length()) + "\n" + render() + text.substring(end);
		Files.writeString(document, updated, StandardCharsets.UTF_8);
		return true;
	}

}
