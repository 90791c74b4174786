package io.github.migrations.lint;

import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;

/**
 * The rules that depend on how a database changes a live table: which statements take a lock
 * that blocks reads or writes while they scan, rewrite or copy it. Only called for tables that
 * existed before the run.
 */
interface LockRules {

	/** No lock rules: H2 and SQLite are embedded, with no other process waiting on a lock. */
	LockRules NONE = new LockRules() {
	};

	/**
	 * Return the rules of a database.
	 * @param vendor the database
	 * @return its rules
	 */
	static LockRules of(Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> new PostgreSqlLockRules();
			case MARIADB, MYSQL -> new MariaDbLockRules(vendor.displayName());
			case H2, SQLITE -> NONE;
		};
	}

	default void addField(OperationContext context, ModelState model, String name, FieldState field) {
	}

	/**
	 * Check a foreign key or one-to-one field added by its safe form ({@code AddFieldNotValid}),
	 * on the database that runs it as such; elsewhere the linter checks the plain {@code AddField}.
	 */
	default void addFieldNotValid(OperationContext context, ModelState model, String name, FieldState field) {
		addField(context, model, name, field);
	}

	default void alterField(OperationContext context, FieldChange change) {
	}

	default void addIndex(OperationContext context, ModelState model, IndexState index) {
	}

	default void addConstraint(OperationContext context, ModelState model, ConstraintState constraint) {
	}

}
