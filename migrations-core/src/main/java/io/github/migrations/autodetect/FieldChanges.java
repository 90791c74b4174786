package io.github.migrations.autodetect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import org.jspecify.annotations.Nullable;

/**
 * The field generators of the autodetector, as Django's {@code create_renamed_fields},
 * {@code generate_renamed_fields}, {@code generate_removed_fields},
 * {@code generate_added_fields} and {@code generate_altered_fields}. A rename declared with
 * {@code @RenamedFrom} is taken without asking, and may come with other changes of the field.
 */
final class FieldChanges {

	private final Detection detection;

	/** Renames to generate, in the order they were found. */
	private final List<Rename> renames = new ArrayList<>();

	/** Renamed fields already brought to their new definition before the rename. */
	private final Set<String> alteredBeforeRename = new TreeSet<>();

	FieldChanges(Detection detection) {
		this.detection = detection;
	}

	/**
	 * Work out renamed fields: the declared ones of a model first, so that none of their old
	 * fields is offered to, or warned about for, another added field; then those the questioner
	 * confirms.
	 */
	void findRenames() {
		for (ModelKey key : this.detection.keptModelKeys()) {
			ModelState old = this.detection.oldModel(key);
			ModelState current = this.detection.newModel(key);
			Set<String> removed = Detection.without(null, old.fields().keySet(), current.fields().keySet());
			Set<String> added = Detection.without(null, current.fields().keySet(), old.fields().keySet());
			Map<String, String> declared = this.detection.declared.fieldRenames().getOrDefault(key, Map.of());
			List<Rename> found = new ArrayList<>();
			for (String newName : added) {
				String oldName = declared.get(newName);
				if (oldName != null && removed.remove(oldName)) {
					found.add(new Rename(key, oldName, newName));
				}
			}
			found.forEach((rename) -> added.remove(rename.newName));
			for (String newName : added) {
				String oldName = askedRename(key, old, current, removed, newName);
				if (oldName != null) {
					removed.remove(oldName);
					found.add(new Rename(key, oldName, newName));
				}
			}
			found.sort(Comparator.comparing(Rename::newName));
			for (Rename rename : found) {
				this.renames.add(rename);
				this.detection.renamedFields.computeIfAbsent(key, (k) -> new LinkedHashMap<>())
					.put(rename.newName, rename.oldName);
			}
		}
	}

	private @Nullable String askedRename(ModelKey key, ModelState old, ModelState current, Set<String> removed,
			String newName) {
		FieldState field = current.field(newName);
		FieldState candidate = this.detection.withOldTargets(field);
		Set<String> declined = new TreeSet<>();
		for (String oldName : removed) {
			FieldState oldField = this.detection.withOldTargets(old.field(oldName));
			boolean same = oldField.equals(candidate)
					|| oldField.withDbColumn(oldField.column(oldName)).equals(candidate);
			if (same) {
				if (this.detection.questioner.askRename(key, oldName, newName, field)) {
					return oldName;
				}
				declined.add(oldName);
			}
		}
		for (String oldName : removed) {
			FieldState oldField = old.field(oldName);
			if (!declined.contains(oldName) && oldField.type().getClass() == field.type().getClass()) {
				this.detection.warnings.add("Field " + key.app() + "." + current.name() + "." + oldName
						+ " is removed and " + newName + " is added with the same type: the data in column '"
						+ oldField.column(oldName) + "' of table '" + old.table()
						+ "' will be lost. If this is a rename, annotate the field with @RenamedFrom(\"" + oldName
						+ "\") and run makemigrations again.");
			}
		}
		return null;
	}

	/** Generate the renames, each preceded by an AlterField when the column is kept by name. */
	void generateRenamed() {
		for (Rename rename : this.renames) {
			String modelName = rename.model.name();
			FieldState oldField = this.detection.oldModel(rename.model).field(rename.oldName);
			FieldState newField = this.detection.newModel(rename.model).field(rename.newName);
			if (!Objects.equals(oldField.dbColumn(), newField.dbColumn())) {
				this.detection.generated.add(rename.model.app(),
						new AlterField(modelName, rename.oldName, newField, true), List.of());
				this.alteredBeforeRename.add(rename.model + "." + rename.newName);
			}
			this.detection.generated.add(rename.model.app(),
					new RenameField(modelName, rename.oldName, rename.newName), List.of());
		}
	}

