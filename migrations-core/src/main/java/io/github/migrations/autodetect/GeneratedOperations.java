package io.github.migrations.autodetect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.migrations.operation.Operation;

/**
 * The operations the autodetector generated, per app, each with its dependencies, in
 * generation order (Django's {@code generated_operations}).
 */
final class GeneratedOperations {

	private final Map<String, List<Generated>> byApp = new TreeMap<>();

	void add(String app, Operation operation, List<OperationDependency> dependencies) {
		list(app).add(new Generated(operation, dependencies));
	}

	void addFirst(String app, Operation operation, List<OperationDependency> dependencies) {
		list(app).add(0, new Generated(operation, dependencies));
	}

	Map<String, List<Generated>> byApp() {
		return this.byApp;
	}

	private List<Generated> list(String app) {
		return this.byApp.computeIfAbsent(app, (key) -> new ArrayList<>());
	}

	/**
	 * One generated operation; compared by identity, as two equal operations are still two steps.
	 */
	static final class Generated {

		private final Operation operation;

		private final List<OperationDependency> dependencies;

		Generated(Operation operation, List<OperationDependency> dependencies) {
			this.operation = operation;
			this.dependencies = List.copyOf(dependencies);
		}

		Operation operation() {
			return this.operation;
		}

		List<OperationDependency> dependencies() {
			return this.dependencies;
		}

		@Override
		public String toString() {
			return this.operation.describe();
		}

	}

}
