package io.github.migrations.state;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The whole picture of what the schema should be: every model of every app. Immutable; changes
 * return new states, so no clone-and-preserve dance is needed (unlike Django's). States derived
 * from one another share structure (see {@code ModelMap}).
 *
 * @param models the models in insertion order
 * @since 0.1
 */
public record ProjectState(Map<ModelKey, ModelState> models) {

	private static final ProjectState EMPTY = new ProjectState(Map.of());

	public ProjectState {
		models = ModelMap.of(models);
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

	/**
	 * Return this state with a model added, or replacing the model of its key in place. Shares
	 * structure with this state, so a replay of N migrations does not copy N models N times.
	 * @param model the model
	 * @return the new state
	 */
	public ProjectState withModel(ModelState model) {
		return new ProjectState(map().with(model.key(), model));
	}

	/**
	 * Return this state without a model.
	 * @param app the app label
	 * @param name the model name (any case)
	 * @return the new state
	 * @throws IllegalArgumentException if there is no such model
	 */
	public ProjectState withoutModel(String app, String name) {
		return new ProjectState(map().without(model(app, name).key()));
	}

	/**
	 * Return this state with the models of another state added where this one has no model of
	 * that key; lets a schema editor resolve relations to models on either side of a change.
	 * @param other the other state
	 * @return the combined state
	 */
	public ProjectState withFallback(ProjectState other) {
		ModelMap combined = map().withFallback(other.map());
		return (combined == this.models) ? this : new ProjectState(combined);
	}

	/**
	 * Return the models of this state that are not in an earlier state it was derived from, or
	 * all of them when that cannot be told without comparing every model (a model was removed,
	 * or the states share no structure). Lets a check of what a migration changed look at the
	 * models it changed only.
	 * @param before the earlier state
	 * @return the changed models, or every model
	 */
	public Collection<ModelState> modelsChangedSince(ProjectState before) {
		Collection<ModelState> changed = map().changedSince(before.map());
		return (changed != null) ? changed : this.models.values();
	}

	private ModelMap map() {
		return (ModelMap) this.models;
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
