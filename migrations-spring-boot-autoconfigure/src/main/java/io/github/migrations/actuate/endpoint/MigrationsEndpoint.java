package io.github.migrations.actuate.endpoint;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.AppStatus;
import io.github.migrations.ChecksumState;
import io.github.migrations.CommandException;
import io.github.migrations.MigrationPlan;
import io.github.migrations.MigrationStatus;
import io.github.migrations.Migrations;
import io.github.migrations.command.ShowDrift;
import io.github.migrations.drift.Difference;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.ApplicationContext;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} for the {@link Migrations} beans of the application context and its
 * ancestors (one per migrated DataSource):
 * <ul>
 * <li>{@code GET /actuator/migrations}: each app's migrations, applied or pending, with their
 * checksum state; pending migrations, unmigrated model changes, the lock holder, and per app how
 * the database differs from the schema of the applied migrations (drift);</li>
 * <li>{@code GET /actuator/migrations/{app}/{target}}: the plan that takes an app to a target
 * (a migration name, a unique prefix of one, or {@code zero}), with the SQL of each step and a
 * token that identifies the plan;</li>
 * <li>{@code POST /actuator/migrations/{app}/{target}} with the plan's {@code token}: run that
 * plan. Only when the endpoint's access is {@code unrestricted} and
 * {@code migrations.endpoint.migrate.enabled} is {@code true}.</li>
 * </ul>
 * The app and the target are only looked up in the migration graph; the SQL that runs comes from
 * the migration files, never from the request.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	/** The property that enables the migrate operation. */
	public static final String MIGRATE_ENABLED_PROPERTY = "migrations.endpoint.migrate.enabled";

	private static final Log logger = LogFactory.getLog(MigrationsEndpoint.class);

	private final ApplicationContext context;

	private final boolean migrateEnabled;

	/**
	 * Create a new read-only {@link MigrationsEndpoint} instance.
	 * @param context the application context whose {@link Migrations} beans are reported
	 */
	public MigrationsEndpoint(ApplicationContext context) {
		this(context, false);
	}

	/**
	 * Create a new {@link MigrationsEndpoint} instance.
	 * @param context the application context whose {@link Migrations} beans are reported
	 * @param migrateEnabled whether the migrate operation may run plans
	 */
	public MigrationsEndpoint(ApplicationContext context, boolean migrateEnabled) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
		this.migrateEnabled = migrateEnabled;
	}

	/**
	 * Return the status of every {@link Migrations} bean, per context.
	 * @return the descriptor
	 */
	@ReadOperation
	public MigrationsBeansDescriptor migrationsBeans() {
		Map<String, ContextMigrationsBeansDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, MigrationsBeanDescriptor> migrationsBeans = new LinkedHashMap<>();
			target.getBeansOfType(Migrations.class).forEach((name, migrations) -> migrationsBeans.put(name, describe(migrations)));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextMigrationsBeansDescriptor(migrationsBeans, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new MigrationsBeansDescriptor(contexts);
	}

	/**
	 * Return the plan that takes an app to a target; nothing is changed.
	 * @param app the app label
	 * @param target a migration name, a unique prefix of one (such as {@code 0002}), or
	 * {@code zero}
	 * @param bean the name of the {@link Migrations} bean, needed only when there are several
	 * @return the plan
	 * @throws MigrationsEndpointException when the bean is unknown or ambiguous
	 * @throws io.github.migrations.MigrationException when the app or the target is unknown,
	 * or the history does not allow planning
	 */
	@ReadOperation
	public MigrationPlanDescriptor plan(@Selector String app, @Selector String target, @Nullable String bean) {
		Map.Entry<String, Migrations> migrations = migrations(bean);
		return new MigrationPlanDescriptor(migrations.getKey(), migrations.getValue().plan(app, target));
	}

	/**
	 * Run the plan that takes an app to a target, if {@code token} is still its token.
	 * @param securityContext the caller, named in the log
	 * @param app the app label
	 * @param target a migration name, a unique prefix of one, or {@code zero}
	 * @param token the token of the reviewed plan ({@code null} is refused with a
	 * {@link MigrationsEndpointException} rather than by the web layer, so the caller is told what to
	 * send)
	 * @param bean the name of the {@link Migrations} bean, needed only when there are several
	 * @return the steps that ran
	 * @throws MigrationsEndpointException when the operation is disabled, the token is missing or
	 * blank, or the bean is unknown or ambiguous
	 * @throws io.github.migrations.StalePlanException when the plan changed since it was
	 * reviewed; nothing ran
	 * @throws io.github.migrations.MigrationException when the app or the target is unknown, the
	 * plan is irreversible, the lock is held, or a migration fails
	 */
	@WriteOperation
	public ExecutedPlanDescriptor migrate(SecurityContext securityContext, @Selector String app,
			@Selector String target, @Nullable String token, @Nullable String bean) {
		if (!this.migrateEnabled) {
			throw new MigrationsEndpointException(MigrationsEndpointException.Reason.MIGRATE_DISABLED,
					"The migrate operation of the migrations endpoint is disabled. Set '" + MIGRATE_ENABLED_PROPERTY
							+ "=true' (and 'management.endpoint.migrations.access=unrestricted') to enable it.");
		}
		if (token == null || token.isBlank()) {
			throw new MigrationsEndpointException(MigrationsEndpointException.Reason.MISSING_TOKEN,
					"No token: send the token of the reviewed plan as {\"token\": \"...\"}; the plan and its token "
							+ "are returned by a GET of the same address. Nothing was run.");
		}
		Map.Entry<String, Migrations> migrations = migrations(bean);
		MigrationPlan ran = migrations.getValue().migrate(app, target, token);
		Principal principal = securityContext.getPrincipal();
		logger.info("Migrated " + ran.app() + " to " + ran.target() + " through the migrations endpoint for "
				+ ((principal != null) ? principal.getName() : "an anonymous caller") + ": "
				+ (ran.backwards() ? "unapplied " : "applied ")
				+ ran.steps().stream().map((step) -> step.migration().toString()).toList());
		return new ExecutedPlanDescriptor(migrations.getKey(), ran);
	}

	/**
	 * Return the {@link Migrations} bean a request names, or the only one.
	 * @param bean the bean name, or {@code null}
	 * @return the bean name and the bean
	 * @throws MigrationsEndpointException when it is unknown or ambiguous
	 */
	Map.Entry<String, Migrations> migrations(@Nullable String bean) {
		Map<String, Migrations> all = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			target.getBeansOfType(Migrations.class).forEach(all::putIfAbsent);
			target = target.getParent();
		}
		if (bean != null) {
			Migrations migrations = all.get(bean);
			if (migrations == null) {
				throw new MigrationsEndpointException(MigrationsEndpointException.Reason.UNKNOWN_BEAN,
						"No Migrations bean named '" + bean + "'. Migrations beans: " + String.join(", ", all.keySet())
								+ ".");
			}
			return Map.entry(bean, migrations);
		}
		if (all.size() != 1) {
			throw new MigrationsEndpointException(MigrationsEndpointException.Reason.AMBIGUOUS_BEAN,
					"There are " + all.size() + " Migrations beans (" + String.join(", ", all.keySet())
							+ "); name one with the 'bean' parameter.");
		}
		return all.entrySet().iterator().next();
	}

	private static MigrationsBeanDescriptor describe(Migrations migrations) {
		Map<String, AppDescriptor> apps = new LinkedHashMap<>();
		List<String> pending = new ArrayList<>();
		for (AppStatus app : migrations.status()) {
			apps.put(app.app(), new AppDescriptor(app.migrations().stream().map(MigrationDescriptor::new).toList()));
			app.migrations()
				.stream()
				.filter((migration) -> !migration.applied())
				.forEach((migration) -> pending.add(app.app() + "." + migration.name()));
		}
		return new MigrationsBeanDescriptor(pending, migrations.unmigratedChanges(),
				migrations.lockHolder().orElse(null), apps, drift(migrations));
	}

	private static @Nullable Map<String, List<DifferenceDescriptor>> drift(Migrations migrations) {
		try {
			Map<String, List<DifferenceDescriptor>> drift = new LinkedHashMap<>();
			ShowDrift.byApp(migrations.drift())
				.forEach((app, differences) -> drift.put(app, differences.stream().map(DifferenceDescriptor::new).toList()));
			return drift;
		}
		catch (CommandException ex) {
			// a database whose schema is not compared (MySQL)
			return null;
		}
	}

	/**
	 * Description of an application's {@link Migrations} beans, per context id.
	 *
	 * @param contexts the contexts, keyed by id
	 */
	public record MigrationsBeansDescriptor(
			Map<String, ContextMigrationsBeansDescriptor> contexts) implements OperationResponseBody {

	}

	/**
	 * Description of the {@link Migrations} beans of one application context.
	 *
	 * @param migrationsBeans the beans, keyed by bean name
	 * @param parentId the id of the parent context, or {@code null}
	 */
	public record ContextMigrationsBeansDescriptor(Map<String, MigrationsBeanDescriptor> migrationsBeans,
			@Nullable String parentId) {

	}

	/**
	 * Description of one {@link Migrations} bean, that is of one migrated DataSource.
	 *
	 * @param pending the migrations not applied yet, as {@code app.name}, in plan order per app
	 * @param unmigratedChanges per app, the operations makemigrations would write for model
	 * changes that no migration reflects yet
	 * @param lockHolder the process that holds the migration lock, or {@code null} when none
	 * does
	 * @param apps the apps, keyed by app label, sorted
	 * @param drift per app (tables of no app under {@code (no app)}), how the database differs
	 * from the schema of the applied migrations; empty when it matches, {@code null} on a database
	 * whose schema is not compared
	 */
	public record MigrationsBeanDescriptor(List<String> pending, Map<String, List<String>> unmigratedChanges,
			@Nullable String lockHolder, Map<String, AppDescriptor> apps,
			@Nullable Map<String, List<DifferenceDescriptor>> drift) {

	}

	/**
	 * Description of one difference between the database and the schema of the applied
	 * migrations.
	 *
	 * @param code the kind of difference, such as {@code missing-column}
	 * @param table the table
	 * @param description the difference as the {@code drift} command prints it
	 */
	public record DifferenceDescriptor(String code, String table, String description) {

		DifferenceDescriptor(Difference difference) {
			this(difference.code(), difference.table(), difference.describe());
		}

	}

	/**
	 * Description of one app's migrations, in plan order.
	 *
	 * @param migrations the migrations
	 */
	public record AppDescriptor(List<MigrationDescriptor> migrations) {

	}

	/**
	 * Description of one migration.
	 *
	 * @param name the migration name, such as {@code 0001_initial}
	 * @param applied whether the database records the migration as applied
	 * @param appliedAt when it was applied, or {@code null} when pending
	 * @param checksum the checksum of the migration file, or {@code null} when the file is
	 * missing
	 * @param checksumState how the file compares with the checksum recorded when it was applied,
	 * or {@code null} when pending
	 */
	public record MigrationDescriptor(String name, boolean applied, @Nullable Instant appliedAt,
			@Nullable String checksum, @Nullable ChecksumState checksumState) {

		MigrationDescriptor(MigrationStatus status) {
			this(status.name(), status.applied(), status.appliedAt(), status.checksum(), status.checksumState());
		}

	}

}
