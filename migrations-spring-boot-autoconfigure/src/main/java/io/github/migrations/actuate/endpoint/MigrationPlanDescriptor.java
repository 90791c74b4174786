package io.github.migrations.actuate.endpoint;

import java.util.List;
import java.util.Locale;

import io.github.migrations.MigrationPlan;
import io.github.migrations.lint.Finding;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * Description of the plan that takes an app to a target, as the {@link MigrationsEndpoint}
 * returns it for review. Send its {@code token} to run exactly this plan.
 *
 * @param bean the name of the {@code Migrations} bean (one per migrated DataSource)
 * @param app the app label
 * @param target the migration the app is taken to, or {@code zero}
 * @param direction {@code forwards} or {@code backwards}, or {@code null} when there is nothing
 * to do
 * @param irreversible whether the plan cannot run because a migration it unapplies cannot be
 * reversed
 * @param destructive whether a step drops a table or a column, or runs unchecked code
 * @param token the plan token
 * @param steps the steps in the order they run
 * @author Migrations contributors
 * @since 0.1
 */
public record MigrationPlanDescriptor(String bean, String app, String target, @Nullable String direction,
		boolean irreversible, boolean destructive, String token, List<StepDescriptor> steps)
		implements OperationResponseBody {

	MigrationPlanDescriptor(String bean, MigrationPlan plan) {
		this(bean, plan.app(), plan.target(), direction(plan), plan.irreversible(), plan.destructive(), plan.token(),
				StepDescriptor.of(plan));
	}

	private static @Nullable String direction(MigrationPlan plan) {
		if (plan.steps().isEmpty()) {
			return null;
		}
		return plan.backwards() ? StepDescriptor.BACKWARDS : StepDescriptor.FORWARDS;
	}

	/**
	 * Description of one step of a plan.
	 *
	 * @param app the app label of the migration
	 * @param name the migration name
	 * @param direction {@code forwards} (apply) or {@code backwards} (unapply)
	 * @param checksum the checksum of the migration file
	 * @param atomic whether the step runs in one transaction
	 * @param irreversible whether the migration cannot be unapplied
	 * @param destructive whether the step drops a table or a column, or runs unchecked code
	 * @param operations the operations in the order they run
	 * @param sql the statements the executor runs, in order
	 * @param findings the operations of a step (applied, or undone by a backwards step) that lock a
	 * live table or break running instances on this database (see docs/lint.md); empty with
	 * {@code migrations.lint=ignore}
	 */
	public record StepDescriptor(String app, String name, String direction, @Nullable String checksum, boolean atomic,
			boolean irreversible, boolean destructive, List<String> operations, List<String> sql,
			List<FindingDescriptor> findings) {

		static final String FORWARDS = "forwards";

		static final String BACKWARDS = "backwards";

		static List<StepDescriptor> of(MigrationPlan plan) {
			return plan.steps()
				.stream()
				.map((step) -> new StepDescriptor(step.migration().app(), step.migration().name(),
						step.backwards() ? BACKWARDS : FORWARDS, step.checksum(), step.atomic(), step.irreversible(),
						step.destructive(), step.operations(), step.sql(),
						step.findings().stream().map(FindingDescriptor::new).toList()))
				.toList();
		}

	}

	/**
	 * Description of one unsafe operation of a step.
	 *
	 * @param rule the rule's stable code, for example {@code adding-required-field}
	 * @param severity {@code error} or {@code warning}
	 * @param operation the operation's position in the migration file, from 1
	 * @param description the operation, for example {@code Add field sku to product}
	 * @param message what happens on a live database
	 * @param fix how to make the same change safely
	 * @param acknowledged whether the migration's file acknowledges the rule, so that the finding
	 * never fails a run
	 */
	public record FindingDescriptor(String rule, String severity, int operation, String description, String message,
			String fix, boolean acknowledged) {

		FindingDescriptor(Finding finding) {
			this(finding.code(), finding.severity().name().toLowerCase(Locale.ROOT), finding.operation(),
					finding.operationDescription(), finding.message(), finding.safeWay(), finding.acknowledged());
		}

	}

}
