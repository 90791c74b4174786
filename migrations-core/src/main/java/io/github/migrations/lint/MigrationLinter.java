package io.github.migrations.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddFieldNotValid;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.operation.SafeForm;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Flags the operations of migrations that lock a live table or break the instances of the
 * application still running the previous version while the migration is applied, in the spirit
 * of squawk and strong_migrations: the rules that hold on every database (a NOT NULL column
 * without database default, renamed or dropped tables and columns) and the lock rules of the
 * database linted for (on PostgreSQL: indexes without {@code CONCURRENTLY}, constraints without
 * {@code NOT VALID}, {@code SET NOT NULL}, type changes that rewrite the table). The safe forms
 * ({@code makemigrations --safe}) are checked for what they run: on PostgreSQL without the lock
 * they avoid, elsewhere as their plain operation. Unapplying migrations is checked by
 * {@link #lintBackwards}.
 * <p>
 * An operation on a table created earlier in the same run (by the same migration or an earlier
 * one of the migrations linted together) is never flagged: the table is empty and no running
 * code uses it. Raw SQL and Java code are not inspected. A migration acknowledges a rule with
 * {@code acknowledged: [code]} in its file; its findings of that rule are then reported as
 * acknowledged.
 * <pre class="code">
 * List&lt;Finding&gt; findings = new MigrationLinter(Vendor.POSTGRESQL).lint(migration, stateBefore);
 * </pre>
 *
 * @since 0.1
 */
public final class MigrationLinter {

	private final Vendor vendor;

	private final LockRules lockRules;

	/**
	 * Create a linter with the rules of a database.
	 * @param vendor the database the migrations will be applied to
	 */
	public MigrationLinter(Vendor vendor) {
		this.vendor = vendor;
		this.lockRules = LockRules.of(vendor);
	}

	/**
	 * Return the database whose rules this linter applies.
	 * @return the vendor
	 */
	public Vendor vendor() {
		return this.vendor;
	}

	/**
	 * Lint one migration.
	 * @param migration the migration
	 * @param before the project state before it
	 * @return the findings, in operation order
	 */
	public List<Finding> lint(Migration migration, ProjectState before) {
		return lint(List.of(migration), before);
	}

	/**
	 * Lint migrations applied one after the other in one run (a plan, or what makemigrations
	 * writes): a table created by one of them is new for the later ones.
	 * @param migrations the migrations, in the order they are applied
	 * @param before the project state before the first
	 * @return the findings, in order
	 */
	public List<Finding> lint(List<Migration> migrations, ProjectState before) {
		return lint(migrations, (migration, carried) -> carried, before);
	}

	/**
	 * Lint the migrations of a plan, each from the project state the executor runs it from (the
	 * plan's migrations can be interleaved with applied ones of other apps); a table created by
	 * one of them is still new for the later ones.
	 * @param migrations the migrations, in the order they are applied
	 * @param before the project state before each migration
	 * @return the findings, in order
	 */
	public List<Finding> lint(List<Migration> migrations, Map<MigrationKey, ProjectState> before) {
		return lint(migrations, before::get);
	}

	/**
	 * Lint the migrations of a plan as {@link #lint(List, Map)} does, with each migration's state
	 * asked for once, in plan order, when its turn comes: the states can be built as they are
	 * needed instead of held all at once.
	 * @param migrations the migrations, in the order they are applied
	 * @param before the project state before a migration, or {@code null} to lint it from the
	 * state after the previous one
	 * @return the findings, in order
	 */
	public List<Finding> lint(List<Migration> migrations, Function<MigrationKey, @Nullable ProjectState> before) {
		return lint(migrations, (migration, carried) -> {
			ProjectState state = before.apply(migration.key());
			return (state != null) ? state : carried;
		}, ProjectState.empty());
	}

	/**
	 * Lint the unapplying of migrations (a backwards plan: {@code migrate app target} that
	 * reverts): each migration's operations are undone last to first, and what undoing one does
	 * to the database (unapplying {@code AddField} drops the column, unapplying
	 * {@code RemoveField} adds it again, ...) is checked with the forward rules. Findings say
	 * {@code Undo} in their operation description and begin with {@code Revert:}.
	 * @param migrations the migrations, in the order they are unapplied
	 * @param before the project state before each migration (as it was applied)
	 * @return the findings, in the order the operations are undone
	 */
	public List<Finding> lintBackwards(List<Migration> migrations, Map<MigrationKey, ProjectState> before) {
		List<Finding> findings = new ArrayList<>();
		Set<ModelKey> created = new HashSet<>();
		for (Migration migration : migrations) {
			ProjectState state = before.get(migration.key());
			if (state == null) {
				continue;
			}
			List<Operation> operations = migration.operations();
			List<ProjectState> states = new ArrayList<>(List.of(state));
			for (int i = 0; i < operations.size(); i++) {
				states.add(migration.stateForwards(i, states.get(i)));
			}
			Set<String> acknowledged = Set.copyOf(migration.acknowledged());
			for (int i = operations.size() - 1; i >= 0; i--) {
				Operation operation = operations.get(i);
				new Run(migration, i + 1, "Undo " + operation.describe(), true, created, acknowledged, findings)
					.undo(operation, states.get(i + 1), states.get(i));
			}
		}
		return List.copyOf(findings);
	}

	private List<Finding> lint(List<Migration> migrations, BiFunction<Migration, ProjectState, ProjectState> stateOf,
			ProjectState first) {
		List<Finding> findings = new ArrayList<>();
		Set<ModelKey> created = new HashSet<>();
		ProjectState state = first;
		for (Migration migration : migrations) {
			state = stateOf.apply(migration, state);
			Set<String> acknowledged = Set.copyOf(migration.acknowledged());
			List<Operation> operations = migration.operations();
			for (int i = 0; i < operations.size(); i++) {
				Operation operation = operations.get(i);
				Run run = new Run(migration, i + 1, operation.describe(), false, created, acknowledged, findings);
				state = run.operation(operation, state);
			}
		}
		return List.copyOf(findings);
	}

	/**
	 * One operation being linted, with where its findings go.
	 */
	private final class Run {

		private final Migration migration;

		private final int position;

		private final String description;

		private final boolean backwards;

		private final Set<ModelKey> created;

		private final Set<String> acknowledged;

		private final List<Finding> findings;

		Run(Migration migration, int position, String description, boolean backwards, Set<ModelKey> created,
				Set<String> acknowledged, List<Finding> findings) {
			this.migration = migration;
			this.position = position;
			this.description = description;
			this.backwards = backwards;
			this.created = created;
			this.acknowledged = acknowledged;
			this.findings = findings;
		}

		/**
		 * Check an operation and return the state after it; the database operations of a
		 * {@code SeparateDatabaseAndState} are checked one by one, against their own states.
		 */
		ProjectState operation(Operation operation, ProjectState before) {
			String app = this.migration.app();
			if (operation instanceof SeparateDatabaseAndState separate) {
				ProjectState database = before;
				for (Operation inner : separate.databaseOperations()) {
					database = operation(inner, database);
				}
				return separate.stateForwards(app, before);
			}
			ProjectState after = operation.stateForwards(app, before);
			check(operation, before, after);
			return after;
		}

		/**
		 * Check what unapplying an operation does, from the state after it back to the state
		 * before it; the database operations of a {@code SeparateDatabaseAndState} are undone last
		 * to first, each between its own states.
		 */
		void undo(Operation operation, ProjectState after, ProjectState before) {
			String app = this.migration.app();
			if (operation instanceof SeparateDatabaseAndState separate) {
				List<ProjectState> states = new ArrayList<>(List.of(before));
				for (Operation inner : separate.databaseOperations()) {
					states.add(inner.stateForwards(app, states.get(states.size() - 1)));
				}
				for (int i = separate.databaseOperations().size() - 1; i >= 0; i--) {
					undo(separate.databaseOperations().get(i), states.get(i + 1), states.get(i));
				}
				return;
			}
			Operation inverse = Inverse.of(operation, app, before);
			if (inverse != null) {
				check(inverse, after, before);
			}
		}

		private void check(Operation operation, ProjectState before, ProjectState after) {
			String app = this.migration.app();
			// the other databases run a safe form's plain operation
			Operation run = (operation instanceof SafeForm safe && MigrationLinter.this.vendor != Vendor.POSTGRESQL)
					? safe.plain() : operation;
			OperationContext context = new OperationContext(MigrationLinter.this.vendor, this.migration.key(),
					this.position, this.description, this.backwards, before, after, this.created, this.acknowledged,
					this.findings);
			CompatibilityRules.check(run, context);
			lock(run, context, app);
			track(run, app);
		}

		private void lock(Operation operation, OperationContext context, String app) {
			LockRules rules = MigrationLinter.this.lockRules;
			if (operation instanceof AddField add && !context.isNew(add.modelName())) {
				rules.addField(context, context.after().model(app, add.modelName()), add.name(), add.field());
			}
			else if (operation instanceof AddFieldNotValid add && !context.isNew(add.modelName())) {
				rules.addFieldNotValid(context, context.after().model(app, add.modelName()), add.name(), add.field());
			}
			else if (operation instanceof AlterField alter && !context.isNew(alter.modelName())) {
				ModelState before = context.before().model(app, alter.modelName());
				ModelState after = context.after().model(app, alter.modelName());
				FieldChange change = FieldChange.of(before, alter.name(), after, alter.name(), context.before(),
						context.after());
				if (change.hasColumn()) {
					rules.alterField(context, change);
				}
			}
			else if (operation instanceof AddIndex add && !context.isNew(add.modelName())) {
				rules.addIndex(context, context.after().model(app, add.modelName()), add.index());
			}
			else if (operation instanceof AddConstraint add && !context.isNew(add.modelName())) {
				rules.addConstraint(context, context.after().model(app, add.modelName()), add.constraint());
			}
		}

		private void track(Operation operation, String app) {
			if (operation instanceof CreateModel create) {
				this.created.add(new ModelKey(app, create.name()));
			}
			else if (operation instanceof RenameModel rename && this.created.remove(new ModelKey(app, rename.oldName()))) {
				this.created.add(new ModelKey(app, rename.newName()));
			}
		}

	}

}
