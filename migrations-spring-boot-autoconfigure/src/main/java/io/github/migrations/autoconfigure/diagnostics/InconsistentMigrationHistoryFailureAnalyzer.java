package io.github.migrations.autoconfigure.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.InconsistentMigrationHistoryException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes an {@link InconsistentMigrationHistoryException}: the history table records a
 * migration as applied while one of its dependencies is not. Every command refuses to run on
 * such a history (as Django's do), so the way out is an edit of the history table, which the
 * action spells out for the migrations the message names.
 *
 * @author Migrations contributors
 */
class InconsistentMigrationHistoryFailureAnalyzer
		extends AbstractFailureAnalyzer<InconsistentMigrationHistoryException> {

	private static final Pattern MIGRATIONS = Pattern
		.compile("Migration ([^.\\s]+)\\.(\\S+) is applied before its dependency ([^.\\s]+)\\.(\\S+) on");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InconsistentMigrationHistoryException cause) {
		Matcher matcher = MIGRATIONS.matcher(cause.getMessage());
		boolean named = matcher.find();
		String dependentApp = named ? matcher.group(1) : "<app>";
		String dependent = named ? matcher.group(2) : "<migration>";
		String app = named ? matcher.group(3) : "<app>";
		String dependency = named ? matcher.group(4) : "<dependency>";
		return new FailureAnalysis(
				FailureDescriptions.describe("Migrations were not applied because the migration history is inconsistent",
						cause.getMessage()),
				"""
						Compare the history with the files: run 'showmigrations' (from the build: \
						./mvnw migrations:showmigrations; from the packaged application: \
						--migrations.command=showmigrations). This happens when a migration was added \
						below one that is already applied (for example after a merge), or when rows of \
						the history table were edited by hand.
						No command runs on an inconsistent history (not even 'migrate --fake'), so fix \
						the history table ('migrations.table', default migrations_history) by hand. If \
						the changes of %3$s.%4$s are already in the database, record it: \
						INSERT INTO migrations_history (app, name, applied) VALUES ('%3$s', '%4$s', \
						CURRENT_TIMESTAMP). Otherwise undo the changes of %1$s.%2$s by hand and delete \
						its row: DELETE FROM migrations_history WHERE app = '%1$s' AND name = '%2$s'. \
						Then start again.""".formatted(dependentApp, dependent, app, dependency),
				cause);
	}

}
