package io.github.migrations;

import java.util.List;

import io.github.migrations.lint.Finding;

/**
 * Raised by {@code migrate} with lint mode {@code fail} when a pending migration has an
 * operation that locks a live table or breaks running instances, and its file does not
 * acknowledge the rule; nothing was applied. The message lists each finding with its safe way
 * and how to acknowledge it.
 *
 * @since 0.1
 */
public class UnsafeMigrationException extends MigrationException {

	private final List<Finding> findings;

	public UnsafeMigrationException(String message, List<Finding> findings) {
		super(message, 1, null);
		this.findings = List.copyOf(findings);
	}

	/**
	 * Return the findings that stopped the run (unacknowledged errors).
	 * @return the findings, in plan order
	 */
	public List<Finding> findings() {
		return this.findings;
	}

}
