package io.github.migrations;

import java.util.List;

import io.github.migrations.lint.Finding;
import io.github.migrations.migration.MigrationKey;

/**
 * What a migrate run did.
 *
 * @param applied migrations applied (or faked) forwards, in order
 * @param unapplied migrations unapplied, in order
 * @param findings the operations applied or unapplied that lock a live table or break running instances
 * (see {@code docs/lint.md}), acknowledged or not; empty with lint mode {@code ignore}
 * @since 0.1
 */
public record MigrateResult(List<MigrationKey> applied, List<MigrationKey> unapplied, List<Finding> findings) {

	public MigrateResult {
		applied = List.copyOf(applied);
		unapplied = List.copyOf(unapplied);
		findings = List.copyOf(findings);
	}

	/**
	 * Create the result of a run that had no findings.
	 * @param applied migrations applied, in order
	 * @param unapplied migrations unapplied, in order
	 */
	public MigrateResult(List<MigrationKey> applied, List<MigrationKey> unapplied) {
		this(applied, unapplied, List.of());
	}

}
