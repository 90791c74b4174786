package io.github.migrations.recorder;

import java.time.Instant;

import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * A migration whose applying or unapplying started outside a transaction and has not finished:
 * one row of the progress table kept by {@link ProgressRecorder}.
 *
 * @param key the migration
 * @param started when it started
 * @param owner the process that ran it ({@code pid N on host})
 * @param statement the number of the statement that was running (1-based); the statements
 * before it completed. {@code 0} when no statement had started
 * @param sql the text of that statement, or {@code null} when none had started
 * @param backwards whether the migration was being unapplied (the statements are those of its
 * backwards SQL), not applied
 * @since 0.1
 */
public record InterruptedMigration(MigrationKey key, Instant started, String owner, int statement,
		@Nullable String sql, boolean backwards) {
}
