package io.github.migrations.autoconfigure;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import io.github.migrations.Preinitialization;
import io.github.migrations.loader.FileHeaders;
import io.github.migrations.loader.MigrationResource;
import io.github.migrations.loader.MigrationSource;
import io.github.migrations.loader.ReadAhead;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MigrationSource} whose files' headers are read on a thread of their own from the
 * moment the application context starts being refreshed (see
 * {@link MigrationFilesReadAheadPostProcessor}), so that the restart that applies nothing finds
 * them read: the first {@link #headers()} hands over that read (or what it threw), every later
 * call and every {@link #list()} reads the files afresh.
 *
 * @author Migrations contributors
 */
final class ReadAheadMigrationSource implements MigrationSource {

	private final MigrationSource source;

	private final String location;

	private final AtomicReference<@Nullable ReadAhead<FileHeaders>> readAhead = new AtomicReference<>();

	ReadAheadMigrationSource(MigrationSource source, String location) {
		this.source = source;
		this.location = location;
	}

	/**
	 * Start reading the files' headers on a thread of their own, which then loads the classes
	 * of the restart that applies nothing (see {@link Preinitialization#restart()}).
	 */
	void start() {
		this.readAhead.set(ReadAhead.start("migrations-files-read-ahead", new ReadAndPreinitialize(this.source)));
	}

	/**
	 * Read the files' headers, then load the classes of a restart that applies nothing: a class,
	 * not a lambda, since it is created on the thread that starts the context (a lambda is a
	 * class spun there on its first call).
	 *
	 * @param source the files
	 */
	private record ReadAndPreinitialize(MigrationSource source) implements Callable<FileHeaders> {

		@Override
		public FileHeaders call() {
			FileHeaders headers = FileHeaders.read(this.source);
			Preinitialization.restart();
			return headers;
		}

	}

	/**
	 * Stop reading when the engine uses another source.
	 */
	void cancel() {
		ReadAhead<FileHeaders> started = this.readAhead.getAndSet(null);
		if (started != null) {
			started.cancel();
		}
	}

	/**
	 * Return the location the files are read from.
	 * @return the {@code migrations.location} this source was made for
	 */
	String location() {
		return this.location;
	}

	@Override
	public List<MigrationResource> list() {
		return this.source.list();
	}

	@Override
	public FileHeaders headers() {
		ReadAhead<FileHeaders> started = this.readAhead.getAndSet(null);
		return (started != null) ? started.get() : FileHeaders.read(this.source);
	}

	@Override
	public String toString() {
		return this.source.toString();
	}

}
