package io.github.migrations.autoconfigure.diagnostics;

import io.github.migrations.LockTimeoutException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes a {@link LockTimeoutException}: another process held the migration lock for longer than
 * {@code migrations.lock-timeout}.
 *
 * @author Migrations contributors
 */
class LockTimeoutFailureAnalyzer extends AbstractFailureAnalyzer<LockTimeoutException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LockTimeoutException cause) {
		return new FailureAnalysis(
				FailureDescriptions.describe("Migrations were not applied because the migration lock was not acquired",
						cause.getMessage()),
				"""
						Another process (another instance of this application, or a migration job) is \
						migrating the same database. Wait for it to finish and start again, or raise \
						'migrations.lock-timeout' if migrations take long. When several instances start \
						together, consider migrating once before the rollout (command mode: \
						--migrations.command=migrate) and 'migrations.migrate-on-startup=false' on the \
						instances.""",
				cause);
	}

}
