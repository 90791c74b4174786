package io.github.migrations.autodetect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.migrations.model.DeclaredModels;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * What one autodetector run knows and has decided so far: both states, the renames found, the
 * operations generated and the warnings to print. Shared by the generators of the run.
 */
final class Detection {

	final ProjectState from;

	final ProjectState to;

	final DeclaredModels declared;

	final Questioner questioner;

	final GeneratedOperations generated = new GeneratedOperations();

	final List<String> warnings = new ArrayList<>();

	/** Model keys of the old state, with renamed models under their new key. */
	final Set<ModelKey> oldModelKeys;

	final Set<ModelKey> newModelKeys;

	/** New model key → old model key. */
	final Map<ModelKey, ModelKey> renamedModels = new LinkedHashMap<>();

	/** Per new model key: new field name → old field name. */
	final Map<ModelKey, Map<String, String>> renamedFields = new LinkedHashMap<>();

	Detection(ProjectState from, DeclaredModels declared, Questioner questioner) {
		this.from = from;
		this.to = declared.state();
		this.declared = declared;
		this.questioner = questioner;
		this.oldModelKeys = new TreeSet<>(from.models().keySet());
		this.newModelKeys = new TreeSet<>(this.to.models().keySet());
	}

	/** What {@link #keptModelKeys()} returned, until a model is renamed. */
	private @Nullable List<ModelKey> kept;

	/**
	 * Return the models present on both sides (renamed ones under their new key), sorted, that
	 * may have changed: while no model is renamed, a model whose old and new states are equal is
	 * left out, since no generator finds anything to do for it (no field, index, constraint,
	 * option or table differs, and no relation's target reads differently). With nothing changed,
	 * the common case of {@code makemigrations --check}, the generators then walk no model.
	 */
	List<ModelKey> keptModelKeys() {
		List<ModelKey> kept = this.kept;
		if (kept == null) {
			kept = new ArrayList<>();
			boolean renames = !this.renamedModels.isEmpty();
			for (ModelKey key : this.oldModelKeys) {
				if (this.newModelKeys.contains(key) && (renames || !same(oldModel(key), newModel(key)))) {
					kept.add(key);
				}
			}
			this.kept = kept;
		}
		return kept;
	}

	/**
	 * Record a renamed model: its old key leaves the old side, its new one takes its place.
	 * @param key the new key
	 * @param renamedFrom the old key
	 */
	void renamed(ModelKey key, ModelKey renamedFrom) {
		this.renamedModels.put(key, renamedFrom);
		this.oldModelKeys.remove(renamedFrom);
		this.oldModelKeys.add(key);
		this.kept = null;
	}

	/**
	 * Return whether two states of a model are equal in every component, as the record's
	 * {@code equals} (written out: the generated one is slow until the JIT compiles it).
	 */
	static boolean same(ModelState old, ModelState current) {
		return old == current || (old.app().equals(current.app()) && old.name().equals(current.name())
				&& Objects.equals(old.dbTable(), current.dbTable()) && old.fields().equals(current.fields())
				&& old.indexes().equals(current.indexes()) && old.constraints().equals(current.constraints())
				&& old.options().equals(current.options()));
	}

	ModelState oldModel(ModelKey newKey) {
		return this.from.find(this.renamedModels.getOrDefault(newKey, newKey));
	}

	ModelState newModel(ModelKey key) {
		return this.to.find(key);
	}

	String oldFieldName(ModelKey model, String newFieldName) {
		return this.renamedFields.getOrDefault(model, Map.of()).getOrDefault(newFieldName, newFieldName);
	}

	/**
	 * Return the field as it would read if relations to renamed models still used the old name,
	 * so that a rename alone does not look like a change of every field pointing at the model.
	 */
	FieldState withOldTargets(FieldState field) {
		FieldType type = field.type();
		FieldType old = type;
		if (type instanceof FieldType.ForeignKey fk) {
			old = fk.withTo(oldTarget(fk.to()));
		}
		else if (type instanceof FieldType.OneToOneField one) {
			old = one.withTo(oldTarget(one.to()));
		}
		else if (type instanceof FieldType.ManyToManyField many) {
			old = many.withModels(oldTarget(many.to()),
					(many.through() != null) ? oldTarget(many.through()) : null);
		}
		return old.equals(type) ? field : new FieldState(old, field.nullable(), field.defaultValue(), field.unique(),
				field.dbIndex(), field.dbColumn(), field.primaryKey(), field.dbDefault(), field.dbComment(),
				field.choices());
	}

	private String oldTarget(String target) {
		ModelKey old = this.renamedModels.get(ModelKey.parse(target));
		return (old != null) ? old.toString() : target;
	}

	/** The dependencies of a relation field: its target and its through model exist. */
	/**
	 * Return the elements of {@code from} that none of {@code minus} contains, sorted: what a
	 * {@code TreeSet} of {@code from} gives after {@code removeAll} of each, but without removing
	 * from the tree, which for two equal sides (the common case: nothing changed) removes every
	 * element and, in a fresh JVM, was most of the comparison of a thousand models.
	 * @param order the order, or {@code null} for the natural order
	 * @param from the elements
	 * @param minus the elements to leave out
	 * @param <T> the element type
	 * @return a new sorted set
	 */
	static <T> SortedSet<T> without(@Nullable Comparator<? super T> order, Collection<T> from, Collection<?>... minus) {
		SortedSet<T> result = new TreeSet<>(order);
		for (T element : from) {
			if (!containedInAny(element, minus)) {
				result.add(element);
			}
		}
		return result;
	}

	private static boolean containedInAny(Object element, Collection<?>[] collections) {
		for (Collection<?> collection : collections) {
			if (collection.contains(element)) {
				return true;
			}
		}
		return false;
	}

	static List<OperationDependency> relationDependencies(FieldState field) {
		List<OperationDependency> dependencies = new ArrayList<>();
		if (field.type().relatedModel() != null) {
			dependencies.add(OperationDependency.created(field.type().relatedModel()));
		}
		if (field.type() instanceof FieldType.ManyToManyField many && many.through() != null) {
			dependencies.add(OperationDependency.created(ModelKey.parse(many.through())));
		}
		return dependencies;
	}

	/** The dependencies of every relation field of a model, as Django's {@code _get_dependencies_for_model}. */
	List<OperationDependency> modelDependencies(ModelKey key) {
		List<OperationDependency> dependencies = new ArrayList<>();
		newModel(key).fields().values().forEach((field) -> dependencies.addAll(relationDependencies(field)));
		return dependencies;
	}

	static boolean isRelation(FieldState field) {
		return field.type().relatedModel() != null;
	}

	static boolean isManyToMany(FieldState field) {
		return field.type() instanceof FieldType.ManyToManyField;
	}

}
