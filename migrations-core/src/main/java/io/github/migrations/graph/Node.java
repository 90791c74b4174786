package io.github.migrations.graph;

import java.util.HashSet;
import java.util.Set;

import io.github.migrations.NodeNotFoundException;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * One node of a {@link MigrationGraph}: a migration, or a dummy standing for a dependency that
 * names no known migration (Django's {@code DummyNode}). Edges are held as keys in both
 * directions.
 *
 * @since 0.1
 */
final class Node {

	private final MigrationKey key;

	private final @Nullable Migration migration;

	private final @Nullable MigrationKey origin;

	private final @Nullable String errorMessage;

	final Set<MigrationKey> parents = new HashSet<>();

	final Set<MigrationKey> children = new HashSet<>();

	private Node(MigrationKey key, @Nullable Migration migration, @Nullable MigrationKey origin,
			@Nullable String errorMessage) {
		this.key = key;
		this.migration = migration;
		this.origin = origin;
		this.errorMessage = errorMessage;
	}

	static Node of(MigrationKey key, Migration migration) {
		return new Node(key, migration, null, null);
	}

	static Node dummy(MigrationKey key, MigrationKey origin, String errorMessage) {
		return new Node(key, null, origin, errorMessage);
	}

	MigrationKey key() {
		return this.key;
	}

	@Nullable Migration migration() {
		return this.migration;
	}

	boolean isDummy() {
		return this.migration == null;
	}

	NodeNotFoundException error() {
		return new NodeNotFoundException(String.valueOf(this.errorMessage), this.key, this.origin);
	}

	@Override
	public String toString() {
		return (isDummy() ? "DummyNode" : "Node") + this.key.toTuple();
	}

}
