package io.github.migrations.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.migrations.MigrationPlan;
import io.github.migrations.NodeNotFoundException;
import io.github.migrations.StalePlanException;
import io.github.migrations.UnknownAppException;
import io.github.migrations.executor.MigrationExecutor;
import io.github.migrations.executor.MigrationListener;
import io.github.migrations.executor.PlanStep;
import io.github.migrations.executor.Target;
import io.github.migrations.lint.Finding;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.lock.MigrationLock;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RunJava;
import io.github.migrations.operation.RunSql;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.recorder.AppliedMigration;
import io.github.migrations.recorder.MigrationRecorder;
import io.github.migrations.recorder.ProgressRecorder;
import io.github.migrations.schema.SchemaEditors;
import org.jspecify.annotations.Nullable;

/**
 * Migrate one app to a target in two stages, so that what runs is what was reviewed: first
 * {@link #plan} shows the steps with their SQL and a token; then {@link #migrate} runs the plan,
 * under the migration lock, only if the plan computed there still has that token.
 * <p>
 * The app and the target are only looked up in the migration graph; the SQL comes from the
 * migration files, never from the request.
 *
 * @since 0.1
 */
public final class ReviewedMigrate {

	private final CommandContext context;

	public ReviewedMigrate(CommandContext context) {
		this.context = context;
	}

	/**
	 * Return the plan that takes an app to a target, changing nothing.
	 * @param app the app label
	 * @param target a migration name, a unique prefix of one, or {@code zero}
	 * @return the plan
	 * @throws UnknownAppException when the app has no migrations
	 * @throws NodeNotFoundException when no migration of the app matches the target
	 */
	public MigrationPlan plan(String app, String target) {
		return this.context.withConnection("migrate", (connection, recorder) -> plan(connection, recorder, null, app, target)
			.plan());
	}

	/**
	 * Run the plan that takes an app to a target if its token is still {@code token}.
	 * @param app the app label
	 * @param target a migration name, a unique prefix of one, or {@code zero}
	 * @param token the token of the reviewed plan
	 * @return the plan that ran
	 * @throws StalePlanException when the plan changed since it was reviewed; nothing ran
	 * @throws io.github.migrations.IrreversibleOperationException when the plan unapplies an
	 * irreversible migration; nothing ran
	 */
	public MigrationPlan migrate(String app, String target, String token) {
		return this.context.withConnection("migrate", (connection, recorder) -> {
			try (MigrationLock lock = Migrate.lock(this.context, connection);
					ProgressRecorder progress = Migrate.progressRecorder(this.context)) {
				Planned planned = plan(connection, recorder, progress, app, target);
				if (!planned.plan().token().equals(token)) {
					throw new StalePlanException("The plan to migrate " + app + " to " + planned.plan().target()
							+ " has changed since it was reviewed (its token is now " + planned.plan().token()
							+ "). Nothing was run. Review the current plan and send its token.", planned.plan());
				}
				planned.executor().checkInterrupted(planned.steps(), false);
				PlanLint.refuseBlocking(planned.plan().findings(), this.context.configuration().lint(),
						PlanLint.vendor(connection));
				planned.executor().migrate(planned.steps(), false);
				return planned.plan();
			}
		});
	}

	private record Planned(MigrationPlan plan, List<PlanStep> steps, MigrationExecutor executor) {
	}

