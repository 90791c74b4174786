package io.github.migrations.model;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The class files read from folders, parsed, kept by path for as long as their size and
 * modification time do not change: a JVM that reads the models again (a Maven daemon running
 * {@code makemigrations --check} at every build, an application asked for its unmigrated changes,
 * a test suite) then neither reads nor parses a class file that has not changed.
 * <p>
 * Nothing is kept in a JVM's first read: a fresh JVM (a build, the command mode) reads each file
 * once and would only pay for the extra look at its attributes. A file modified less than
 * {@link #SETTLED_NANOS} before it was read is not kept either, so that a file rewritten within
 * the file system's timestamp resolution, with the same size, is never mistaken for the one read
 * (as Git does for its index).
 */
final class ClassFileCache {

	/** How old a file must be when read to be kept: more than any file system's timestamp step. */
	static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(3);

	/** The most files kept; past it the cache starts again empty. */
	private static final int LIMIT = 50_000;

	private static final Map<Path, Entry> ENTRIES = new ConcurrentHashMap<>();

	private static volatile boolean used;

	private ClassFileCache() {
	}

	/**
	 * Start a read: the first of the JVM keeps nothing.
	 * @return whether this read looks files up in the cache and keeps them
	 */
	static boolean startRead() {
		boolean keep = used;
		used = true;
		return keep;
	}

	/**
	 * Return the parsed class file at a path, from the cache if the file is unchanged.
	 * @param path the class file
	 * @param keep whether to look it up and keep it (see {@link #startRead()})
	 * @return the class file
	 * @throws ClassFileFormatException when it is not a well-formed class file
	 */
	static ClassFile parse(Path path, boolean keep) {
		if (!keep) {
			return ClassFileParser.parse(read(path));
		}
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
		long size = attributes.size();
		long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
		Entry entry = ENTRIES.get(path);
		if (entry != null && entry.size() == size && entry.modified() == modified) {
			return entry.file();
		}
		long now = System.currentTimeMillis();
		ClassFile file = ClassFileParser.parse(read(path));
		if (TimeUnit.MILLISECONDS.toNanos(now) - modified > SETTLED_NANOS) {
			if (ENTRIES.size() >= LIMIT) {
				ENTRIES.clear();
			}
			ENTRIES.put(path, new Entry(size, modified, file));
		}
		else {
			ENTRIES.remove(path);
		}
		return file;
	}

	static byte[] read(Path path) {
		// java.io: in a fresh JVM a fifth of the cost of Files.readAllBytes for a thousand files
		try (InputStream in = new FileInputStream(path.toFile())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

	/** Forget everything (tests). */
	static void clear() {
		ENTRIES.clear();
		used = false;
	}

	/** Return how many files are kept (tests). */
	static int size() {
		return ENTRIES.size();
	}

	/**
	 * A class file as parsed, with the attributes its file had before it was read.
	 *
	 * @param size the file's size
	 * @param modified its modification time, in nanoseconds since the epoch
	 * @param file the parsed class file
	 */
	private record Entry(long size, long modified, ClassFile file) {
	}

}
