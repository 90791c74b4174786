package io.github.migrations.autodetect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.migrations.autodetect.GeneratedOperations.Generated;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterModelOptions;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Compares the state the migrations produce with the declared models and writes the operations
 * that take one to the other, as Django's {@code MigrationAutodetector}: the same generators in
 * the same order (renamed, deleted and created models, options, renamed, removed, added and
 * altered fields, indexes, constraints, tables), each operation with its dependencies; then one
 * app's operations are sorted by them, cut into migrations across apps, optimized and named.
 * Renames declared with {@code @RenamedFrom} are taken without asking; others are asked to the
 * {@link Questioner}, and when it declines, a warning names the data that would be lost.
 *
 * @since 0.1
 */
public final class Autodetector {

	private final ProjectState from;

	private final DeclaredModels to;

	private final Questioner questioner;

	/**
	 * Create an autodetector.
	 * @param from the state produced by the existing migrations
	 * @param to the declared models
	 * @param questioner who answers questions
	 */
	public Autodetector(ProjectState from, DeclaredModels to, Questioner questioner) {
		this.from = from;
		this.to = to;
		this.questioner = questioner;
	}

	/**
	 * Detect changes and arrange them into named migrations.
	 * @param leafOf the current leaf migration of an app, or {@code null} when it has none
	 * @param apps restrict to these apps (and the apps they depend on); empty for all
	 * @param migrationName a name fragment given by the user, or {@code null}
	 * @param now the local time, for automatic names
	 * @return the changes
	 */
	public Changes changes(Function<String, @Nullable MigrationKey> leafOf, Set<String> apps,
			@Nullable String migrationName, LocalDateTime now) {
		Detection detection = new Detection(this.from, this.to, this.questioner);
		detect(detection);
		Map<String, List<Generated>> sorted = new TreeMap<>();
		detection.generated.byApp().forEach((app, operations) -> {
			if (!operations.isEmpty()) {
				sorted.put(app, OperationSorter.sort(app, operations));
			}
		});
		Map<String, List<Migration>> migrations = new MigrationBuilder(sorted, leafOf, this.from.apps())
			.build(migrationName, now);
		return new Changes(trimToApps(migrations, apps), detection.warnings);
	}

	private void detect(Detection detection) {
		FieldChanges fields = new FieldChanges(detection);
		IndexChanges indexes = new IndexChanges(detection);
		generateRenamedModels(detection);
		generateDeletedModels(detection);
		generateCreatedModels(detection);
		generateAlteredOptions(detection);
		fields.findRenames();
		indexes.compare();
		indexes.generateRemovedConstraints();
		indexes.generateRemovedIndexes();
		fields.generateRenamed();
		indexes.generateRenamedIndexes();
		fields.generateRemoved();
		fields.generateAdded();
		fields.generateAltered();
		indexes.generateAddedIndexes();
		indexes.generateAddedConstraints();
		generateAlteredDbTable(detection);
	}

	/**
	 * Work out renamed models: the declared ones first, so that none of their old models is
	 * offered to, or warned about for, another added model; then those the questioner confirms.
	 */
	private void generateRenamedModels(Detection detection) {
		Set<ModelKey> added = Detection.without(null, detection.newModelKeys, detection.oldModelKeys);
		for (ModelKey key : added) {
			ModelKey renamedFrom = declaredRename(detection, key, removedModelKeys(detection));
			if (renamedFrom != null) {
				generateRenamedModel(detection, key, renamedFrom);
			}
		}
		for (ModelKey key : added) {
			if (!detection.renamedModels.containsKey(key)) {
				ModelKey renamedFrom = askedRename(detection, detection.newModel(key), removedModelKeys(detection));
				if (renamedFrom != null) {
					generateRenamedModel(detection, key, renamedFrom);
				}
			}
		}
	}

	private static Set<ModelKey> removedModelKeys(Detection detection) {
		return Detection.without(null, detection.oldModelKeys, detection.newModelKeys);
	}

	private static void generateRenamedModel(Detection detection, ModelKey key, ModelKey renamedFrom) {
		ModelState model = detection.newModel(key);
		ModelState old = detection.from.find(renamedFrom);
		List<OperationDependency> dependencies = new ArrayList<>();
		model.fields().values().forEach((field) -> dependencies.addAll(Detection.relationDependencies(field)));
		detection.generated.add(key.app(), new RenameModel(old.name(), model.name()), dependencies);
		detection.renamed(key, renamedFrom);
	}

	private static @Nullable ModelKey declaredRename(Detection detection, ModelKey key, Set<ModelKey> removed) {
		String oldName = detection.declared.modelRenames().get(key);
		if (oldName == null) {
			return null;
		}
		ModelKey old = new ModelKey(key.app(), oldName);
		return removed.contains(old) ? old : null;
	}

	private @Nullable ModelKey askedRename(Detection detection, ModelState model, Set<ModelKey> removed) {
		for (ModelKey candidate : removed) {
			if (!candidate.app().equals(model.app())) {
				continue;
			}
			ModelState old = detection.from.find(candidate);
			if (relationAgnosticFields(old).equals(relationAgnosticFields(model))) {
				if (this.questioner.askRenameModel(old, model)) {
					return candidate;
				}
				detection.warnings.add("Model " + old.app() + "." + old.name() + " is removed and " + model.name()
						+ " is added with the same fields: the rows of table '" + old.table()
						+ "' will be lost. If this is a rename, annotate the class with @RenamedFrom(\"" + old.name()
						+ "\") and run makemigrations again.");
			}
		}
		return null;
	}

