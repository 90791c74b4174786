package io.github.migrations.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The immutable model map of a {@link ProjectState}, sharing structure between a state and the
 * states derived from it, so that replaying a history of N migrations costs about N·√N rather
 * than N²: a flat base map, never changed once built, plus a small map of the models put since
 * (replacing base models in place, or added after them); when that grows past about √N entries,
 * or a model is removed, the next state gets a new flat base. Iteration order is that of a
 * {@link LinkedHashMap} that had the same puts and removes.
 *
 * @since 0.1
 */
final class ModelMap extends AbstractMap<ModelKey, ModelState> {

	private static final int MIN_DELTA = 16;

	private static final ModelMap EMPTY = new ModelMap(Map.of(), Map.of(), 0);

	private final Map<ModelKey, ModelState> base;

	private final Map<ModelKey, ModelState> delta;

	private final int size;

	private ModelMap(Map<ModelKey, ModelState> base, Map<ModelKey, ModelState> delta, int size) {
		this.base = base;
		this.delta = delta;
		this.size = size;
	}

	/**
	 * Return the given models as a model map, copying them unless they already are one.
	 * @param models the models
	 * @return the model map
	 */
	static ModelMap of(Map<ModelKey, ModelState> models) {
		if (models instanceof ModelMap map) {
			return map;
		}
		if (models.isEmpty()) {
			return EMPTY;
		}
		Map<ModelKey, ModelState> copy = new LinkedHashMap<>(models);
		return new ModelMap(copy, Map.of(), copy.size());
	}

	/**
	 * Return this map with a model put under a key (in place if the key is there, else last).
	 */
	ModelMap with(ModelKey key, ModelState model) {
		if (this.delta.size() >= Math.max(MIN_DELTA, (int) Math.sqrt(this.base.size()))) {
			Map<ModelKey, ModelState> flat = new LinkedHashMap<>(this);
			flat.put(key, model);
			return new ModelMap(flat, Map.of(), flat.size());
		}
		Map<ModelKey, ModelState> delta = new LinkedHashMap<>(this.delta);
		delta.put(key, model);
		return new ModelMap(this.base, delta, containsKey(key) ? this.size : this.size + 1);
	}

	/**
	 * Return this map without the model of a key.
	 */
	ModelMap without(ModelKey key) {
		Map<ModelKey, ModelState> flat = new LinkedHashMap<>(this);
		flat.remove(key);
		return new ModelMap(flat, Map.of(), flat.size());
	}

	/**
	 * Return this map with the models of another added (last) where this one has none.
	 */
	ModelMap withFallback(ModelMap other) {
		Map<ModelKey, ModelState> candidates = (other.base == this.base) ? other.delta : other;
		ModelMap result = this;
		for (Map.Entry<ModelKey, ModelState> entry : candidates.entrySet()) {
			if (!containsKey(entry.getKey())) {
				result = result.with(entry.getKey(), entry.getValue());
			}
		}
		return result;
	}

	/**
	 * Return the models of this map that are not (the very objects) in an earlier map this one
	 * was derived from by puts alone, when that can be told without looking at every model.
	 * @param before the earlier map
	 * @return the models put since, or {@code null} when not known cheaply
	 */
	@Nullable Collection<ModelState> changedSince(ModelMap before) {
		if (before.base != this.base || !this.delta.keySet().containsAll(before.delta.keySet())) {
			return null;
		}
		List<ModelState> changed = new ArrayList<>();
		this.delta.forEach((key, model) -> {
			if (before.get(key) != model) {
				changed.add(model);
			}
		});
		return changed;
	}

	@Override
	public @Nullable ModelState get(@Nullable Object key) {
		ModelState model = this.delta.get(key);
		return (model != null) ? model : this.base.get(key);
	}

	@Override
	public boolean containsKey(@Nullable Object key) {
		return this.delta.containsKey(key) || this.base.containsKey(key);
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public Set<Map.Entry<ModelKey, ModelState>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<ModelKey, ModelState>> iterator() {
				return new Entries();
			}

			@Override
			public int size() {
				return ModelMap.this.size;
			}

		};
	}

	/**
	 * The base's entries (with the values put since), then the keys added since.
	 */
	private final class Entries implements Iterator<Map.Entry<ModelKey, ModelState>> {

		private final Iterator<ModelKey> baseKeys = ModelMap.this.base.keySet().iterator();

		private final Iterator<Map.Entry<ModelKey, ModelState>> added = ModelMap.this.delta.entrySet().iterator();

		private Map.@Nullable Entry<ModelKey, ModelState> next = advance();

		private Map.@Nullable Entry<ModelKey, ModelState> advance() {
			if (this.baseKeys.hasNext()) {
				ModelKey key = this.baseKeys.next();
				return Map.entry(key, get(key));
			}
			while (this.added.hasNext()) {
				Map.Entry<ModelKey, ModelState> entry = this.added.next();
				if (!ModelMap.this.base.containsKey(entry.getKey())) {
					return Map.entry(entry.getKey(), entry.getValue());
				}
			}
			return null;
		}

		@Override
		public boolean hasNext() {
			return this.next != null;
		}

		@Override
		public Map.Entry<ModelKey, ModelState> next() {
			Map.Entry<ModelKey, ModelState> entry = this.next;
			if (entry == null) {
				throw new NoSuchElementException();
			}
			this.next = advance();
			return entry;
		}

	}

}
