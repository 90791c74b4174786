package io.github.migrations.optimize;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.operation.Operation;
import io.github.migrations.operation.Reduction;

/**
 * Shortens a list of operations by reducing pairs, repeated until nothing changes, exactly as
 * Django's optimizer: each operation is compared with every later one; a replacement happens on
 * the right when everything in between lets the later operation through, else on the left when
 * everything in between can be moved past the later operation.
 *
 * @since 0.1
 */
public final class MigrationOptimizer {

	private MigrationOptimizer() {
	}

	/**
	 * Optimize operations of one app.
	 * @param operations the operations
	 * @param app the app label they belong to
	 * @return the optimized operations (the same list when nothing could be reduced)
	 */
	public static List<Operation> optimize(List<Operation> operations, String app) {
		List<Operation> current = operations;
		while (true) {
			List<Operation> result = optimizeInner(current, app);
			if (result.equals(current)) {
				return result;
			}
			current = result;
		}
	}

	private static List<Operation> optimizeInner(List<Operation> operations, String app) {
		List<Operation> result = new ArrayList<>();
		for (int i = 0; i < operations.size(); i++) {
			Operation operation = operations.get(i);
			boolean right = true;
			boolean kept = false;
			for (int j = i + 1; j < operations.size(); j++) {
				Operation other = operations.get(j);
				Reduction reduction = operation.reduce(other, app);
				if (reduction instanceof Reduction.Replace replace) {
					List<Operation> between = operations.subList(i + 1, j);
					if (right) {
						result.addAll(between);
						result.addAll(replace.operations());
					}
					else if (between.stream().allMatch((op) -> op.reduce(other, app) instanceof Reduction.Through)) {
						result.addAll(replace.operations());
						result.addAll(between);
					}
					else {
						result.add(operation);
						kept = true;
						break;
					}
					result.addAll(operations.subList(j + 1, operations.size()));
					return result;
				}
				if (reduction instanceof Reduction.Blocked) {
					right = false;
				}
			}
			if (!kept) {
				result.add(operation);
			}
		}
		return result;
	}

}
