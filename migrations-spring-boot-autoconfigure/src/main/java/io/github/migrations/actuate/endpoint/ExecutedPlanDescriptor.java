package io.github.migrations.actuate.endpoint;

import java.util.List;

import io.github.migrations.MigrationPlan;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * Description of a plan the {@link MigrationsEndpoint} ran.
 *
 * @param bean the name of the {@code Migrations} bean
 * @param app the app label
 * @param target the migration the app was taken to, or {@code zero}
 * @param token the token of the plan that ran
 * @param executed the steps that ran, in order, with their SQL
 * @author Migrations contributors
 * @since 0.1
 */
public record ExecutedPlanDescriptor(String bean, String app, String target, String token,
		List<MigrationPlanDescriptor.StepDescriptor> executed) implements OperationResponseBody {

	ExecutedPlanDescriptor(String bean, MigrationPlan plan) {
		this(bean, plan.app(), plan.target(), plan.token(), MigrationPlanDescriptor.StepDescriptor.of(plan));
	}

}
