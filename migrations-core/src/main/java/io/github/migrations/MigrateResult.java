package io.github.migrations;

import java.util.List;

import io.github.migrations.migration.MigrationKey;

/**
 * What a migrate run did.
 *
 * @param applied migrations applied (or faked) forwards, in order
 * @param unapplied migrations unapplied, in order
 * @since 0.1
 */
public record MigrateResult(List<MigrationKey> applied, List<MigrationKey> unapplied) {

	public MigrateResult {
		applied = List.copyOf(applied);
		unapplied = List.copyOf(unapplied);
	}

}
