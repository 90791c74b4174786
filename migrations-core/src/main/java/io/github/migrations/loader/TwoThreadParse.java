package io.github.migrations.loader;

import java.util.List;

import io.github.migrations.migration.Migration;
import org.jspecify.annotations.Nullable;

/**
 * Parses a list of migration files on two threads: the calling thread parses the first half,
 * a thread of its own the second, each in order and each stopping at its first failure. What
 * the caller then sees, walking the results in order, is exactly what parsing them one after
 * the other gives: the migrations, or the failure of the first file that fails (a later file's
 * failure is never reached before it).
 * <p>
 * {@code migrate} uses it when it has to parse every file before applying anything (a plan's
 * later broken file must fail with nothing applied): on two or more processors the parse then
 * takes about half its time. With one processor, or few files, everything is parsed on the
 * calling thread.
 */
final class TwoThreadParse {

	/** Below this many files a second thread is not worth starting. */
	static final int MIN_FILES = 64;

	/** The migrations parsed, by position; {@code null} past a failure. */
	private final @Nullable Migration[] parsed;

	/** The failure of each half's first failing file, by position; {@code null} elsewhere. */
	private final @Nullable Throwable[] failures;

	/** Whether the migrations get their files' checksums. */
	private final boolean checksums;

	private TwoThreadParse(int size, boolean checksums) {
		this.parsed = new Migration[size];
		this.failures = new Throwable[size];
		this.checksums = checksums;
	}

	/**
	 * Parse the files.
	 * @param resources the files, in the order they are loaded
	 * @param twoThreads whether a second thread may be used
	 * @param checksums whether to compute the files' checksums (see
	 * {@link MigrationParser#parse(MigrationResource, boolean)})
	 * @return the results, read in order with {@link #get(int)}
	 */
	static TwoThreadParse parse(List<MigrationResource> resources, boolean twoThreads, boolean checksums) {
		int size = resources.size();
		TwoThreadParse parse = new TwoThreadParse(size, checksums);
		if (!twoThreads || size < MIN_FILES || Runtime.getRuntime().availableProcessors() < 2) {
			parse.range(resources, 0, size);
			return parse;
		}
		int middle = size / 2;
		Thread second = new Thread(() -> parse.range(resources, middle, size), "migrations-parse");
		second.setDaemon(true);
		second.start();
		try {
			parse.range(resources, 0, middle);
		}
		finally {
			join(second);
		}
		return parse;
	}

	private static void join(Thread thread) {
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Parse the files of a range in order, stopping at the first failure (kept in its place).
	 */
	private void range(List<MigrationResource> resources, int from, int to) {
		for (int i = from; i < to; i++) {
			try {
				this.parsed[i] = MigrationParser.parse(resources.get(i), this.checksums);
			}
			catch (RuntimeException | Error ex) {
				this.failures[i] = ex;
				return;
			}
		}
	}

	/**
	 * Return the migration of a file, or throw what parsing it threw. Read in order, the first
	 * failure is thrown before any position that was not parsed is reached.
	 * @param index the file's position
	 * @return the migration
	 */
	Migration get(int index) {
		Throwable failure = this.failures[index];
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		Migration migration = this.parsed[index];
		if (migration == null) {
			throw new IllegalStateException("File " + index + " was not parsed");
		}
		return migration;
	}

}
