package io.github.migrations.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.migrations.CircularDependencyException;
import io.github.migrations.NodeNotFoundException;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.Operation;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * The directed graph of all migrations of a project: each migration is a node, each dependency an
 * edge from the migration (child) to the one it depends on (parent), as Django's
 * {@code MigrationGraph}.
 * <p>
 * There are no implicit dependencies between numbered migrations: the numbering is merely a
 * convention to aid file listing. Plans follow Django's traversal exactly: an iterative
 * post-order depth-first search in which the parents of a node are pushed in sorted order, so the
 * greatest one is explored first. Root and leaf nodes ignore edges to other apps.
 * <p>
 * A graph is built with {@link #addNode}, {@link #addDependency} and the squash methods, then
 * {@link #freeze() frozen}; after that it only answers questions. It is not thread-safe while it
 * is being built.
 *
 * @since 0.1
 */
public final class MigrationGraph {

	private final Map<MigrationKey, Node> nodes = new LinkedHashMap<>();

	private boolean frozen;

	/**
	 * Add a migration as a node.
	 * @param key the key of the migration
	 * @param migration the migration
	 * @throws IllegalStateException if the key is already in the graph or the graph is frozen
	 */
	public void addNode(MigrationKey key, Migration migration) {
		assertNotFrozen();
		if (this.nodes.containsKey(key)) {
			throw new IllegalStateException("Migration " + key + " is already in the graph");
		}
		this.nodes.put(key, Node.of(key, migration));
	}

	/**
	 * Add a dependency edge: {@code child} depends on {@code parent}. Unknown keys become dummy
	 * nodes that {@link #validateConsistency()} reports; unlike Django this never validates
	 * immediately, so call {@link #validateConsistency()} once the graph is built.
	 * @param migration the migration that declared the dependency (for messages)
	 * @param child the dependent migration
	 * @param parent the migration it depends on
	 */
	public void addDependency(MigrationKey migration, MigrationKey child, MigrationKey parent) {
		assertNotFrozen();
		if (!this.nodes.containsKey(child)) {
			this.nodes.put(child, Node.dummy(child, migration, "Migration " + migration
					+ " dependencies reference nonexistent child node " + child.toTuple()));
		}
		if (!this.nodes.containsKey(parent)) {
			this.nodes.put(parent, Node.dummy(parent, migration, "Migration " + migration
					+ " dependencies reference nonexistent parent node " + parent.toTuple()));
		}
		this.nodes.get(child).parents.add(parent);
		this.nodes.get(parent).children.add(child);
	}

	/**
	 * Remove each of the {@code replaced} nodes that exist and point every edge that referenced
	 * one of them at {@code replacement} instead; edges between replaced nodes are dropped. Used
	 * when a squashed migration is used in place of the migrations it replaces.
	 * @param replacement the squashed migration
	 * @param replaced the migrations it replaces
	 * @throws NodeNotFoundException if the replacement is not in the graph
	 */
	public void removeReplacedNodes(MigrationKey replacement, Collection<MigrationKey> replaced) {
		assertNotFrozen();
		Set<MigrationKey> replacedSet = new HashSet<>(replaced);
		Node replacementNode = this.nodes.get(replacement);
		if (replacementNode == null) {
			throw new NodeNotFoundException("Unable to find replacement node " + replacement.toTuple()
					+ ". It was either never added to the migration graph, or has been removed.", replacement, null);
		}
		for (MigrationKey replacedKey : replacedSet) {
			Node replacedNode = this.nodes.remove(replacedKey);
			if (replacedNode == null) {
				continue;
			}
			for (MigrationKey childKey : replacedNode.children) {
				Node child = this.nodes.get(childKey);
				if (child == null) {
					continue;
				}
				child.parents.remove(replacedKey);
				if (!replacedSet.contains(childKey)) {
					replacementNode.children.add(childKey);
					child.parents.add(replacement);
				}
			}
			for (MigrationKey parentKey : replacedNode.parents) {
				Node parent = this.nodes.get(parentKey);
				if (parent == null) {
					continue;
				}
				parent.children.remove(replacedKey);
				if (!replacedSet.contains(parentKey)) {
					replacementNode.parents.add(parentKey);
					parent.children.add(replacement);
				}
			}
		}
	}

	/**
	 * Remove the {@code replacement} node and attach its children to the latest of the
	 * {@code replaced} nodes (those that are not a parent of another replaced node); its parents
	 * are not remapped. The inverse of {@link #removeReplacedNodes}, almost: used when a squash is
	 * partially applied and the original migrations must be used.
	 * @param replacement the squashed migration
	 * @param replaced the migrations it replaces
	 * @throws NodeNotFoundException if the replacement is not in the graph
	 */
	public void removeReplacementNode(MigrationKey replacement, Collection<MigrationKey> replaced) {
		assertNotFrozen();
		Node replacementNode = this.nodes.remove(replacement);
		if (replacementNode == null) {
			throw new NodeNotFoundException("Unable to remove replacement node " + replacement.toTuple()
					+ ". It was either never added to the migration graph, or has been removed already.", replacement,
					null);
		}
		Set<MigrationKey> replacedNodes = new LinkedHashSet<>();
		Set<MigrationKey> replacedNodesParents = new HashSet<>();
		for (MigrationKey key : replaced) {
			Node replacedNode = this.nodes.get(key);
			if (replacedNode != null) {
				replacedNodes.add(key);
				replacedNodesParents.addAll(replacedNode.parents);
			}
		}
		replacedNodes.removeAll(replacedNodesParents);
		for (MigrationKey childKey : replacementNode.children) {
			Node child = this.nodes.get(childKey);
			if (child == null) {
				continue;
			}
			child.parents.remove(replacement);
			for (MigrationKey replacedKey : replacedNodes) {
				this.nodes.get(replacedKey).children.add(childKey);
				child.parents.add(replacedKey);
			}
		}
		for (MigrationKey parentKey : replacementNode.parents) {
			Node parent = this.nodes.get(parentKey);
			if (parent != null) {
				parent.children.remove(replacement);
			}
		}
	}

	/**
	 * Ensure no dummy node remains: every dependency names a migration in the graph.
	 * @throws NodeNotFoundException for the first dependency on a missing migration, with Django's
	 * message ({@code Migration blog.0002_bad dependencies reference nonexistent parent node
	 * ('shop', '0009_missing')})
	 */
	public void validateConsistency() {
		for (Node node : this.nodes.values()) {
			if (node.isDummy()) {
				throw node.error();
			}
		}
	}

	/**
	 * Ensure the dependencies form no cycle (Guido van Rossum's algorithm, as Django; nodes and
	 * children are visited in sorted order so the reported cycle is deterministic).
	 * @throws CircularDependencyException naming the cycle, for example
	 * {@code blog.0002_bad, blog.0003_bad}
	 */
	public void ensureNotCyclic() {
		Traversal.ensureNotCyclic(this.nodes);
	}

	/**
	 * Return the migrations to apply to reach {@code target}: its dependencies first, ending
	 * with the target itself.
	 * @param target the migration to reach
	 * @return the plan, in order
	 * @throws NodeNotFoundException if the target is not in the graph
	 */
	public List<MigrationKey> forwardsPlan(MigrationKey target) {
		node(target);
		return Traversal.iterativeDfs(this.nodes, target, true);
	}

	/**
	 * Return the migrations to unapply to remove {@code target}: the migrations depending on it
	 * first, ending with the target itself.
	 * @param target the migration to remove
	 * @return the plan, in order
	 * @throws NodeNotFoundException if the target is not in the graph
	 */
	public List<MigrationKey> backwardsPlan(MigrationKey target) {
		node(target);
		return Traversal.iterativeDfs(this.nodes, target, false);
	}

	/**
	 * Return every root node: nodes with no dependency inside their app, sorted.
	 * @return the root nodes of all apps
	 */
	public List<MigrationKey> rootNodes() {
		return rootNodes(null);
	}

	/**
	 * Return the root nodes of one app (its starting points), sorted.
	 * @param app the app label, or {@code null} for all apps
	 * @return the root nodes
	 */
	public List<MigrationKey> rootNodes(@Nullable String app) {
		List<MigrationKey> roots = new ArrayList<>();
		for (Node node : this.nodes.values()) {
			if ((app == null || app.equals(node.key().app())) && noneInApp(node.parents, node.key().app())) {
				roots.add(node.key());
			}
		}
		Collections.sort(roots);
		return roots;
	}

	/**
	 * Return every leaf node: nodes no other node of their app depends on, sorted.
	 * @return the leaf nodes of all apps
	 */
	public List<MigrationKey> leafNodes() {
		return leafNodes(null);
	}

	/**
	 * Return the leaf nodes of one app (its most current migrations), sorted. More than one leaf
	 * per app is a conflict, usually the result of merging two branches.
	 * @param app the app label, or {@code null} for all apps
	 * @return the leaf nodes
	 */
	public List<MigrationKey> leafNodes(@Nullable String app) {
		List<MigrationKey> leaves = new ArrayList<>();
		for (Node node : this.nodes.values()) {
			if ((app == null || app.equals(node.key().app())) && noneInApp(node.children, node.key().app())) {
				leaves.add(node.key());
			}
		}
		Collections.sort(leaves);
		return leaves;
	}

	private static boolean noneInApp(Set<MigrationKey> keys, String app) {
		for (MigrationKey key : keys) {
			if (key.app().equals(app)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the direct dependencies of a node, sorted.
	 * @param key the node
	 * @return the parents
	 * @throws NodeNotFoundException if the node is not in the graph
	 */
	public List<MigrationKey> parents(MigrationKey key) {
		return Traversal.sorted(node(key).parents);
	}

	/**
	 * Return the nodes that depend directly on a node, sorted.
	 * @param key the node
	 * @return the children
	 * @throws NodeNotFoundException if the node is not in the graph
	 */
	public List<MigrationKey> children(MigrationKey key) {
		return Traversal.sorted(node(key).children);
	}

	/**
	 * Return every node, sorted (dummy nodes included until the graph is validated).
	 * @return the keys of all nodes
	 */
	public SortedSet<MigrationKey> nodes() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.nodes.keySet()));
	}

	/**
	 * Return the migration of a node.
	 * @param key the node
	 * @return the migration
	 * @throws NodeNotFoundException if the node is not in the graph or is a dummy node
	 */
	public Migration migration(MigrationKey key) {
		Node node = node(key);
		Migration migration = node.migration();
		if (migration == null) {
			throw node.error();
		}
		return migration;
	}

	/**
	 * Return whether a node is in the graph.
	 * @param key the node
	 * @return {@code true} if present
	 */
	public boolean contains(MigrationKey key) {
		return this.nodes.containsKey(key);
	}

	/**
	 * Return the project state after (or before) the given nodes: the operations of their
	 * combined forwards plans, deduplicated, replayed in order on an empty state.
	 * @param targets the nodes, usually leaves; empty gives the empty state
	 * @param atEnd {@code true} for the state after the targets, {@code false} for the state just
	 * before them (the targets themselves are left out)
	 * @return the state
	 * @throws NodeNotFoundException if a target is not in the graph
	 */
	public ProjectState makeState(Collection<MigrationKey> targets, boolean atEnd) {
		ProjectState state = ProjectState.empty();
		for (MigrationKey key : plan(targets, atEnd)) {
			state = migration(key).mutateState(state);
		}
		return state;
	}

	/**
	 * Return the combined forwards plans of the given nodes, deduplicated, in order (Django's
	 * {@code _generate_plan}).
	 * @param targets the nodes
	 * @param atEnd whether to include the targets themselves
	 * @return the plan
	 */
	public List<MigrationKey> plan(Collection<MigrationKey> targets, boolean atEnd) {
		Set<MigrationKey> plan = new LinkedHashSet<>();
		Set<MigrationKey> targetSet = new HashSet<>(targets);
		for (MigrationKey target : targets) {
			for (MigrationKey key : forwardsPlan(target)) {
				if (atEnd || !targetSet.contains(key)) {
					plan.add(key);
				}
			}
		}
		return List.copyOf(plan);
	}

	/**
	 * Stop any further change: the builder methods throw afterwards.
	 * @return this graph
	 */
	public MigrationGraph freeze() {
		this.frozen = true;
		return this;
	}

	/**
	 * Return whether the graph has been frozen.
	 * @return {@code true} after {@link #freeze()}
	 */
	public boolean isFrozen() {
		return this.frozen;
	}

	private Node node(MigrationKey key) {
		Node node = this.nodes.get(key);
		if (node == null) {
			throw new NodeNotFoundException("Node " + key.toTuple() + " not a valid node", key, null);
		}
		return node;
	}

	private void assertNotFrozen() {
		if (this.frozen) {
			throw new IllegalStateException("The migration graph is frozen; build a new graph to change it");
		}
	}

	@Override
	public String toString() {
		int edges = 0;
		for (Node node : this.nodes.values()) {
			edges += node.parents.size();
		}
		return "Graph: " + this.nodes.size() + " nodes, " + edges + " edges";
	}

}
