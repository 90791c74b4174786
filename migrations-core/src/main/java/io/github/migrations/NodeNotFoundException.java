package io.github.migrations;

import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * Raised when a dependency, target or plan names a migration that does not exist.
 *
 * @since 0.1
 */
public class NodeNotFoundException extends MigrationException {

	private final MigrationKey node;

	private final @Nullable MigrationKey origin;

	public NodeNotFoundException(String message, MigrationKey node, @Nullable MigrationKey origin) {
		super(message, 1, null);
		this.node = node;
		this.origin = origin;
	}

	/**
	 * Return the migration that could not be found.
	 * @return the missing node
	 */
	public MigrationKey node() {
		return this.node;
	}

	/**
	 * Return the migration whose dependency names the missing node, if any.
	 * @return the origin, or {@code null}
	 */
	public @Nullable MigrationKey origin() {
		return this.origin;
	}

}
