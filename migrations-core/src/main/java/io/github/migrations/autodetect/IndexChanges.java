package io.github.migrations.autodetect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RenameIndex;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;

/**
 * The index and constraint generators of the autodetector, as Django's
 * {@code create_altered_indexes}, {@code create_altered_constraints} and the generators of added,
 * removed and renamed indexes and constraints. An index that differs only by name is renamed.
 * Unlike Django, indexes and constraints over a renamed field are compared under the field's new
 * name, so a field rename alone does not drop and recreate them.
 */
final class IndexChanges {

	private final Detection detection;

	private final Map<ModelKey, Altered> altered = new LinkedHashMap<>();

	IndexChanges(Detection detection) {
		this.detection = detection;
	}

	/** Work out added, removed and renamed indexes and constraints of the kept models. */
	void compare() {
		// plain loops rather than streams and lambdas: this runs once per model, usually as the first
		// code of a fresh JVM (makemigrations --check), where each lambda and stream costs a bootstrap
		for (ModelKey key : this.detection.keptModelKeys()) {
			ModelState old = this.detection.oldModel(key);
			ModelState current = this.detection.newModel(key);
			Map<String, String> renamedFields = oldToNewFieldNames(key);
			List<IndexState> oldIndexes = new ArrayList<>(old.indexes().size());
			for (IndexState index : old.indexes()) {
				oldIndexes.add(renamed(index, renamedFields));
			}
			List<IndexState> added = new ArrayList<>(current.indexes());
			added.removeAll(oldIndexes);
			List<IndexState> removed = new ArrayList<>(oldIndexes);
			removed.removeAll(current.indexes());
			List<RenameIndex> renamedIndexes = new ArrayList<>();
			for (IndexState index : List.copyOf(added)) {
				for (IndexState candidate : List.copyOf(removed)) {
					if (candidate.withName(index.name()).equals(index)) {
						renamedIndexes.add(new RenameIndex(key.name(), index.name(), candidate.name()));
						added.remove(index);
						removed.remove(candidate);
						break;
					}
				}
			}
			List<ConstraintState> oldConstraints = new ArrayList<>(old.constraints().size());
			for (ConstraintState constraint : old.constraints()) {
				oldConstraints.add(renamed(constraint, renamedFields));
			}
			List<ConstraintState> addedConstraints = new ArrayList<>(current.constraints());
			addedConstraints.removeAll(oldConstraints);
			List<ConstraintState> removedConstraints = new ArrayList<>(oldConstraints);
			removedConstraints.removeAll(current.constraints());
			this.altered.put(key, new Altered(added, removed, renamedIndexes, addedConstraints, removedConstraints));
		}
	}

	void generateRemovedConstraints() {
		for (Map.Entry<ModelKey, Altered> entry : this.altered.entrySet()) {
			ModelKey key = entry.getKey();
			for (ConstraintState constraint : entry.getValue().removedConstraints) {
				this.detection.generated.add(key.app(), new RemoveConstraint(key.name(), constraint.name()), List.of());
			}
		}
	}

	void generateRemovedIndexes() {
		for (Map.Entry<ModelKey, Altered> entry : this.altered.entrySet()) {
			ModelKey key = entry.getKey();
			for (IndexState index : entry.getValue().removedIndexes) {
				this.detection.generated.add(key.app(), new RemoveIndex(key.name(), index.name()), List.of());
			}
		}
	}

	void generateRenamedIndexes() {
		for (Map.Entry<ModelKey, Altered> entry : this.altered.entrySet()) {
			for (RenameIndex rename : entry.getValue().renamedIndexes) {
				this.detection.generated.add(entry.getKey().app(), rename, List.of());
			}
		}
	}

	void generateAddedIndexes() {
		for (Map.Entry<ModelKey, Altered> entry : this.altered.entrySet()) {
			ModelKey key = entry.getKey();
			for (IndexState index : entry.getValue().addedIndexes) {
				this.detection.generated.add(key.app(), new AddIndex(key.name(), index),
						this.detection.modelDependencies(key));
			}
		}
	}

	void generateAddedConstraints() {
		for (Map.Entry<ModelKey, Altered> entry : this.altered.entrySet()) {
			ModelKey key = entry.getKey();
			for (ConstraintState constraint : entry.getValue().addedConstraints) {
				this.detection.generated.add(key.app(), new AddConstraint(key.name(), constraint),
						this.detection.modelDependencies(key));
			}
		}
	}

	private Map<String, String> oldToNewFieldNames(ModelKey key) {
		Map<String, String> renamed = this.detection.renamedFields.get(key);
		if (renamed == null || renamed.isEmpty()) {
			return Map.of();
		}
		Map<String, String> oldToNew = new HashMap<>();
		for (Map.Entry<String, String> entry : renamed.entrySet()) {
			oldToNew.put(entry.getValue(), entry.getKey());
		}
		return oldToNew;
	}

	private static IndexState renamed(IndexState index, Map<String, String> oldToNew) {
		if (oldToNew.isEmpty()) {
			return index;
		}
		List<String> fields = index.fields().stream().map((field) -> {
			String prefix = field.startsWith("-") ? "-" : "";
			String name = field.substring(prefix.length());
			return prefix + oldToNew.getOrDefault(name, name);
		}).toList();
		return new IndexState(index.name(), fields, index.condition());
	}

	private static ConstraintState renamed(ConstraintState constraint, Map<String, String> oldToNew) {
		if (oldToNew.isEmpty() || !(constraint instanceof ConstraintState.Unique unique)) {
			return constraint;
		}
		return new ConstraintState.Unique(unique.name(),
				unique.fields().stream().map((field) -> oldToNew.getOrDefault(field, field)).toList(), unique.condition());
	}

	private record Altered(List<IndexState> addedIndexes, List<IndexState> removedIndexes,
			List<RenameIndex> renamedIndexes, List<ConstraintState> addedConstraints,
			List<ConstraintState> removedConstraints) {
	}

}
