package io.github.migrations.autodetect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.state.ModelKey;

/**
 * The operations generated for one app, with what each needs to exist first, sorted by those
 * needs while keeping generation order wherever the needs allow.
 */
final class OperationList {

	private final String app;

	private final List<Entry> entries = new ArrayList<>();

	OperationList(String app) {
		this.app = app;
	}

	boolean isEmpty() {
		return this.entries.isEmpty();
	}

	void add(Operation operation, ModelKey model, Set<ModelKey> references) {
		this.entries.add(new Entry(operation, model, references, Set.of(), new LinkedHashSet<>()));
	}

	void addDeletion(DeleteModel operation, ModelKey model, Set<ModelKey> oldReferences) {
		this.entries.add(new Entry(operation, model, Set.of(), oldReferences, new LinkedHashSet<>()));
	}

	/**
	 * Make each deletion wait for this app's field changes (which drop references to the deleted
	 * model) and for the deletion of every model that referenced it.
	 */
	void addDeletionDependencies() {
		for (Entry deletion : this.entries) {
			if (!(deletion.operation() instanceof DeleteModel)) {
				continue;
			}
			for (Entry other : this.entries) {
				boolean fieldChange = !(other.operation() instanceof CreateModel)
						&& !(other.operation() instanceof DeleteModel);
				boolean referencingDeletion = other != deletion && other.operation() instanceof DeleteModel
						&& other.oldReferences().contains(deletion.model());
				if (fieldChange || referencingDeletion) {
					deletion.after().add(other);
				}
			}
		}
	}

	/**
	 * Return the apps this app's operations reference.
	 * @return other app labels, sorted
	 */
	Set<String> externalApps() {
		Set<String> apps = new TreeSet<>();
		for (Entry entry : this.entries) {
			entry.references().forEach((reference) -> {
				if (!reference.app().equals(this.app)) {
					apps.add(reference.app());
				}
			});
		}
		return apps;
	}

	/**
	 * Return the operations in generation order, except that an operation comes after the
	 * creation of every model of this app it references, and deletions come after the
	 * operations they wait for.
	 * @return the sorted operations
	 */
	List<Operation> sorted() {
		List<Entry> pending = new ArrayList<>(this.entries);
		List<Entry> placed = new ArrayList<>();
		while (!pending.isEmpty()) {
			Entry next = pending.stream().filter((entry) -> ready(entry, pending)).findFirst().orElse(pending.get(0));
			pending.remove(next);
			placed.add(next);
		}
		return placed.stream().map(Entry::operation).toList();
	}

	private boolean ready(Entry entry, List<Entry> pending) {
		for (Entry other : pending) {
			if (other == entry) {
				continue;
			}
			if (other.operation() instanceof CreateModel && entry.references().contains(other.model())) {
				return false;
			}
			if (entry.after().contains(other)) {
				return false;
			}
		}
		return true;
	}

	private record Entry(Operation operation, ModelKey model, Set<ModelKey> references, Set<ModelKey> oldReferences,
			Set<Entry> after) {

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
