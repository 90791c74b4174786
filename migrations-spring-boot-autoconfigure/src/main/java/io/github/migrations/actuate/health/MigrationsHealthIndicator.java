package io.github.migrations.actuate.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.AppStatus;
import io.github.migrations.CommandException;
import io.github.migrations.MigrationStatus;
import io.github.migrations.Migrations;
import io.github.migrations.command.ShowDrift;
import io.github.migrations.drift.Difference;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for one {@link Migrations} bean: {@code UP} when every migration is
 * applied and the models have no changes without a migration; otherwise the configured status,
 * with the pending migrations ({@code pending}) and the unmigrated model changes
 * ({@code unmigratedChanges}) as details. When drift is checked, differences between the schema of
 * the applied migrations and the database ({@code drift}, per app) give the drift status. When
 * several apply, the more severe status wins. A database that cannot be read reports {@code DOWN}.
 *
 * @author Migrations contributors
 * @since 0.1
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrations migrations;

	private final Status pendingStatus;

	private final Status unmigratedChangesStatus;

	private final @Nullable Status driftStatus;

	/**
	 * Create a new {@link MigrationsHealthIndicator} instance.
	 * @param migrations the migrations engine
	 * @param pendingStatus the status when migrations are pending
	 * @param unmigratedChangesStatus the status when models have changes without a migration
	 */
	public MigrationsHealthIndicator(Migrations migrations, Status pendingStatus, Status unmigratedChangesStatus) {
		this(migrations, pendingStatus, unmigratedChangesStatus, null);
	}

	/**
	 * Create a new {@link MigrationsHealthIndicator} instance that also checks drift.
	 * @param migrations the migrations engine
	 * @param pendingStatus the status when migrations are pending
	 * @param unmigratedChangesStatus the status when models have changes without a migration
	 * @param driftStatus the status when the database differs from the schema of the applied
	 * migrations, or {@code null} not to check drift
	 */
	public MigrationsHealthIndicator(Migrations migrations, Status pendingStatus, Status unmigratedChangesStatus,
			@Nullable Status driftStatus) {
		super("Migrations health check failed");
		Assert.notNull(migrations, "'migrations' must not be null");
		this.migrations = migrations;
		this.pendingStatus = pendingStatus;
		this.unmigratedChangesStatus = unmigratedChangesStatus;
		this.driftStatus = driftStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<Status> statuses = new ArrayList<>(List.of(Status.UP));
		List<String> pending = pending(this.migrations.status());
		if (!pending.isEmpty()) {
			builder.withDetail("pending", pending);
			statuses.add(this.pendingStatus);
		}
		Map<String, List<String>> changes = this.migrations.unmigratedChanges();
		if (!changes.isEmpty()) {
			builder.withDetail("unmigratedChanges", changes);
			statuses.add(this.unmigratedChangesStatus);
		}
		if (this.driftStatus != null) {
			Map<String, List<String>> drift = drift();
			if (!drift.isEmpty()) {
				builder.withDetail("drift", drift);
				statuses.add(this.driftStatus);
			}
		}
		builder.status(StatusAggregator.getDefault().getAggregateStatus(statuses.toArray(Status[]::new)));
	}

	private Map<String, List<String>> drift() {
		Map<String, List<String>> drift = new LinkedHashMap<>();
		try {
			ShowDrift.byApp(this.migrations.drift())
				.forEach((app, differences) -> drift.put(app, differences.stream().map(Difference::describe).toList()));
		}
		catch (CommandException ex) {
			// a database whose schema is not compared (MySQL)
		}
		return drift;
	}

	private static List<String> pending(List<AppStatus> status) {
		List<String> pending = new ArrayList<>();
		for (AppStatus app : status) {
			for (MigrationStatus migration : app.migrations()) {
				if (!migration.applied()) {
					pending.add(app.app() + "." + migration.name());
				}
			}
		}
		return pending;
	}

}
