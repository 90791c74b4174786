package io.github.migrations.autoconfigure.diagnostics;

import io.github.migrations.InconsistentMigrationHistoryException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes an {@link InconsistentMigrationHistoryException}: the history table records a
 * migration as applied while one of its dependencies is not.
 *
 * @author Migrations contributors
 */
class InconsistentMigrationHistoryFailureAnalyzer
		extends AbstractFailureAnalyzer<InconsistentMigrationHistoryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InconsistentMigrationHistoryException cause) {
		return new FailureAnalysis(
				FailureDescriptions.describe("Migrations were not applied because the migration history is inconsistent",
						cause.getMessage()),
				"""
						Compare the history with the files: run 'showmigrations' (from the build: \
						./mvnw migrations:showmigrations; from the packaged application: \
						--migrations.command=showmigrations). This happens when a migration was added \
						below one that is already applied (for example after a merge), or when rows of \
						the history table were edited by hand.
						If the dependency's changes are already in the database, record it without \
						running it: 'migrate <app> <migration> --fake'. Otherwise unapply the migration \
						that depends on it ('migrate <app> <earlier migration>'), then migrate again.""",
				cause);
	}

}
