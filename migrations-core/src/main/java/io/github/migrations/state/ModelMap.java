package io.github.migrations.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

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

	private static final AtomicLong ids = new AtomicLong();

	private static final ModelMap EMPTY = new ModelMap(Map.of(), Map.of(), 0, 0, null);

	private final Map<ModelKey, ModelState> base;

	private final Map<ModelKey, ModelState> delta;

	private final int size;

	/** This map's identity, for {@link #origin}: kept instead of a reference, so no chain of old maps stays alive. */
	private final long id = ids.incrementAndGet();

	/** The id of the map whose models, with {@link #originKey} put, are the base; 0 for none. */
	private final long origin;

	private final @Nullable ModelKey originKey;

	private ModelMap(Map<ModelKey, ModelState> base, Map<ModelKey, ModelState> delta, int size, long origin,
			@Nullable ModelKey originKey) {
		this.base = base;
		this.delta = delta;
		this.size = size;
		this.origin = origin;
		this.originKey = originKey;
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
		return new ModelMap(copy, Map.of(), copy.size(), 0, null);
	}

	/**
	 * Return this map with a model put under a key (in place if the key is there, else last).
	 */
	ModelMap with(ModelKey key, ModelState model) {
		if (this.delta.size() >= Math.max(MIN_DELTA, (int) Math.sqrt(this.base.size()))) {
			Map<ModelKey, ModelState> flat = flat();
			flat.put(key, model);
			return new ModelMap(flat, Map.of(), flat.size(), this.id, key);
		}
		Map<ModelKey, ModelState> delta = new LinkedHashMap<>(this.delta);
		delta.put(key, model);
		return new ModelMap(this.base, delta, containsKey(key) ? this.size : this.size + 1, this.origin,
				this.originKey);
	}

	/**
	 * Return a copy of this map as one {@link LinkedHashMap}, in its order: a put of a key that is
	 * there keeps the key's place, so the base's copy with the puts since is that order.
	 */
	private Map<ModelKey, ModelState> flat() {
		Map<ModelKey, ModelState> flat = new LinkedHashMap<>(this.base);
		flat.putAll(this.delta);
		return flat;
	}

	/**
	 * Return this map without the model of a key.
	 */
	ModelMap without(ModelKey key) {
		Map<ModelKey, ModelState> flat = flat();
		flat.remove(key);
		return new ModelMap(flat, Map.of(), flat.size(), 0, null);
	}

	/**
	 * Return this map with the models of another added (last) where this one has none.
	 */
	ModelMap withFallback(ModelMap other) {
		if (this.origin == other.id) {
			// derived from the other by puts alone: it has every key of the other
			return this;
		}
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
		Set<ModelKey> candidates;
		if (before.base == this.base && this.delta.keySet().containsAll(before.delta.keySet())) {
			candidates = this.delta.keySet();
		}
		else if (this.origin == before.id && this.originKey != null) {
			// the base is the earlier map's models with one put: that model and those put since
			candidates = new LinkedHashSet<>(this.delta.keySet());
			candidates.add(this.originKey);
		}
		else {
			return null;
		}
		List<ModelState> changed = new ArrayList<>();
		for (ModelKey key : candidates) {
			ModelState model = get(key);
			if (before.get(key) != model) {
				changed.add(model);
			}
		}
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
