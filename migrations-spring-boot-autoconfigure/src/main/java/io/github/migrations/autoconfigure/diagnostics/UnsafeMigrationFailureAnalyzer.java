package io.github.migrations.autoconfigure.diagnostics;

import io.github.migrations.UnsafeMigrationException;
import io.github.migrations.lint.Finding;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes an {@link UnsafeMigrationException}: with {@code migrations.lint=fail}, a pending
 * migration locks a live table or breaks running instances and its file does not acknowledge
 * the rule; nothing was applied. When the refused plan is a revert
 * ({@code migrations.target.migration} before the applied ones), nothing was unapplied, and the
 * action does not suggest acknowledging: the applied file's checksum is recorded. The
 * description lists every finding with its safe way.
 *
 * @author Migrations contributors
 */
class UnsafeMigrationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeMigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeMigrationException cause) {
		String message = String.valueOf(cause.getMessage());
		int advice = message.lastIndexOf("\nMake the change");
		String findings = ((advice < 0) ? message : message.substring(0, advice)).replace("\n", "\n    ");
		if (cause.findings().stream().anyMatch(Finding::revert)) {
			return new FailureAnalysis(
					"Migrations were not unapplied because reverting to 'migrations.target.migration' is unsafe on a "
							+ "live database:\n\n    " + findings, """
							An applied migration's file cannot be edited to acknowledge the rule: its checksum is \
							recorded. Make the change in a new migration, the safe way, instead of reverting (see \
							docs/lint.md); or, when the table is small or no running instance uses it, revert with \
							the findings accepted: set 'migrations.lint' to 'warn' for this start (or run \
							'migrate <app> <target> --lint=warn').""", cause);
		}
		return new FailureAnalysis(
				"Migrations were not applied because a pending migration is unsafe on a live database:\n\n    "
						+ findings, """
						Make the change the safe way the description gives for each finding (see docs/lint.md). \
						When the table is small or no running instance uses it, acknowledge the rule in the \
						migration's file with 'acknowledged: [rule]' before 'operations:', or set \
						'migrations.lint' to 'warn' to apply it anyway.""", cause);
	}

}