	private Planned plan(Connection connection, MigrationRecorder recorder, @Nullable ProgressRecorder progress,
			String app, String target) {
		Map<MigrationKey, AppliedMigration> recorded = recorder.appliedMigrations();
		MigrationLoader loader = Migrate.checkedLoader(this.context, recorded);
		Target resolved = resolve(loader, app, target);
		MigrationExecutor executor = new MigrationExecutor(connection, loader.graph(), loader.appliedMigrations(),
				recorder, Migrate.listener(this.context, MigrationListener.NONE), progress);
		List<PlanStep> steps = executor.migrationPlan(List.of(resolved), false);
		List<List<String>> sql = executor.collectSql(steps);
		boolean transactionalDdl = SchemaEditors.create(connection, true).vendor().transactionalDdl();
		List<Finding> findings = PlanLint.lint(connection, executor, steps, this.context.configuration().lint())
			.findings();
		List<MigrationPlan.Step> described = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			MigrationKey key = steps.get(i).migration().key();
			described.add(describe(steps.get(i), sql.get(i), transactionalDdl,
					findings.stream().filter((finding) -> finding.migration().equals(key)).toList()));
		}
		String name = resolved.isZero() ? MigrationPlan.ZERO : resolved.key().name();
		return new Planned(new MigrationPlan(app, name, described, token(app, name, described, recorded)), steps,
				executor);
	}

	private static Target resolve(MigrationLoader loader, String app, String target) {
		if (!loader.migratedApps().contains(app)) {
			throw new UnknownAppException("App '" + app + "' does not have migrations. Apps with migrations: "
					+ String.join(", ", loader.migratedApps()) + ".");
		}
		if (target.equals(MigrationPlan.ZERO)) {
			return Target.zero(app);
		}
		boolean matches = loader.diskMigrations()
			.keySet()
			.stream()
			.anyMatch((key) -> key.app().equals(app) && key.name().startsWith(target));
		if (!matches) {
			throw new NodeNotFoundException("Cannot find a migration matching '" + target + "' from app '" + app
					+ "'. Use a migration name, a unique prefix of one such as 0002, or zero.",
					new MigrationKey(app, target), null);
		}
		return Target.of(loader.migrationByPrefix(app, target).key());
	}

	private static MigrationPlan.Step describe(PlanStep step, List<String> sql, boolean transactionalDdl,
			List<Finding> findings) {
		Migration migration = step.migration();
		List<String> operations = new ArrayList<>();
		for (Operation operation : migration.operations()) {
			operations.add((step.backwards() ? "Undo " : "") + operation.describe());
		}
		if (step.backwards()) {
			Collections.reverse(operations);
		}
		boolean irreversible = !migration.operations().stream().allMatch(Operation::reversible);
		boolean destructive = migration.operations()
			.stream()
			.anyMatch((operation) -> destructive(operation, step.backwards()));
		return new MigrationPlan.Step(migration.key(), step.backwards(), migration.checksum(), operations, sql,
				migration.atomic() && transactionalDdl, irreversible, destructive, findings);
	}

	/**
	 * Return whether running an operation in a direction drops a table or a column, or runs code
	 * whose effect cannot be checked.
	 */
	static boolean destructive(Operation operation, boolean backwards) {
		if (operation instanceof SeparateDatabaseAndState separate) {
			return separate.databaseOperations().stream().anyMatch((inner) -> destructive(inner, backwards));
		}
		if (operation instanceof RunSql || operation instanceof RunJava) {
			return true;
		}
		if (backwards) {
			return operation instanceof CreateModel || operation instanceof AddField;
		}
		return operation instanceof DeleteModel || operation instanceof RemoveField;
	}

	/**
	 * Return the hex SHA-256 over everything the plan depends on: the app, the target, each step
	 * (migration, direction, file checksum, statements) and every history row (migration,
	 * recorded checksum), sorted.
	 */
	static String token(String app, String target, List<MigrationPlan.Step> steps,
			Map<MigrationKey, AppliedMigration> recorded) {
		StringBuilder text = new StringBuilder("plan-token-v1\n");
		text.append("app ").append(app).append('\n').append("target ").append(target).append('\n');
		Map<String, String> history = new TreeMap<>();
		recorded.values().forEach((row) -> history.put(row.key().toString(), String.valueOf(row.checksum())));
		history.forEach((key, checksum) -> text.append("applied ").append(key).append(' ').append(checksum).append('\n'));
		for (MigrationPlan.Step step : steps) {
			text.append("step ")
				.append(step.migration())
				.append(step.backwards() ? " backwards " : " forwards ")
				.append(step.checksum())
				.append('\n');
			step.sql().forEach((statement) -> text.append("sql ").append(statement.replace("\n", "\n ")).append('\n'));
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
