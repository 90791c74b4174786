package io.github.migrations.autoconfigure.diagnostics;

import io.github.migrations.autoconfigure.UnmigratedModelChangesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Analyzes an {@link UnmigratedModelChangesException}: with
 * {@code migrations.unmigrated-changes=fail}, models have changes that no migration reflects.
 *
 * @author Migrations contributors
 */
class UnmigratedModelChangesFailureAnalyzer extends AbstractFailureAnalyzer<UnmigratedModelChangesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnmigratedModelChangesException cause) {
		String apps = String.join(" ", cause.getApps().stream().sorted().toList());
		return new FailureAnalysis(cause.getMessage(), """
				Make the missing migrations and commit them with the model changes: \
				'./mvnw migrations:makemigrations -Dargs="%s"' (add --dry-run to see them first). \
				To start anyway, set 'migrations.unmigrated-changes' to 'warn' or 'ignore'.""".formatted(apps), cause);
	}

}