	void generateRemoved() {
		for (ModelKey key : this.detection.keptModelKeys()) {
			for (String name : removedFields(key)) {
				generateRemoved(key, name);
			}
		}
	}

	void generateAdded() {
		for (ModelKey key : this.detection.keptModelKeys()) {
			for (String name : addedFields(key)) {
				generateAdded(key, name);
			}
		}
	}

	void generateAltered() {
		for (ModelKey key : this.detection.keptModelKeys()) {
			ModelState current = this.detection.newModel(key);
			Set<String> kept = new TreeSet<>(current.fields().keySet());
			kept.removeAll(addedFields(key));
			for (String name : kept) {
				if (!this.alteredBeforeRename.isEmpty() && this.alteredBeforeRename.contains(key + "." + name)) {
					continue;
				}
				String oldName = this.detection.oldFieldName(key, name);
				FieldState before = this.detection.oldModel(key).field(oldName);
				FieldState after = current.field(name);
				if (before.equals(this.detection.withOldTargets(after))) {
					continue;
				}
				if (Detection.isManyToMany(before) != Detection.isManyToMany(after)) {
					generateRemoved(key, name);
					generateAdded(key, name);
					continue;
				}
				generateAlteredField(key, name, before, after);
			}
		}
	}

	private void generateAlteredField(ModelKey key, String name, FieldState before, FieldState after) {
		FieldState field = after;
		boolean preserveDefault = true;
		if (before.nullable() && !after.nullable() && !after.hasDefault() && after.dbDefault() == null
				&& !Detection.isManyToMany(after)) {
			String oneOff = this.detection.questioner.askNotNullAlteration(key.app(), key.name(), name, after);
			if (oneOff != null) {
				field = after.withDefault(oneOff);
				preserveDefault = false;
			}
			else {
				this.detection.warnings.add("Field '" + name + "' on model '" + key.name()
						+ "' given a default of NOT PROVIDED and must be corrected: rows where "
						+ before.column(name) + " is NULL will make migrate fail. Give the field a default or a "
						+ "database default, or fill those rows with a RunSql operation before this one.");
			}
		}
		this.detection.generated.add(key.app(), new AlterField(key.name(), name, field, preserveDefault),
				Detection.relationDependencies(after));
	}

	private void generateRemoved(ModelKey key, String name) {
		this.detection.generated.add(key.app(), new RemoveField(key.name(), name), List.of());
	}

	private void generateAdded(ModelKey key, String name) {
		FieldState field = this.detection.newModel(key).field(name);
		List<OperationDependency> dependencies = new ArrayList<>();
		dependencies.add(OperationDependency.removed(key, name));
		dependencies.addAll(Detection.relationDependencies(field));
		boolean preserveDefault = field.nullable() || field.hasDefault() || field.dbDefault() != null
				|| Detection.isManyToMany(field) || field.type().isAutoField();
		if (!preserveDefault) {
			field = field.withDefault(this.detection.questioner.askNotNullAddition(key.app(),
					key.name().toLowerCase(Locale.ROOT), name, field));
		}
		this.detection.generated.add(key.app(), new AddField(key.name(), name, field, preserveDefault), dependencies);
	}

	private Set<String> removedFields(ModelKey key) {
		return Detection.without(null, this.detection.oldModel(key).fields().keySet(),
				this.detection.renamedFields.getOrDefault(key, Map.of()).values(),
				this.detection.newModel(key).fields().keySet());
	}

	private Set<String> addedFields(ModelKey key) {
		return Detection.without(null, this.detection.newModel(key).fields().keySet(),
				this.detection.oldModel(key).fields().keySet(),
				this.detection.renamedFields.getOrDefault(key, Map.of()).keySet());
	}

	private record Rename(ModelKey model, String oldName, String newName) {
	}

}
