package io.github.migrations.actuate.endpoint;

import java.util.Locale;

import io.github.migrations.ChecksumMismatchException;
import io.github.migrations.CommandException;
import io.github.migrations.ConflictingMigrationsException;
import io.github.migrations.HalfAppliedMigrationException;
import io.github.migrations.InconsistentMigrationHistoryException;
import io.github.migrations.IrreversibleOperationException;
import io.github.migrations.LockTimeoutException;
import io.github.migrations.MigrationException;
import io.github.migrations.NodeNotFoundException;
import io.github.migrations.StalePlanException;
import io.github.migrations.UnknownAppException;
import io.github.migrations.UnsafeMigrationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.Assert;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link MigrationsEndpoint} that
 * answers each refusal with its own HTTP status and a {@link RefusalDescriptor} body:
 * <table>
 * <caption>Refusals</caption>
 * <tr><th>Status</th><th>When</th></tr>
 * <tr><td>400</td><td>no token, or a blank one; the target prefix matches several migrations;
 * several {@code Migrations} beans and none named</td></tr>
 * <tr><td>403</td><td>the migrate operation is disabled ({@code migrations.endpoint.migrate.enabled})</td></tr>
 * <tr><td>404</td><td>unknown app, target or bean</td></tr>
 * <tr><td>409</td><td>the plan's token is stale (the body holds the current plan); the history or
 * the files do not allow migrating (changed applied file, inconsistent history, conflicting
 * leaves, a half-applied migration)</td></tr>
 * <tr><td>422</td><td>the plan unapplies an irreversible migration; with {@code migrations.lint=fail},
 * a step has an unsafe operation its migration does not acknowledge (the body holds the plan)</td></tr>
 * <tr><td>423</td><td>another process held the migration lock past the timeout</td></tr>
 * <tr><td>500</td><td>a migration failed while running</td></tr>
 * </table>
 * Without unrestricted access Spring Boot does not map the write operation at all, so a
 * {@code POST} gets 405.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

	private static final int FORBIDDEN = 403;

	private static final int CONFLICT = 409;

	private static final int UNPROCESSABLE_CONTENT = 422;

	private static final int LOCKED = 423;

	private final MigrationsEndpoint delegate;

	/**
	 * Create a new {@link MigrationsEndpointWebExtension} instance.
	 * @param delegate the endpoint
	 */
	public MigrationsEndpointWebExtension(MigrationsEndpoint delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	/**
	 * Return the plan that takes an app to a target, or the refusal.
	 * @param app the app label
	 * @param target a migration name, a unique prefix of one, or {@code zero}
	 * @param bean the name of the {@code Migrations} bean, needed only when there are several
	 * @return the plan (200) or the refusal
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> plan(@Selector String app, @Selector String target,
			@Nullable String bean) {
		try {
			return new WebEndpointResponse<>(this.delegate.plan(app, target, bean));
		}
		catch (MigrationException | MigrationsEndpointException ex) {
			return refusal(ex, null);
		}
	}

	/**
	 * Run the plan that takes an app to a target if {@code token} is its token, or refuse.
	 * @param securityContext the caller
	 * @param app the app label
	 * @param target a migration name, a unique prefix of one, or {@code zero}
	 * @param token the token of the reviewed plan; without one the request is refused (400,
	 * {@code missing-token})
	 * @param bean the name of the {@code Migrations} bean, needed only when there are several
	 * @return the steps that ran (200) or the refusal
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> migrate(SecurityContext securityContext, @Selector String app,
			@Selector String target, @Nullable String token, @Nullable String bean) {
		try {
			return new WebEndpointResponse<>(this.delegate.migrate(securityContext, app, target, token, bean));
		}
		catch (StalePlanException ex) {
			return refusal(ex, new MigrationPlanDescriptor(this.delegate.migrations(bean).getKey(), ex.currentPlan()));
		}
		catch (IrreversibleOperationException | UnsafeMigrationException ex) {
			return refusal(ex, currentPlan(app, target, bean));
		}
		catch (MigrationException | MigrationsEndpointException ex) {
			return refusal(ex, null);
		}
	}

	private @Nullable MigrationPlanDescriptor currentPlan(String app, String target, @Nullable String bean) {
		try {
			return this.delegate.plan(app, target, bean);
		}
		catch (MigrationException | MigrationsEndpointException ex) {
			return null;
		}
	}

	private static WebEndpointResponse<OperationResponseBody> refusal(RuntimeException ex,
			@Nullable MigrationPlanDescriptor plan) {
		return new WebEndpointResponse<>(new RefusalDescriptor(error(ex), String.valueOf(ex.getMessage()), plan),
				status(ex));
	}

	/**
	 * Return the HTTP status for a refusal.
	 */
	static int status(RuntimeException ex) {
		if (ex instanceof MigrationsEndpointException refused) {
			return switch (refused.getReason()) {
				case MIGRATE_DISABLED -> FORBIDDEN;
				case MISSING_TOKEN -> WebEndpointResponse.STATUS_BAD_REQUEST;
				case UNKNOWN_BEAN -> WebEndpointResponse.STATUS_NOT_FOUND;
				case AMBIGUOUS_BEAN -> WebEndpointResponse.STATUS_BAD_REQUEST;
			};
		}
		if (ex instanceof UnknownAppException || ex instanceof NodeNotFoundException) {
			return WebEndpointResponse.STATUS_NOT_FOUND;
		}
		if (ex instanceof CommandException) {
			return WebEndpointResponse.STATUS_BAD_REQUEST;
		}
		if (ex instanceof IrreversibleOperationException || ex instanceof UnsafeMigrationException) {
			return UNPROCESSABLE_CONTENT;
		}
		if (ex instanceof LockTimeoutException) {
			return LOCKED;
		}
		if (ex instanceof StalePlanException || ex instanceof ChecksumMismatchException
				|| ex instanceof InconsistentMigrationHistoryException || ex instanceof ConflictingMigrationsException
				|| ex instanceof HalfAppliedMigrationException) {
			return CONFLICT;
		}
		return WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
	}

	/**
	 * Return the error code of a refusal: the reason, {@code unknown-target},
	 * {@code invalid-request}, or the engine's exception name in kebab case (for example
	 * {@code stale-plan} for {@code StalePlanException}).
	 */
	static String error(RuntimeException ex) {
		if (ex instanceof MigrationsEndpointException refused) {
			return refused.getReason().name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		if (ex instanceof NodeNotFoundException) {
			return "unknown-target";
		}
		if (ex.getClass() == CommandException.class) {
			return "invalid-request";
		}
		String name = ex.getClass().getSimpleName().replaceFirst("Exception$", "");
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Why the endpoint refused a request.
	 *
	 * @param error the error code, such as {@code stale-plan} or {@code migrate-disabled}
	 * @param message what went wrong and what to do
	 * @param plan the current plan, when it helps (a stale token, an irreversible plan)
	 */
	public record RefusalDescriptor(String error, String message,
			@Nullable MigrationPlanDescriptor plan) implements OperationResponseBody {

	}

}
