package io.github.migrations.loader;

import java.util.List;

/**
 * Where migration files come from: a folder {@code <root>/<app>/<NNNN>_<name>.yaml} per app, on
 * the classpath or on disk.
 * <p>
 * Implementations list every {@code .yaml} file one level below an app folder; names starting
 * with {@code _} or {@code ~} are ignored, as Django ignores such modules.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MigrationSource {

	/**
	 * Return every migration file, sorted by app then name.
	 * @return the files
	 */
	List<MigrationResource> list();

	/**
	 * Return every file's key, checksum and header, what {@code migrate} compares with the
	 * history before anything else ({@link FileHeaders#read(MigrationSource)} of this source).
	 * A source may override it to hand over files it started reading earlier, for example while
	 * the application was starting.
	 * @return the files' keys, checksums and headers
	 */
	default FileHeaders headers() {
		return FileHeaders.read(this);
	}

}
