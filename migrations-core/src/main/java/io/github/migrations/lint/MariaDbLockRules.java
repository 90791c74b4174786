package io.github.migrations.lint;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelState;

/**
 * MariaDB's (and MySQL's) lock rules. InnoDB builds indexes and adds columns online
 * ({@code ALGORITHM=INPLACE} or {@code INSTANT} with {@code LOCK=NONE}), so those are not
 * flagged; what it can only do by copying the table ({@code ALGORITHM=COPY}, writes blocked) or
 * with a shared lock is. Checked on MariaDB 10.11 with explicit {@code ALGORITHM} and
 * {@code LOCK} clauses; MySQL 8's online DDL table documents the same algorithms and locks for
 * these statements (instant or in-place columns and indexes, a copy for type changes, foreign
 * keys with {@code foreign_key_checks} on and checks), so MySQL shares the rules.
 */
final class MariaDbLockRules implements LockRules {

	/** The longest varchar (in characters, utf8mb4) whose length fits in one byte. */
	private static final int ONE_BYTE_LENGTH = 63;

	private final String product;

	/**
	 * Create the rules for MariaDB or MySQL, whose InnoDB changes tables the same ways.
	 * @param product the database named in findings
	 */
	MariaDbLockRules(String product) {
		this.product = product;
	}

	@Override
	public void addField(OperationContext context, ModelState model, String name, FieldState field) {
		String column = model.table() + "." + field.column(name);
		if (field.type().isAutoField()) {
			context.error(Rule.ADDING_FIELD_WITH_VOLATILE_DEFAULT, "Column " + column
					+ " is added with AUTO_INCREMENT: every existing row gets a new value, and " + this.product + " needs a shared lock (LOCK=SHARED) for it; writes wait.",
					"Add a nullable integer column, fill it in batches, then make it the auto-increment key in a quiet moment.");
		}
		if (ColumnFacts.hasForeignKey(field)) {
			foreignKey(context, column, ColumnFacts.targetTable(field, context.after()));
		}
	}

	@Override
	public void alterField(OperationContext context, FieldChange change) {
		String column = change.table() + "." + change.newColumn();
		if (change.kindChanged() && copies(change.oldKind(), change.newKind())) {
			context.error(Rule.CHANGING_COLUMN_TYPE, "Column " + column + " changes from " + change.oldKind().describe()
					+ " to " + change.newKind().describe()
					+ ": " + this.product + " copies the whole table to change it (ALGORITHM=COPY); writes wait until the copy ends.",
					"Add a column of the new type, write both from the application, copy the data in batches, switch reads, "
							+ "and drop the old column in a later release. A longer varchar is changed in place when both lengths are at most "
							+ ONE_BYTE_LENGTH + " or both above it.");
		}
		if (change.becomesNotNull()) {
			context.report(Rule.SETTING_NOT_NULL, Severity.WARNING, "Column " + column
					+ " becomes NOT NULL: " + this.product + " rebuilds the table to check it; reads and writes go on (LOCK=NONE), "
					+ "but the rebuild takes time, disk space and replication lag in proportion to the table.",
					"Run it when the table is quiet, or acknowledge it when the table is small.");
		}
		if (change.foreignKeyAdded()) {
			foreignKey(context, column, ColumnFacts.targetTable(change.newField(), context.after()));
		}
		if (change.checkAdded()) {
			check(context, change.table(), change.newColumn() + " >= 0");
		}
	}

	@Override
	public void addConstraint(OperationContext context, ModelState model, ConstraintState constraint) {
		if (constraint instanceof ConstraintState.Check check) {
			check(context, model.table(), check.check());
		}
	}

	private void check(OperationContext context, String table, String condition) {
		context.error(Rule.ADDING_CHECK_CONSTRAINT, "The check (" + condition + ") on " + table
				+ " is added to an existing table: " + this.product + " copies the whole table to check every row (ALGORITHM=COPY); writes wait.",
				"Check the rows yourself first and add the constraint when the table is quiet; "
						+ this.product + " has no NOT VALID form for checks.");
	}

	/**
	 * Return whether MariaDB copies the table to change a column's type: all changes do except
	 * a longer varchar that keeps its length in the same number of bytes.
	 */
	static boolean copies(ColumnKind from, ColumnKind to) {
		if (from.family() == ColumnKind.Family.STRING && to.family() == ColumnKind.Family.STRING) {
			boolean sameLengthBytes = (from.size() <= ONE_BYTE_LENGTH) == (to.size() <= ONE_BYTE_LENGTH);
			return !(to.size() >= from.size() && sameLengthBytes);
		}
		return !(from.family() == ColumnKind.Family.BINARY && to.family() == ColumnKind.Family.BINARY);
	}

	private void foreignKey(OperationContext context, String column, String target) {
		context.error(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, "The foreign key " + column + " -> " + target
				+ " is added to an existing table: with foreign_key_checks on, " + this.product + " copies the whole table to add it (ALGORITHM=COPY); writes wait.",
				"Check that every value has its target row, then add the key in a RunSql with SET foreign_key_checks = 0 "
						+ "before it and SET foreign_key_checks = 1 after it: " + this.product + " then adds it in place without a copy.");
	}

}
