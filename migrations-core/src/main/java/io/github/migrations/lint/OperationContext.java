package io.github.migrations.lint;

import java.util.List;
import java.util.Set;

import io.github.migrations.migration.MigrationKey;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ProjectState;

/**
 * What a rule knows about the operation it checks: where it is, whether it is the undoing of an
 * operation of a migration being unapplied, the states around it, the models whose tables are new (created by this migration or an earlier one of the same run, so
 * empty and unused by running code), and where findings go.
 */
final class OperationContext {

	private final Vendor vendor;

	private final MigrationKey migration;

	private final int operation;

	private final String description;

	private final boolean backwards;

	private final ProjectState before;

	private final ProjectState after;

	private final Set<ModelKey> created;

	private final Set<String> acknowledged;

	private final List<Finding> findings;

	OperationContext(Vendor vendor, MigrationKey migration, int operation, String description, boolean backwards,
			ProjectState before, ProjectState after, Set<ModelKey> created, Set<String> acknowledged,
			List<Finding> findings) {
		this.vendor = vendor;
		this.migration = migration;
		this.operation = operation;
		this.description = description;
		this.backwards = backwards;
		this.before = before;
		this.after = after;
		this.created = created;
		this.acknowledged = acknowledged;
		this.findings = findings;
	}

	Vendor vendor() {
		return this.vendor;
	}

	String app() {
		return this.migration.app();
	}

	/**
	 * Return whether the change checked is the undoing of an operation (a migration unapplied).
	 * @return {@code true} when reverting
	 */
	boolean backwards() {
		return this.backwards;
	}

	ProjectState before() {
		return this.before;
	}

	ProjectState after() {
		return this.after;
	}

	/**
	 * Return whether a model's table was created in this run, so no running code uses it and
	 * it holds no rows that a lock or a rewrite would make slow.
	 * @param modelName the model name (any case)
	 * @return {@code true} for a new table
	 */
	boolean isNew(String modelName) {
		return this.created.contains(new ModelKey(app(), modelName));
	}

	void report(Rule rule, Severity severity, String message, String safeWay) {
		this.findings.add(new Finding(rule, severity, this.migration, this.operation, this.description,
				this.backwards ? "Revert: " + message : message, safeWay, this.acknowledged.contains(rule.code()),
				this.backwards));
	}

	void error(Rule rule, String message, String safeWay) {
		report(rule, Severity.ERROR, message, safeWay);
	}

}
