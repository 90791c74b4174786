package io.github.migrations.autoconfigure.diagnostics;

import io.github.migrations.HalfAppliedMigrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes a {@link HalfAppliedMigrationException}: an earlier run stopped in the middle of
 * applying or unapplying a migration outside a transaction. The description keeps what completed and the
 * statement that was running; the action keeps the engine's two ways out, with the migration's
 * own commands and the statement that forgets the interrupted run.
 *
 * @author Migrations contributors
 */
class HalfAppliedMigrationFailureAnalyzer extends AbstractFailureAnalyzer<HalfAppliedMigrationException> {

	private static final String WAYS = "Nothing more is migrated until this is resolved. Either\n";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HalfAppliedMigrationException cause) {
		String message = cause.getMessage();
		int ways = message.indexOf(WAYS);
		String state = (ways < 0) ? message : message.substring(0, ways);
		String choices = (ways < 0) ? "" : message.substring(ways + WAYS.length());
		return new FailureAnalysis(
				"Migrations were not applied because a migration was left "
						+ (message.contains(" was being UNAPPLIED") ? "half-unapplied" : "half-applied") + ":\n\n    "
						+ state.strip().replace("\n", "\n    "),
				"""
						Resolve it by hand before starting again. The commands below run from the build \
						(./mvnw migrations:<command> -Dargs="<arguments>") or from the packaged \
						application (--migrations.command="<command> <arguments>"). Either
						""" + choices.stripTrailing(),
				cause);
	}

}
