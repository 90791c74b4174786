package io.github.migrations.migration;

import java.util.List;

import io.github.migrations.BadMigrationException;
import io.github.migrations.operation.Operation;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * One migration: its identity, what it depends on, the migrations it replaces (a squash) and its
 * ordered operations.
 *
 * @param key the identity
 * @param dependencies migrations that must be applied first (any app)
 * @param replaces migrations this one squashes, empty for a normal migration
 * @param operations the operations in order
 * @param atomic whether to run in one transaction where the database can roll back DDL
 * @param initial {@code true}/{@code false} as written in the file, {@code null} when not said
 * @param checksum SHA-256 of the file's normalised content, or {@code null} for an unsaved one
 * @param source where the migration was read from (file path or classpath location), or
 * {@code null}
 * @param acknowledged the codes of the unsafe-change rules this migration acknowledges (its
 * file's {@code acknowledged:} list), in file order; see {@code lint.Rule}
 * @since 0.1
 */
public record Migration(MigrationKey key, List<MigrationKey> dependencies, List<MigrationKey> replaces,
		List<Operation> operations, boolean atomic, @Nullable Boolean initial, @Nullable String checksum,
		@Nullable String source, List<String> acknowledged) {

	public Migration {
		dependencies = List.copyOf(dependencies);
		replaces = List.copyOf(replaces);
		operations = List.copyOf(operations);
		acknowledged = List.copyOf(acknowledged);
	}

	/**
	 * Create a migration that acknowledges no unsafe-change rule.
	 * @param key the identity
	 * @param dependencies migrations that must be applied first
	 * @param replaces migrations this one squashes
	 * @param operations the operations in order
	 * @param atomic whether to run in one transaction
	 * @param initial {@code true}/{@code false} as written, {@code null} when not said
	 * @param checksum the file's checksum, or {@code null}
	 * @param source where it was read from, or {@code null}
	 */
	public Migration(MigrationKey key, List<MigrationKey> dependencies, List<MigrationKey> replaces,
			List<Operation> operations, boolean atomic, @Nullable Boolean initial, @Nullable String checksum,
			@Nullable String source) {
		this(key, dependencies, replaces, operations, atomic, initial, checksum, source, List.of());
	}

	/**
	 * Create a new, unsaved migration.
	 * @param key the identity
	 * @param dependencies the dependencies
	 * @param operations the operations
	 * @param initial whether it is an app's initial migration
	 * @return the migration
	 */
	public static Migration of(MigrationKey key, List<MigrationKey> dependencies, List<Operation> operations,
			boolean initial) {
		return new Migration(key, dependencies, List.of(), operations, true, initial ? Boolean.TRUE : null, null,
				null);
	}

	public String app() {
		return this.key.app();
	}

	public String name() {
		return this.key.name();
	}

	public Migration withKey(MigrationKey key) {
		return new Migration(key, this.dependencies, this.replaces, this.operations, this.atomic, this.initial,
				this.checksum, this.source, this.acknowledged);
	}

	public Migration withDependencies(List<MigrationKey> dependencies) {
		return new Migration(this.key, dependencies, this.replaces, this.operations, this.atomic, this.initial,
				this.checksum, this.source, this.acknowledged);
	}

	public Migration withOperations(List<Operation> operations) {
		return new Migration(this.key, this.dependencies, this.replaces, operations, this.atomic, this.initial,
				this.checksum, this.source, this.acknowledged);
	}

	public Migration withSource(@Nullable String source, @Nullable String checksum) {
		return new Migration(this.key, this.dependencies, this.replaces, this.operations, this.atomic, this.initial,
				checksum, source, this.acknowledged);
	}

	public Migration withAcknowledged(List<String> acknowledged) {
		return new Migration(this.key, this.dependencies, this.replaces, this.operations, this.atomic, this.initial,
				this.checksum, this.source, acknowledged);
	}

	/**
	 * Apply this migration's operations to a project state.
	 * @param state the state before the migration
	 * @return the state after it
	 * @throws BadMigrationException when an operation does not fit the state
	 * @see #stateForwards(int, ProjectState)
	 */
	public ProjectState mutateState(ProjectState state) {
		ProjectState result = state;
		for (int i = 0; i < this.operations.size(); i++) {
			result = stateForwards(i, result);
		}
		return result;
	}

	/**
	 * Apply one of this migration's operations to a project state. An operation that does not fit
	 * the state (a model or field that does not exist, a name used twice) is reported naming the
	 * migration, its file and the operation, before anything reaches the database.
	 * @param index the operation's index, from 0
	 * @param state the state before the operation
	 * @return the state after it
	 * @throws BadMigrationException when the operation does not fit the state
	 */
	public ProjectState stateForwards(int index, ProjectState state) {
		Operation operation = this.operations.get(index);
		try {
			return operation.stateForwards(app(), state);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new BadMigrationException("Migration " + this.key + ((this.source != null) ? " (" + this.source + ")" : "")
					+ " cannot be applied: operation " + (index + 1) + " (" + operation.describe() + ") does not fit the"
					+ " models the migrations before it define: " + ex.getMessage()
					+ ". Fix the file (or its dependencies) or regenerate it with makemigrations.", ex);
		}
	}

	/**
	 * Refuse to run this migration in a transaction when one of its operations cannot run inside
	 * one (the concurrent index operations, as Django's {@code NotInTransactionMixin}), on every
	 * database: the file is the same everywhere, so it fails in a test on H2 as it would on
	 * PostgreSQL.
	 * @param backwards whether it was to be unapplied
	 * @throws BadMigrationException when the migration is atomic and holds such an operation
	 */
	public void checkTransactionMode(boolean backwards) {
		if (!this.atomic) {
			return;
		}
		for (int i = 0; i < this.operations.size(); i++) {
			Operation operation = this.operations.get(i);
			if (operation.needsNonAtomicMigration()) {
				String name = operation.getClass().getSimpleName();
				throw new BadMigrationException("The " + name + " operation cannot be executed inside a transaction:"
						+ " migration " + this.key + ((this.source != null) ? " (" + this.source + ")" : "")
						+ " runs in one (operation " + (i + 1) + ", " + operation.describe() + "). Nothing was "
						+ (backwards ? "unapplied" : "applied") + ". Set 'atomic: false' at the top of the file (as"
						+ " makemigrations --safe writes it), or use " + name.replace("Concurrently", "")
						+ " instead.");
			}
		}
	}

	@Override
	public String toString() {
		return this.key.toString();
	}

}
