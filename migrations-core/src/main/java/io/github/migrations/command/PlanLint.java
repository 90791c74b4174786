package io.github.migrations.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.MigrationException;
import io.github.migrations.UnsafeMigrationException;
import io.github.migrations.executor.MigrationExecutor;
import io.github.migrations.executor.PlanStates;
import io.github.migrations.executor.PlanStep;
import io.github.migrations.lint.Finding;
import io.github.migrations.lint.LintMode;
import io.github.migrations.lint.MigrationLinter;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Lints the pending steps of a plan for the connected database, prints the findings under the
 * operations they are about, and refuses a run with unacknowledged errors when the lint mode is
 * {@code fail}. A backwards plan (unapplying) is linted for what undoing its operations does.
 */
final class PlanLint {

	private PlanLint() {
	}

	/**
	 * The findings of a plan, and the states built to lint it, which the executor runs the plan
	 * from instead of building them again.
	 * @param findings the findings in plan order
	 * @param statesBefore the states before the migrations of a forwards plan that its run starts
	 * from ({@link PlanStates#finish()}), the state before every step of a backwards plan; empty
	 * for an empty plan
	 */
	record Linted(List<Finding> findings, Map<MigrationKey, ProjectState> statesBefore) {
	}

	/**
	 * Lint the steps of a plan, forwards or backwards.
	 * @param connection the connection, whose database chooses the rules
	 * @param executor the executor that planned the steps
	 * @param plan the steps
	 * @param mode the lint mode; {@code ignore} gives no findings (the states are still built, so a
	 * migration that does not fit the state before it fails before anything is applied)
	 * @return the findings in plan order and the states
	 */
	static Linted lint(Connection connection, MigrationExecutor executor, List<PlanStep> plan, LintMode mode) {
		if (plan.isEmpty()) {
			return new Linted(List.of(), Map.of());
		}
		List<Migration> migrations = plan.stream().map(PlanStep::migration).toList();
		// The states are built in every mode: a migration that does not fit the state before it
		// fails here, before anything of the plan is applied.
		if (plan.get(0).backwards()) {
			Map<MigrationKey, ProjectState> states = executor.statesBefore(plan);
			return (mode == LintMode.IGNORE) ? new Linted(List.of(), states)
					: new Linted(new MigrationLinter(vendor(connection)).lintBackwards(migrations, states), states);
		}
		// a forwards plan's states are built one at a time as the linter asks for them, not held all at once
		PlanStates states = executor.planStates(plan);
		List<Finding> findings = (mode == LintMode.IGNORE) ? List.of()
				: new MigrationLinter(vendor(connection)).lint(migrations, states::before);
		return new Linted(findings, states.finish());
	}

	static Vendor vendor(Connection connection) {
		try {
			return Vendor.from(connection.getMetaData());
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database metadata: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the findings of one operation of a migration.
	 * @param findings the findings of the plan
	 * @param migration the migration
	 * @param operation the operation's position, from 1
	 * @return its findings
	 */
	static List<Finding> of(List<Finding> findings, MigrationKey migration, int operation) {
		return findings.stream()
			.filter((finding) -> finding.migration().equals(migration) && finding.operation() == operation)
			.toList();
	}

	/**
	 * Print findings as the lines under their operation:
	 * {@code ! code (error on PostgreSQL): message}, then {@code Safe way: ...}.
	 * @param out where to print
	 * @param findings the findings of one operation
	 * @param indent the indent of the {@code !} lines
	 * @param vendors the databases the findings hold on, or {@code null} to leave them out
	 */
	static void print(CommandOutput out, List<Finding> findings, String indent, @Nullable String vendors) {
		for (Finding finding : findings) {
			out.println(indent + "! " + finding.code() + " (" + state(finding)
					+ ((vendors != null) ? " on " + vendors : "") + "): " + finding.message());
			out.println(indent + "  Safe way: " + finding.safeWay());
		}
	}

	/**
	 * Return how a finding counts: {@code acknowledged}, {@code error} or {@code warning}.
	 * @param finding the finding
	 * @return the state
	 */
	static String state(Finding finding) {
		return finding.acknowledged() ? "acknowledged" : finding.severity().name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Refuse to run when the mode is {@code fail} and a finding is an unacknowledged error.
	 * @param findings the findings of the plan
	 * @param mode the lint mode
	 * @param vendor the database linted for
	 * @throws UnsafeMigrationException naming each blocking finding; nothing was applied
	 */
	static void refuseBlocking(List<Finding> findings, LintMode mode, Vendor vendor) {
		if (mode != LintMode.FAIL) {
			return;
		}
		List<Finding> blocking = findings.stream().filter(Finding::blocking).toList();
		if (blocking.isEmpty()) {
			return;
		}
		Map<MigrationKey, List<String>> codes = new LinkedHashMap<>();
		boolean revert = blocking.get(0).revert();
		StringBuilder message = new StringBuilder("Unsafe operations on a live " + vendor.displayName()
				+ " database that their migration does not acknowledge; nothing was " + (revert ? "unapplied" : "applied")
				+ " (migrations.lint=fail):");
		for (Finding finding : blocking) {
			message.append("\n  ")
				.append(finding.migration())
				.append(", operation ")
				.append(finding.operation())
				.append(" (")
				.append(finding.operationDescription())
				.append("): ")
				.append(finding.code())
				.append(": ")
				.append(finding.message())
				.append("\n    Safe way: ")
				.append(finding.safeWay());
			List<String> list = codes.computeIfAbsent(finding.migration(), (key) -> new ArrayList<>());
			if (!list.contains(finding.code())) {
				list.add(finding.code());
			}
		}
		if (revert) {
			// an applied migration's file cannot change (its checksum) to acknowledge its revert
			message.append("\nMake the change in a new migration, the safe way, instead of reverting; or, when the table "
					+ "is small or no running instance uses it, revert with migrations.lint=warn (migrate <app> <target> "
					+ "--lint=warn).");
			throw new UnsafeMigrationException(message.toString(), blocking);
		}
		message.append("\nMake the change the safe way; or, when the table is small or no running instance uses it, "
				+ "acknowledge the rule in the migration's file, before 'operations:' (");
		List<String> parts = new ArrayList<>();
		codes.forEach((key, list) -> parts.add(key + ": acknowledged: [" + String.join(", ", list) + "]"));
		message.append(String.join("; ", parts)).append("); or run with migrations.lint=warn (migrate --lint=warn).");
		throw new UnsafeMigrationException(message.toString(), blocking);
	}

}
