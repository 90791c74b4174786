package io.github.migrations.autoconfigure.diagnostics;

import io.github.migrations.IrreversibleOperationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes an {@link IrreversibleOperationException}: the startup target lies before a migration
 * that cannot be unapplied.
 *
 * @author Migrations contributors
 */
class IrreversibleOperationFailureAnalyzer extends AbstractFailureAnalyzer<IrreversibleOperationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IrreversibleOperationException cause) {
		return new FailureAnalysis(
				FailureDescriptions.describe("Migrations were not unapplied because an operation cannot be reversed",
						cause.getMessage()),
				"""
						Check 'migrations.target.app' and 'migrations.target.migration': the target lies \
						before a migration whose operations have no reverse. Choose a later target, or \
						remove the target to migrate forwards. To make the migration reversible, give \
						the operation its reverse (reverse_sql for RunSql, reverse_code for RunJava).""",
				cause);
	}

}
