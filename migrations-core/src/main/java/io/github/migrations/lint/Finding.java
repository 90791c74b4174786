package io.github.migrations.lint;

import io.github.migrations.migration.MigrationKey;

/**
 * One unsafe operation found by the {@link MigrationLinter}.
 *
 * @param rule the rule (its {@link Rule#code() code} is stable)
 * @param severity how bad it is on the database linted for
 * @param migration the migration holding the operation
 * @param operation the operation's position in the migration, from 1 (as in the file)
 * @param operationDescription the operation as makemigrations describes it, for example
 * {@code Add field sku to product}
 * @param message what happens on a live database, naming the table and column
 * @param safeWay how to make the same change safely
 * @param acknowledged whether the migration's file acknowledges this rule
 * ({@code acknowledged: [code]}), so the finding is reported but never fails a run
 * @param revert whether the finding is about unapplying the operation (a backwards plan), not
 * applying it
 * @since 0.1
 */
public record Finding(Rule rule, Severity severity, MigrationKey migration, int operation,
		String operationDescription, String message, String safeWay, boolean acknowledged, boolean revert) {

	/**
	 * Return the rule's stable code.
	 * @return the code, for example {@code adding-required-field}
	 */
	public String code() {
		return this.rule.code();
	}

	/**
	 * Return whether this finding stops a run that fails on unsafe operations: an error that the
	 * migration does not acknowledge.
	 * @return {@code true} when it blocks
	 */
	public boolean blocking() {
		return this.severity == Severity.ERROR && !this.acknowledged;
	}

	/**
	 * Return this finding as one line of command output:
	 * {@code [code] message Safe way: ...}, prefixed with its state.
	 * @return the line
	 */
	public String describe() {
		String state = this.acknowledged ? "acknowledged" : this.severity.name().toLowerCase(java.util.Locale.ROOT);
		return "[" + code() + "] (" + state + ") " + this.message + " Safe way: " + this.safeWay;
	}

}
