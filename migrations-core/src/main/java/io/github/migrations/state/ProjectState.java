package io.github.migrations.state;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The whole picture of what the schema should be: every model of every app. Immutable; changes
 * return new states, so no clone-and-preserve dance is needed (unlike Django's).
 *
 * @param models the models in insertion order
 * @since 0.1
 */
public record ProjectState(Map<ModelKey, ModelState> models) {

	private static final ProjectState EMPTY = new ProjectState(Map.of());

	public ProjectState {
		models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
	}

	/**
	 * Return the empty state.
	 * @return a state without models
	 */
	public static ProjectState empty() {
		return EMPTY;
	}

	/**
	 * Build a state from the given models.
	 * @param models the models
	 * @return the state
	 */
	public static ProjectState of(Collection<ModelState> models) {
		Map<ModelKey, ModelState> map = new LinkedHashMap<>();
		models.forEach((model) -> map.put(model.key(), model));
		return new ProjectState(map);
	}

	/**
	 * Return the model with the given key or {@code null}.
	 * @param key the key
	 * @return the model or {@code null}
	 */
	public @Nullable ModelState find(ModelKey key) {
		return this.models.get(key);
	}

	/**
	 * Return the model of the given app and name.
	 * @param app the app label
	 * @param name the model name (any case)
	 * @return the model
	 * @throws IllegalArgumentException if there is no such model
	 */
	public ModelState model(String app, String name) {
		ModelState model = this.models.get(new ModelKey(app, name));
		if (model == null) {
			throw new IllegalArgumentException("No model named '" + name + "' in app '" + app + "'");
		}
		return model;
	}

	public ProjectState withModel(ModelState model) {
		Map<ModelKey, ModelState> copy = new LinkedHashMap<>(this.models);
		copy.put(model.key(), model);
		return new ProjectState(copy);
	}

	public ProjectState withoutModel(String app, String name) {
		ModelKey key = model(app, name).key();
		Map<ModelKey, ModelState> copy = new LinkedHashMap<>(this.models);
		copy.remove(key);
		return new ProjectState(copy);
	}

	/**
	 * Return this state with the models of another state added where this one has no model of
	 * that key; lets a schema editor resolve relations to models on either side of a change.
	 * @param other the other state
	 * @return the combined state
	 */
	public ProjectState withFallback(ProjectState other) {
		Map<ModelKey, ModelState> copy = new LinkedHashMap<>(this.models);
		other.models.forEach(copy::putIfAbsent);
		return new ProjectState(copy);
	}

	/**
	 * Return the app labels that have at least one model, sorted.
	 * @return the app labels
	 */
	public Set<String> apps() {
		Set<String> apps = new TreeSet<>();
		this.models.keySet().forEach((key) -> apps.add(key.app()));
		return apps;
	}

}
