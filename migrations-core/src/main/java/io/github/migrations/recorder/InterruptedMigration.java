package io.github.migrations.recorder;

import java.time.Instant;

import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * A migration that started outside a transaction and has not finished: one row of the progress
 * table kept by {@link ProgressRecorder}.
 *
 * @param key the migration
 * @param started when it started
 * @param owner the process that ran it ({@code pid N on host})
 * @param statement the number of the statement that was running (1-based); the statements
 * before it completed. {@code 0} when no statement had started
 * @param sql the text of that statement, or {@code null} when none had started
 * @since 0.1
 */
public record InterruptedMigration(MigrationKey key, Instant started, String owner, int statement,
		@Nullable String sql) {
}
