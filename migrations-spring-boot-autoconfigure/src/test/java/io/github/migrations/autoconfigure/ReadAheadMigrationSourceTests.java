package io.github.migrations.autoconfigure;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.migrations.loader.FileHeaders;
import io.github.migrations.loader.MigrationResource;
import io.github.migrations.loader.MigrationSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReadAheadMigrationSource}.
 *
 * @author Migrations contributors
 */
class ReadAheadMigrationSourceTests {

	private static final String CONTENT = "dependencies: []\noperations: []\n";

	@Test
	void theFirstHeadersAreTheFilesReadAheadAndLaterOnesAreReadAfresh() {
		AtomicInteger reads = new AtomicInteger();
		MigrationSource files = () -> {
			int read = reads.incrementAndGet();
			return List.of(new MigrationResource("shop", "0001_initial", "shop/0001_initial.yaml", "# read " + read + "\n" + CONTENT));
		};
		ReadAheadMigrationSource source = new ReadAheadMigrationSource(files, "classpath:db/migrations");
		source.start();
		FileHeaders first = source.headers();
		assertThat(reads).hasValue(1);
		assertThat(first.files()).singleElement().satisfies((entry) -> assertThat(entry.header()).isNotNull());
		FileHeaders second = source.headers();
		assertThat(reads).hasValue(2);
		assertThat(second.files().get(0).checksum()).isNotEqualTo(first.files().get(0).checksum());
		assertThat(source.list()).singleElement().satisfies((resource) -> assertThat(resource.content()).startsWith("# read 3"));
	}

	@Test
	void whatTheReadAheadThrewIsThrownByTheFirstHeaders() {
		AtomicInteger reads = new AtomicInteger();
		MigrationSource files = () -> {
			if (reads.incrementAndGet() == 1) {
				throw new UncheckedIOException("Cannot list migration files", new java.io.IOException("gone"));
			}
			return List.of();
		};
		ReadAheadMigrationSource source = new ReadAheadMigrationSource(files, "classpath:db/migrations");
		source.start();
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(source::headers)
			.withMessage("Cannot list migration files");
		assertThat(source.headers().files()).isEmpty();
	}

	@Test
	void withoutAReadAheadTheHeadersAreReadWhenAskedFor() {
		AtomicInteger reads = new AtomicInteger();
		MigrationSource files = () -> {
			reads.incrementAndGet();
			return List.of();
		};
		ReadAheadMigrationSource source = new ReadAheadMigrationSource(files, "classpath:db/migrations");
		source.start();
		source.cancel();
		int before = reads.get();
		assertThat(source.headers().files()).isEmpty();
		assertThat(reads).hasValue(before + 1);
	}

}
