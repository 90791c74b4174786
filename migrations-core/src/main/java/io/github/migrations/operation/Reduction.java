package io.github.migrations.operation;

import java.util.List;

/**
 * What {@link Operation#reduce} says about an operation followed by another: replace both by a
 * list, let the optimizer move past it, or stop. Django returns a list, {@code True} or
 * {@code False} from one method; this sealed type names the three cases.
 *
 * @since 0.1
 */
public sealed interface Reduction {

	/** Neither replace nor move past. */
	Reduction BLOCKED = new Blocked();

	/** The later operation can be optimized across this one. */
	Reduction THROUGH = new Through();

	/**
	 * Replace both operations by these (possibly none).
	 * @param operations the replacement
	 * @return the reduction
	 */
	static Reduction replace(Operation... operations) {
		return new Replace(List.of(operations));
	}

	/**
	 * Return through or blocked.
	 * @param through whether the optimizer may move past
	 * @return the reduction
	 */
	static Reduction throughIf(boolean through) {
		return through ? THROUGH : BLOCKED;
	}

	/**
	 * Both operations become this list.
	 * @param operations the replacement
	 */
	record Replace(List<Operation> operations) implements Reduction {

		public Replace {
			operations = List.copyOf(operations);
		}

	}

	/** The optimizer may move past. */
	record Through() implements Reduction {
	}

	/** Nothing can be done. */
	record Blocked() implements Reduction {
	}

}
