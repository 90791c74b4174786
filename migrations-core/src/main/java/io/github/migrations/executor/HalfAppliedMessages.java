package io.github.migrations.executor;

import io.github.migrations.migration.MigrationKey;
import io.github.migrations.recorder.InterruptedMigration;
import io.github.migrations.recorder.ProgressRecorder;
import io.github.migrations.schema.Vendor;
import org.jspecify.annotations.Nullable;

/**
 * The messages for a migration that ran outside a transaction and stopped half-way: what is
 * applied, and how to finish or undo it.
 */
final class HalfAppliedMessages {

	private HalfAppliedMessages() {
	}

	/**
	 * Describe a migration an earlier run left half-applied.
	 * @param interrupted the progress row
	 * @param vendor the database
	 * @param progress the progress recorder, for the statement that forgets the run
	 * @return the message
	 */
	static String interrupted(InterruptedMigration interrupted, Vendor vendor, ProgressRecorder progress) {
		MigrationKey key = interrupted.key();
		int running = interrupted.statement();
		StringBuilder message = new StringBuilder();
		message.append("Migration ").append(key).append(" was interrupted before it finished: it was started at ")
			.append(interrupted.started()).append(" by ").append(interrupted.owner()).append(" and ran outside a transaction (")
			.append(why(vendor)).append("), so it may be half-applied; it is not recorded as applied.\n");
		message.append((running == 1) ? "No statement of it completed" : "Statements #1 to #" + (running - 1) + " completed")
			.append("; statement #").append(running)
			.append(" was running when the run stopped and may or may not have taken effect:\n    ")
			.append(interrupted.sql()).append('\n');
		message.append("Nothing more is migrated until this is resolved. Either\n");
		message.append(ways(key, running, progress));
		return message.toString();
	}

	/**
	 * Describe a migration outside a transaction whose statement failed in this run.
	 * @param key the migration
	 * @param number the number of the statement that failed
	 * @param vendor the database
	 * @param progress the progress recorder, or {@code null} when progress is not recorded
	 * @return the message
	 */
	static String failed(MigrationKey key, int number, Vendor vendor, @Nullable ProgressRecorder progress) {
		if (number <= 1) {
			return "The migration ran outside a transaction (" + why(vendor)
					+ "), but it failed at its first statement, so nothing of it was applied. Fix the cause and run migrate again.";
		}
		String outcome = "The migration ran outside a transaction (" + why(vendor) + "), so the " + (number - 1)
				+ " statement(s) before it stay applied and the migration is NOT recorded.";
		if (progress == null) {
			return outcome + " Fix the cause, undo or complete those statements by hand, then run migrate again.";
		}
		return outcome + " Fix the cause, then either\n" + ways(key, number, progress);
	}

	private static String ways(MigrationKey key, int statement, ProgressRecorder progress) {
		String app = key.app();
		String name = key.name();
		return "  - finish it: run its statements from #" + statement + " on by hand ('sqlmigrate " + app + " " + name
				+ "' prints them in order), then record it with 'migrate " + app + " " + name
				+ " --fake'; or\n" + "  - undo it: reverse by hand the statements before #" + statement
				+ " (and #" + statement + " if it took effect; 'sqlmigrate " + app + " " + name
				+ " --backwards' prints the reverse SQL), then forget the interrupted run with\n      "
				+ progress.forgetSql(key) + "\n    and run migrate again.";
	}

	private static String why(Vendor vendor) {
		return vendor.transactionalDdl() ? "it is marked atomic: false"
				: vendor.displayName() + " commits each DDL statement at once";
	}

}
