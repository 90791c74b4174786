package io.github.migrations.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ProjectState;

/**
 * The state declared by the model classes, plus the rename intents they carry.
 *
 * @param state the declared state
 * @param fieldRenames per model, new field name → old field name, from {@link RenamedFrom}
 * @param modelRenames per model, its previous model name, from {@link RenamedFrom} on the class
 * @since 0.1
 */
public record DeclaredModels(ProjectState state, Map<ModelKey, Map<String, String>> fieldRenames,
		Map<ModelKey, String> modelRenames) {

	public DeclaredModels {
		fieldRenames = Collections.unmodifiableMap(new LinkedHashMap<>(fieldRenames));
		modelRenames = Collections.unmodifiableMap(new LinkedHashMap<>(modelRenames));
	}

	/**
	 * Create declared models without model renames.
	 * @param state the declared state
	 * @param fieldRenames per model, new field name → old field name
	 */
	public DeclaredModels(ProjectState state, Map<ModelKey, Map<String, String>> fieldRenames) {
		this(state, fieldRenames, Map.of());
	}

}
