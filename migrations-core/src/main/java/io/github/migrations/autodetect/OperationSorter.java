package io.github.migrations.autodetect;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.CommandException;
import io.github.migrations.autodetect.GeneratedOperations.Generated;

/**
 * Sorts one app's generated operations by their dependencies inside the app, giving exactly the
 * order Django's {@code _sort_migrations} gets from Python's {@code graphlib.TopologicalSorter}:
 * nodes are registered as the list is walked, and ready nodes come out in batches.
 */
final class OperationSorter {

	private OperationSorter() {
	}

	static List<Generated> sort(String app, List<Generated> operations) {
		Map<Generated, Node> nodes = new LinkedHashMap<>();
		Map<Generated, Node> identity = new IdentityHashMap<>();
		for (Generated operation : operations) {
			Node node = node(nodes, identity, operation);
			for (OperationDependency dependency : operation.dependencies()) {
				if (!dependency.app().equals(app)) {
					continue;
				}
				for (Generated other : operations) {
					if (dependency.isSatisfiedBy(other.operation())) {
						Node predecessor = node(nodes, identity, other);
						predecessor.successors.add(node);
						node.predecessors++;
					}
				}
			}
		}
		List<Node> ready = new ArrayList<>();
		for (Node node : nodes.values()) {
			if (node.predecessors == 0) {
				ready.add(node);
			}
		}
		List<Generated> sorted = new ArrayList<>();
		while (!ready.isEmpty()) {
			List<Node> batch = ready;
			ready = new ArrayList<>();
			for (Node node : batch) {
				sorted.add(node.operation);
			}
			for (Node node : batch) {
				for (Node successor : node.successors) {
					if (--successor.predecessors == 0) {
						ready.add(successor);
					}
				}
			}
		}
		if (sorted.size() != nodes.size()) {
			throw new CommandException("Cannot order the operations of app '" + app
					+ "': they depend on each other in a cycle (" + operations + ").");
		}
		return sorted;
	}

	private static Node node(Map<Generated, Node> nodes, Map<Generated, Node> identity, Generated operation) {
		return identity.computeIfAbsent(operation, (key) -> {
			Node node = new Node(key);
			nodes.put(key, node);
			return node;
		});
	}

	private static final class Node {

		private final Generated operation;

		private final List<Node> successors = new ArrayList<>();

		private int predecessors;

		Node(Generated operation) {
			this.operation = operation;
		}

	}

}
