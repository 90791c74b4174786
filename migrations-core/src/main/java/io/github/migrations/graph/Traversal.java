package io.github.migrations.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.migrations.CircularDependencyException;
import io.github.migrations.migration.MigrationKey;

/**
 * The walks over a {@link MigrationGraph}'s nodes, kept iterative so that long histories cannot
 * overflow the stack.
 *
 * @since 0.1
 */
final class Traversal {

	private Traversal() {
	}

	/**
	 * Django's {@code iterative_dfs}: a post-order depth-first search in which the parents (or
	 * children) of a node are pushed in sorted order, so the greatest is explored first.
	 * @param nodes the graph's nodes
	 * @param start the node to start from, known to be in the graph
	 * @param forwards {@code true} to follow parents, {@code false} to follow children
	 * @return the visited keys, the start last
	 */
	static List<MigrationKey> iterativeDfs(Map<MigrationKey, Node> nodes, MigrationKey start, boolean forwards) {
		List<MigrationKey> visited = new ArrayList<>();
		Set<MigrationKey> visitedSet = new HashSet<>();
		Deque<Frame> stack = new ArrayDeque<>();
		stack.push(new Frame(start, false));
		while (!stack.isEmpty()) {
			Frame frame = stack.pop();
			MigrationKey key = frame.key();
			if (visitedSet.contains(key)) {
				continue;
			}
			if (frame.processed()) {
				visitedSet.add(key);
				visited.add(key);
			}
			else {
				stack.push(new Frame(key, true));
				Node node = nodes.get(key);
				for (MigrationKey next : sorted(forwards ? node.parents : node.children)) {
					stack.push(new Frame(next, false));
				}
			}
		}
		return visited;
	}

	/**
	 * Guido van Rossum's cycle detection, as Django's {@code ensure_not_cyclic}; nodes and children
	 * are taken in sorted order so the reported cycle does not depend on hashing.
	 * @param nodes the graph's nodes
	 * @throws CircularDependencyException naming the cycle
	 */
	static void ensureNotCyclic(Map<MigrationKey, Node> nodes) {
		SortedSet<MigrationKey> todo = new TreeSet<>(nodes.keySet());
		while (!todo.isEmpty()) {
			MigrationKey first = todo.first();
			todo.remove(first);
			// each frame keeps its place among its node's sorted children: returning to a node
			// goes on from the child after the one just explored, instead of sorting and scanning
			// its children again (a node with many children was sorted once per child)
			List<MigrationKey> stack = new ArrayList<>();
			List<Iterator<MigrationKey>> children = new ArrayList<>();
			Set<MigrationKey> onStack = new HashSet<>();
			stack.add(first);
			children.add(sorted(nodes.get(first).children).iterator());
			onStack.add(first);
			while (!stack.isEmpty()) {
				Iterator<MigrationKey> remaining = children.get(children.size() - 1);
				MigrationKey next = null;
				while (remaining.hasNext()) {
					MigrationKey child = remaining.next();
					if (onStack.contains(child)) {
						List<String> cycle = new ArrayList<>();
						for (MigrationKey key : stack.subList(stack.indexOf(child), stack.size())) {
							cycle.add(key.toString());
						}
						throw new CircularDependencyException(String.join(", ", cycle));
					}
					if (todo.remove(child)) {
						next = child;
						break;
					}
				}
				if (next != null) {
					stack.add(next);
					children.add(sorted(nodes.get(next).children).iterator());
					onStack.add(next);
				}
				else {
					onStack.remove(stack.remove(stack.size() - 1));
					children.remove(children.size() - 1);
				}
			}
		}
	}

	static List<MigrationKey> sorted(Collection<MigrationKey> keys) {
		List<MigrationKey> result = new ArrayList<>(keys);
		Collections.sort(result);
		return result;
	}

	private record Frame(MigrationKey key, boolean processed) {
	}

}
