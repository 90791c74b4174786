package io.github.migrations.recorder;

import java.time.Instant;

import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * One row of the history table: a migration recorded as applied.
 *
 * @param key the migration
 * @param appliedAt when it was applied
 * @param checksum the checksum of the migration file when it was applied, or {@code null} when
 * unknown (for example a replaced migration recorded with its squash)
 * @param executionMillis how long applying took in milliseconds, or {@code null} when unknown
 * @since 0.1
 */
public record AppliedMigration(MigrationKey key, Instant appliedAt, @Nullable String checksum,
		@Nullable Long executionMillis) {
}