	/** The fields with relation targets left out, as Django's {@code only_relation_agnostic_fields}. */
	private static Map<String, FieldState> relationAgnosticFields(ModelState model) {
		Map<String, FieldState> fields = new TreeMap<>();
		model.fields().forEach((name, field) -> {
			FieldType type = field.type();
			FieldType agnostic = type;
			if (type instanceof FieldType.ForeignKey fk) {
				agnostic = fk.withTo("_._");
			}
			else if (type instanceof FieldType.OneToOneField one) {
				agnostic = one.withTo("_._");
			}
			else if (type instanceof FieldType.ManyToManyField many) {
				agnostic = many.withModels("_._", many.through());
			}
			fields.put(name, new FieldState(agnostic, field.nullable(), field.defaultValue(), field.unique(),
					field.dbIndex(), field.dbColumn(), field.primaryKey(), field.dbDefault(), field.dbComment(),
					field.choices()));
		});
		return fields;
	}

	private void generateDeletedModels(Detection detection) {
		Set<ModelKey> deleted = Detection.without(null, detection.oldModelKeys, detection.newModelKeys);
		for (ModelKey key : deleted) {
			ModelState model = detection.from.find(key);
			Set<String> related = new TreeSet<>();
			model.fields().forEach((name, field) -> {
				if (Detection.isRelation(field)) {
					related.add(name);
				}
			});
			for (String name : related) {
				detection.generated.add(key.app(), new RemoveField(key.name(), name), List.of());
			}
			Set<OperationDependency> dependencies = new LinkedHashSet<>();
			for (ModelState other : detection.from.models().values()) {
				other.fields().forEach((name, field) -> {
					if (key.equals(field.type().relatedModel())) {
						dependencies.add(OperationDependency.removed(other.key(), name));
						if (!Detection.isManyToMany(field)) {
							dependencies.add(OperationDependency.altered(other.key(), name));
						}
					}
					if (field.type() instanceof FieldType.ManyToManyField many && many.through() != null
							&& ModelKey.parse(many.through()).equals(key)) {
						dependencies.add(OperationDependency.removed(other.key(), name));
					}
				});
			}
			related.forEach((name) -> dependencies.add(OperationDependency.removed(key, name)));
			detection.generated.add(key.app(), new DeleteModel(model.name()), List.copyOf(dependencies));
		}
	}

	private void generateCreatedModels(Detection detection) {
		Set<ModelKey> added = Detection.without(java.util.Comparator.reverseOrder(), detection.newModelKeys,
				detection.oldModelKeys);
		for (ModelKey key : added) {
			ModelState model = detection.newModel(key);
			Map<String, FieldState> inline = new LinkedHashMap<>();
			Map<String, FieldState> related = new TreeMap<>();
			List<OperationDependency> dependencies = new ArrayList<>();
			dependencies.add(OperationDependency.removed(key));
			model.fields().forEach((name, field) -> {
				if (Detection.isRelation(field) && field.primaryKey()) {
					dependencies.add(OperationDependency.created(field.type().relatedModel()));
					inline.put(name, field);
				}
				else if (Detection.isRelation(field)) {
					related.put(name, field);
				}
				else {
					inline.put(name, field);
				}
			});
			detection.generated.addFirst(key.app(), new CreateModel(model.name(), inline, model.dbTable(), List.of(),
					List.of(), model.options()), dependencies);
			related.forEach((name, field) -> {
				List<OperationDependency> fieldDependencies = new ArrayList<>(Detection.relationDependencies(field));
				fieldDependencies.add(OperationDependency.created(key));
				detection.generated.add(key.app(), new AddField(key.name(), name, field, true), fieldDependencies);
			});
			List<OperationDependency> relatedDependencies = new ArrayList<>();
			related.keySet().forEach((name) -> relatedDependencies.add(OperationDependency.created(key, name)));
			relatedDependencies.add(OperationDependency.created(key));
			for (IndexState index : model.indexes()) {
				detection.generated.add(key.app(), new AddIndex(key.name(), index), relatedDependencies);
			}
			for (ConstraintState constraint : model.constraints()) {
				detection.generated.add(key.app(), new AddConstraint(key.name(), constraint), relatedDependencies);
			}
		}
	}

	private void generateAlteredOptions(Detection detection) {
		for (ModelKey key : detection.keptModelKeys()) {
			ModelOptions old = detection.oldModel(key).options();
			ModelOptions current = detection.newModel(key).options();
			if (!old.equals(current)) {
				detection.generated.add(key.app(), new AlterModelOptions(key.name(), current), List.of());
			}
		}
	}

	private void generateAlteredDbTable(Detection detection) {
		for (ModelKey key : detection.keptModelKeys()) {
			String old = detection.oldModel(key).dbTable();
			String current = detection.newModel(key).dbTable();
			if (!Objects.equals(old, current)) {
				detection.generated.add(key.app(), new AlterModelTable(key.name(), current), List.of());
			}
		}
	}

	/** Keep the given apps and, transitively, the apps their new migrations depend on. */
	private static Map<String, List<Migration>> trimToApps(Map<String, List<Migration>> migrations, Set<String> apps) {
		if (apps.isEmpty()) {
			return migrations;
		}
		Set<String> required = new TreeSet<>(apps);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (String app : List.copyOf(required)) {
				for (Migration migration : migrations.getOrDefault(app, List.of())) {
					for (MigrationKey dependency : migration.dependencies()) {
						grew |= required.add(dependency.app());
					}
				}
			}
		}
		Map<String, List<Migration>> result = new TreeMap<>();
		migrations.forEach((app, list) -> {
			if (required.contains(app)) {
				result.put(app, list);
			}
		});
		return result;
	}

}
