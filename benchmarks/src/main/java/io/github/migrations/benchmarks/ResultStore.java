package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of every run so far, kept in a tab-separated file so that the benchmarks can run in
 * chunks (a size, a database, a scenario at a time) and the report always shows all of them. A
 * measurement replaces the earlier one with the same key; the file is written after each one.
 */
public final class ResultStore {

	private final Path file;

	private final Map<String, Result> results = new LinkedHashMap<>();

	private ResultStore(Path file) {
		this.file = file;
	}

	/**
	 * Open a results file, reading what it holds.
	 * @param file the file; need not exist
	 * @return the store
	 * @throws IOException on failure
	 */
	public static ResultStore open(Path file) throws IOException {
		ResultStore store = new ResultStore(file);
		if (Files.isRegularFile(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank() && !line.startsWith("#")) {
					Result result = Result.parse(line);
					store.results.put(result.key(), result);
				}
			}
		}
		return store;
	}

	/**
	 * Add a result, replacing one with the same key, and save the file.
	 * @param result the result
	 * @throws IOException on failure
	 */
	public void add(Result result) throws IOException {
		this.results.remove(result.key());
		this.results.put(result.key(), result);
		List<String> lines = new ArrayList<>();
		lines.add("# scenario\tdatabase\tmodels\tshape\tsubject\tsamples (ns or bytes)\tnote");
		this.results.values().forEach((each) -> lines.add(each.toLine()));
		Path parent = this.file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Files.write(this.file, lines, StandardCharsets.UTF_8);
	}

	/**
	 * Return every result, oldest first.
	 * @return the results
	 */
	public List<Result> all() {
		return List.copyOf(this.results.values());
	}

	/**
	 * Find one result.
	 * @param scenario the scenario
	 * @param database the database
	 * @param models the model count
	 * @param shape the shape label
	 * @param subject the subject
	 * @return the result, if measured
	 */
	public Optional<Result> find(String scenario, String database, int models, String shape, String subject) {
		return Optional.ofNullable(this.results
			.get(String.join("\t", scenario, database, Integer.toString(models), shape, subject)));
	}

}
