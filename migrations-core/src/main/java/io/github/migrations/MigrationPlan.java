package io.github.migrations;

import java.util.List;

import io.github.migrations.lint.Finding;
import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * The steps that take one app to a target, for review before they run: each migration with its
 * direction, its operations and the exact SQL the executor runs for it, whether it can be reversed
 * and whether it destroys data; and a token that identifies exactly this plan on this database
 * state. {@link Migrations#migrate(String, String, String)} runs a plan only when given its current
 * token.
 *
 * @param app the app label
 * @param target the migration the app is taken to (its full name), or {@code zero}
 * @param steps the steps in the order they run; empty when the app is already at the target
 * @param token the plan token: a hex SHA-256 over the app, the target, the steps (migration,
 * direction, file checksum, SQL) and every history row (migration, recorded checksum)
 * @since 0.1
 */
public record MigrationPlan(String app, String target, List<Step> steps, String token) {

	/** The target name that unapplies every migration of an app. */
	public static final String ZERO = "zero";

	public MigrationPlan {
		steps = List.copyOf(steps);
	}

	/**
	 * Return whether the plan unapplies migrations.
	 * @return {@code true} for a backwards plan
	 */
	public boolean backwards() {
		return !this.steps.isEmpty() && this.steps.get(0).backwards();
	}

	/**
	 * Return whether the plan cannot run because a migration it unapplies has an operation that
	 * cannot be reversed.
	 * @return {@code true} when a backwards step is irreversible
	 */
	public boolean irreversible() {
		return this.steps.stream().anyMatch((step) -> step.backwards() && step.irreversible());
	}

	/**
	 * Return whether a step of the plan drops a table or a column, or runs code whose effect
	 * cannot be checked.
	 * @return {@code true} when a step is destructive
	 */
	public boolean destructive() {
		return this.steps.stream().anyMatch(Step::destructive);
	}

	/**
	 * Return the findings of every step, in plan order.
	 * @return the findings
	 */
	public List<Finding> findings() {
		return this.steps.stream().flatMap((step) -> step.findings().stream()).toList();
	}

	/**
	 * One migration of a plan.
	 *
	 * @param migration the migration
	 * @param backwards {@code true} when it is unapplied
	 * @param checksum the checksum of its file
	 * @param operations the description of each operation, in the order they run (prefixed with
	 * {@code Undo} when backwards, as {@code migrate --plan} prints them)
	 * @param sql the statements the executor runs, in order; empty for a backwards step that is
	 * irreversible
	 * @param atomic whether the step runs in one transaction (the migration is atomic and the
	 * database rolls back DDL)
	 * @param irreversible whether the migration has an operation that cannot be reversed (a
	 * forwards step can then never be undone; a backwards step cannot run)
	 * @param destructive whether the step drops a table or a column, or runs raw SQL or Java code
	 * whose effect cannot be checked
	 * @param findings the operations of a forwards step that lock a live table or break running
	 * instances on the connected database (see {@code docs/lint.md}), acknowledged or not; empty
	 * for a backwards step or with lint mode {@code ignore}
	 */
	public record Step(MigrationKey migration, boolean backwards, @Nullable String checksum, List<String> operations,
			List<String> sql, boolean atomic, boolean irreversible, boolean destructive, List<Finding> findings) {

		public Step {
			operations = List.copyOf(operations);
			sql = List.copyOf(sql);
			findings = List.copyOf(findings);
		}

	}

}
