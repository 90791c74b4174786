package io.github.migrations.executor;

import io.github.migrations.migration.MigrationKey;
import io.github.migrations.recorder.InterruptedMigration;
import io.github.migrations.recorder.ProgressRecorder;
import io.github.migrations.schema.Vendor;
import org.jspecify.annotations.Nullable;

/**
 * The messages for a migration that was applied or unapplied outside a transaction and stopped
 * half-way: what is applied, and how to finish or undo it.
 */
final class HalfAppliedMessages {

	private HalfAppliedMessages() {
	}

	/**
	 * Describe a migration an earlier run left half-applied or half-unapplied.
	 * @param interrupted the progress row
	 * @param vendor the database
	 * @param progress the progress recorder, for the statement that forgets the run
	 * @param previous the target that unapplies only this migration (its parent in the app, or
	 * {@code zero}), for a migration that was being unapplied
	 * @return the message
	 */
	static String interrupted(InterruptedMigration interrupted, Vendor vendor, ProgressRecorder progress,
			String previous) {
		MigrationKey key = interrupted.key();
		int running = interrupted.statement();
		boolean backwards = interrupted.backwards();
		StringBuilder message = new StringBuilder();
		message.append("Migration ").append(key)
			.append(backwards ? " was interrupted while it was being UNAPPLIED: the unapplying was started at "
					: " was interrupted before it finished: it was started at ")
			.append(interrupted.started()).append(" by ").append(interrupted.owner()).append(" and ran outside a transaction (")
			.append(why(vendor))
			.append(backwards ? "), so it may be half-unapplied; it is still recorded as applied.\n"
					: "), so it may be half-applied; it is not recorded as applied.\n");
		String of = backwards ? " of its backwards SQL" : "";
		message.append((running == 1) ? "No statement" + of + " completed"
				: "Statements #1 to #" + (running - 1) + of + " completed")
			.append("; statement #").append(running)
			.append(" was running when the run stopped and may or may not have taken effect:\n    ")
			.append(interrupted.sql()).append('\n');
		message.append("Nothing more is migrated until this is resolved. Either\n");
		message.append(backwards ? waysBackwards(key, running, progress, previous) : ways(key, running, progress));
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

	/**
	 * Describe a migration outside a transaction whose backwards statement failed in this run.
	 * @param key the migration
	 * @param number the number of the backwards statement that failed
	 * @param vendor the database
	 * @param progress the progress recorder, or {@code null} when progress is not recorded
	 * @param previous the target that unapplies only this migration
	 * @return the message
	 */
	static String failedBackwards(MigrationKey key, int number, Vendor vendor, @Nullable ProgressRecorder progress,
			String previous) {
		if (number <= 1) {
			return "The migration was being unapplied outside a transaction (" + why(vendor)
					+ "), but it failed at its first backwards statement, so nothing of it was unapplied; it is still"
					+ " recorded as applied. Fix the cause and run migrate again.";
		}
		String outcome = "The migration was being unapplied outside a transaction (" + why(vendor) + "), so the "
				+ (number - 1) + " backwards statement(s) before it stay applied (that part of the migration is undone)"
				+ " and the migration is still recorded as applied.";
		if (progress == null) {
			return outcome + " Fix the cause, then finish unapplying or re-apply those statements by hand.";
		}
		return outcome + " Fix the cause, then either\n" + waysBackwards(key, number, progress, previous);
	}

	private static String waysBackwards(MigrationKey key, int statement, ProgressRecorder progress, String previous) {
		String app = key.app();
		String name = key.name();
		return "  - finish unapplying it: run its backwards statements from #" + statement + " on by hand ('sqlmigrate "
				+ app + " " + name + " --backwards' prints them in order), then record it unapplied with 'migrate " + app
				+ " " + previous + " --fake'; or\n" + "  - re-apply it: reverse by hand the backwards statements before #"
				+ statement + " (and #" + statement + " if it took effect; 'sqlmigrate " + app + " " + name
				+ "' prints the forwards SQL), then forget the interrupted run with\n      " + progress.forgetSql(key)
				+ "\n    and run migrate again.";
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
