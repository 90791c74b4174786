package io.github.migrations.autoconfigure.diagnostics;

import io.github.migrations.ConflictingMigrationsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes a {@link ConflictingMigrationsException}: an app has several leaf migrations, made in
 * parallel on two branches.
 *
 * @author Migrations contributors
 */
class ConflictingMigrationsFailureAnalyzer extends AbstractFailureAnalyzer<ConflictingMigrationsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConflictingMigrationsException cause) {
		return new FailureAnalysis(
				FailureDescriptions.describe("Migrations were not applied because of conflicting migrations",
						cause.getMessage()),
				"""
						Two migrations of the same app were made in parallel (usually on two branches \
						that were then merged), so the app has two latest migrations. Run \
						'./mvnw migrations:makemigrations -Dargs=--merge' to add a merge migration that \
						depends on both, commit it, and start again.""",
				cause);
	}

}
