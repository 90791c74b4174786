package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * What a restart with nothing to do needs of each migration file: its key, its checksum and,
 * when it has the layout {@code makemigrations} writes, its header (see
 * {@link MigrationHeaders}). Reading them needs no database, so {@code migrate} starts it
 * ahead (see {@link ReadAhead}) and compares with the history once it has read it
 * ({@link MigrationLoader#loadIfUnchanged(FileHeaders, java.util.Map)}). The graph of the headers
 * is built there too when it does not depend on the history, so that a restart with nothing to
 * do only compares checksums on its own thread.
 *
 * @param files the files, in the order of the source
 * @param graph a loader of the headers with every file taken as applied, or {@code null} when
 * its graph depends on the history or was not built (see
 * {@link MigrationLoader#loadIfUnchanged(FileHeaders, java.util.Map)})
 * @since 0.1
 */
public record FileHeaders(List<Entry> files, @Nullable MigrationLoader graph) {

	public FileHeaders {
		files = List.copyOf(files);
	}

	/**
	 * Files whose graph is not built beforehand.
	 * @param files the files, in the order of the source
	 */
	public FileHeaders(List<Entry> files) {
		this(files, null);
	}

	/**
	 * Read every file of a source and build the graph of their headers when it does not depend
	 * on the history.
	 * @param source where the files come from
	 * @return the files' keys, checksums and headers, and their graph
	 * @throws io.github.migrations.BadMigrationException if a file is not UTF-8
	 */
	public static FileHeaders read(MigrationSource source) {
		List<Entry> files = new ArrayList<>();
		for (MigrationResource resource : source.list()) {
			String normalized = Checksums.normalize(resource.content());
			String checksum = Checksums.sha256OfNormalized(normalized);
			files.add(new Entry(new MigrationKey(resource.app(), resource.name()), checksum,
					MigrationHeaders.read(resource, normalized, checksum)));
		}
		return new FileHeaders(files, MigrationLoader.graphOfHeaders(files));
	}

	/**
	 * One file.
	 *
	 * @param key the migration it holds
	 * @param checksum its checksum (see {@link Checksums})
	 * @param header the migration without operations, or {@code null} when the file is laid
	 * out otherwise than {@code makemigrations} writes
	 */
	public record Entry(MigrationKey key, String checksum, @Nullable Migration header) {
	}

}
