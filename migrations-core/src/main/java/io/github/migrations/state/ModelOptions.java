package io.github.migrations.state;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Model options that never produce SQL (Django's non-database {@code Meta} options); changing them
 * gives an {@code AlterModelOptions} that only changes the state.
 *
 * @param ordering default ordering, field names with an optional leading {@code -}
 * @param verboseName the human-readable name, or {@code null}
 * @param verboseNamePlural the plural human-readable name, or {@code null}
 * @since 0.1
 */
public record ModelOptions(List<String> ordering, @Nullable String verboseName, @Nullable String verboseNamePlural) {

	/** No options set. */
	public static final ModelOptions NONE = new ModelOptions(List.of(), null, null);

	public ModelOptions {
		ordering = List.copyOf(ordering);
	}

	/**
	 * Equal when every component is, as the record's own method; written out because the generated
	 * one is slow until the JIT compiles it, and the options of every model are compared in a
	 * fresh JVM.
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ModelOptions options && this.ordering.equals(options.ordering)
				&& Objects.equals(this.verboseName, options.verboseName)
				&& Objects.equals(this.verboseNamePlural, options.verboseNamePlural));
	}

	/**
	 * The record's own hash, {@code (31 * ordering + verboseName) * 31 + verboseNamePlural}, written
	 * out.
	 */
	@Override
	public int hashCode() {
		return (31 * this.ordering.hashCode() + Objects.hashCode(this.verboseName)) * 31
				+ Objects.hashCode(this.verboseNamePlural);
	}

}
