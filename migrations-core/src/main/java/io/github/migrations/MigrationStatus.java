package io.github.migrations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One migration's state in the database.
 *
 * @param name the migration name
 * @param applied whether the history records it as applied
 * @param appliedAt when it was applied, or {@code null}
 * @param checksum the checksum of the file on disk, or {@code null} when the file is missing
 * @param checksumState how the file compares with the checksum recorded when it was applied, or
 * {@code null} when it is not applied
 * @since 0.1
 */
public record MigrationStatus(String name, boolean applied, @Nullable Instant appliedAt, @Nullable String checksum,
		@Nullable ChecksumState checksumState) {
}
