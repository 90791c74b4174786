package io.github.migrations.drift;

import java.util.List;

import io.github.migrations.operation.Operation;
import org.jspecify.annotations.Nullable;

/**
 * The state operations that adopt one difference, or the reason there are none with what to do.
 *
 * @param operations the operations, empty when the difference is not adopted
 * @param reason why not, or {@code null}
 */
record Adopted(List<Operation> operations, @Nullable String reason) {

	static Adopted of(Operation... operations) {
		return new Adopted(List.of(operations), null);
	}

	static Adopted not(String reason) {
		return new Adopted(List.of(), reason);
	}

}
