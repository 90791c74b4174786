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
 * ({@link MigrationLoader#loadIfUnchanged(FileHeaders, java.util.Map)}).
 *
 * @param files the files, in the order of the source
 * @since 0.1
 */
public record FileHeaders(List<Entry> files) {

	public FileHeaders {
		files = List.copyOf(files);
	}

	/**
	 * Read every file of a source.
	 * @param source where the files come from
	 * @return the files' keys, checksums and headers
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
		return new FileHeaders(files);
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
