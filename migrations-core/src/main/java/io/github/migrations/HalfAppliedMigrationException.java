package io.github.migrations;

/**
 * Raised by {@code migrate} when an earlier run stopped in the middle of applying or unapplying a
 * migration that was not running in a transaction (any migration on MariaDB, MySQL and H2, which
 * commit each DDL statement at once; a migration with {@code atomic: false} elsewhere). The
 * message names the migration, the direction (an unapplying says the migration was being
 * UNAPPLIED and is still recorded as applied), how far it got, and the two ways out: finish it by
 * hand and record it with {@code --fake} ({@code migrate <app> <previous> --fake} for an
 * unapplying), or undo it by hand (re-apply what was unapplied) and forget the interrupted run.
 *
 * @since 0.1
 */
public class HalfAppliedMigrationException extends MigrationException {

	public HalfAppliedMigrationException(String message) {
		super(message, 1, null);
	}

}
