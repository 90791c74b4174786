package io.github.migrations.autoconfigure.diagnostics;

import io.github.migrations.ChecksumMismatchException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes a {@link ChecksumMismatchException}: a migration file changed after it was applied.
 *
 * @author Migrations contributors
 */
class ChecksumMismatchFailureAnalyzer extends AbstractFailureAnalyzer<ChecksumMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ChecksumMismatchException cause) {
		return new FailureAnalysis(
				FailureDescriptions.describe("Migrations were not applied because an applied migration file has changed",
						cause.getMessage()),
				"""
						Applied migrations must stay as they were applied: restore the file from version \
						control and put the change in a new migration (run 'makemigrations' after \
						changing the model, or 'makemigrations <app> --empty' for a hand-written one).
						If the change is deliberate and the database already matches it, set \
						'migrations.validate-checksums=false' to start anyway.""",
				cause);
	}

}
