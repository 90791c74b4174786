package io.github.migrations.actuate.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.AppStatus;
import io.github.migrations.Migrations;
import io.github.migrations.MigrationStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} that reports, for every {@link Migrations} bean in the application
 * context and its ancestors, each app's migrations and whether they are applied. Pending
 * migrations are listed too, with {@code applied} {@code false}.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	private final ApplicationContext context;

	/**
	 * Create a new {@link MigrationsEndpoint} instance.
	 * @param context the application context whose {@link Migrations} beans are reported
	 */
	public MigrationsEndpoint(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
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
			target.getBeansOfType(Migrations.class)
				.forEach((name, migrations) -> migrationsBeans.put(name, describe(migrations.status())));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextMigrationsBeansDescriptor(migrationsBeans, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new MigrationsBeansDescriptor(contexts);
	}

	private static MigrationsBeanDescriptor describe(List<AppStatus> status) {
		Map<String, AppDescriptor> apps = new LinkedHashMap<>();
		for (AppStatus app : status) {
			apps.put(app.app(), new AppDescriptor(app.migrations().stream().map(MigrationDescriptor::new).toList()));
		}
		return new MigrationsBeanDescriptor(apps);
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
	 * Description of one {@link Migrations} bean: its apps, sorted by label.
	 *
	 * @param apps the apps, keyed by app label
	 */
	public record MigrationsBeanDescriptor(Map<String, AppDescriptor> apps) {

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
	 */
	public record MigrationDescriptor(String name, boolean applied, @Nullable Instant appliedAt,
			@Nullable String checksum) {

		MigrationDescriptor(MigrationStatus status) {
			this(status.name(), status.applied(), status.appliedAt(), status.checksum());
		}

	}

}
