package io.github.migrations.state;

import java.util.List;

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

}
