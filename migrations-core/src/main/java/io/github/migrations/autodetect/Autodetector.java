package io.github.migrations.autodetect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.migrations.CommandException;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * Compares the state the migrations produce with the declared models and writes the operations
 * that take one to the other, grouped into one new migration per app, as Django's
 * {@code MigrationAutodetector}. Operations are generated in Django's order (deleted models,
 * created models, renamed, removed, added, altered fields) and then sorted by their dependencies.
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
		List<String> warnings = new ArrayList<>();
		Map<String, OperationList> byApp = detect(warnings);
		Map<String, OperationList> selected = trimToApps(byApp, apps);
		return new Changes(arrange(selected, leafOf, migrationName, now), warnings);
	}

	private Map<String, OperationList> detect(List<String> warnings) {
		ProjectState toState = this.to.state();
		Map<String, OperationList> ops = new TreeMap<>();
		Set<ModelKey> oldKeys = new TreeSet<>(this.from.models().keySet());
		Set<ModelKey> newKeys = new TreeSet<>(toState.models().keySet());
		// deleted models
		for (ModelKey key : oldKeys) {
			if (!newKeys.contains(key)) {
				ModelState model = this.from.find(key);
				list(ops, key.app()).addDeletion(new DeleteModel(model.name()), key, relatedModels(model));
			}
		}
		// created models
		for (ModelKey key : newKeys) {
			if (!oldKeys.contains(key)) {
				ModelState model = toState.find(key);
				list(ops, key.app()).add(new CreateModel(model.name(), model.fields(), model.dbTable()), key,
						relatedModels(model));
			}
		}
		for (ModelKey key : newKeys) {
			if (oldKeys.contains(key)) {
				detectFieldChanges(ops, this.from.find(key), toState.find(key), warnings);
			}
		}
		ops.values().removeIf(OperationList::isEmpty);
		ops.values().forEach(OperationList::addDeletionDependencies);
		return ops;
	}

	private void detectFieldChanges(Map<String, OperationList> ops, ModelState old, ModelState current,
			List<String> warnings) {
		ModelKey key = current.key();
		String modelName = current.name().toLowerCase(Locale.ROOT);
		OperationList list = list(ops, key.app());
		Set<String> removed = new TreeSet<>(old.fields().keySet());
		removed.removeAll(current.fields().keySet());
		Set<String> added = new TreeSet<>(current.fields().keySet());
		added.removeAll(old.fields().keySet());
		Map<String, String> renames = this.to.fieldRenames().getOrDefault(key, Map.of());
		Map<String, String> renamed = new LinkedHashMap<>();
		for (String newName : added) {
			String oldName = renames.get(newName);
			if (oldName != null && removed.contains(oldName)) {
				renamed.put(newName, oldName);
			}
		}
		for (Map.Entry<String, String> rename : renamed.entrySet()) {
			list.add(new RenameField(modelName, rename.getValue(), rename.getKey()), key, Set.of());
			removed.remove(rename.getValue());
			added.remove(rename.getKey());
		}
		for (String name : removed) {
			list.add(new RemoveField(modelName, name), key, Set.of());
		}
		for (String name : added) {
			FieldState field = current.field(name);
			boolean preserveDefault = true;
			if (!field.nullable() && !field.hasDefault() && !field.primaryKey()) {
				field = field.withDefault(this.questioner.askNotNullAddition(key.app(), modelName, name, field));
				preserveDefault = false;
			}
			list.add(new AddField(modelName, name, field, preserveDefault), key, relatedModels(field));
		}
		warnProbableRenames(warnings, current, removed, added, old);
		Set<String> kept = new TreeSet<>(current.fields().keySet());
		kept.removeAll(added);
		for (String name : kept) {
			String oldName = renamed.getOrDefault(name, name);
			FieldState before = old.field(oldName);
			FieldState after = current.field(name);
			if (!before.equals(after)) {
				list.add(new AlterField(modelName, name, after, true), key, relatedModels(after));
			}
		}
	}

	private void warnProbableRenames(List<String> warnings, ModelState model, Set<String> removed, Set<String> added,
			ModelState old) {
		for (String oldName : removed) {
			for (String newName : added) {
				if (old.field(oldName).type().equals(model.field(newName).type())) {
					warnings.add("Field " + model.app() + "." + model.name() + "." + oldName + " is removed and "
							+ newName + " is added with the same type: the data in column '"
							+ old.field(oldName).column(oldName) + "' will be lost. If this is a rename, annotate the field with @RenamedFrom(\""
							+ oldName + "\") and run makemigrations again.");
				}
			}
		}
	}

	private static Set<ModelKey> relatedModels(ModelState model) {
		Set<ModelKey> related = new LinkedHashSet<>();
		model.fields().values().forEach((field) -> related.addAll(relatedModels(field)));
		return related;
	}

	private static Set<ModelKey> relatedModels(FieldState field) {
		Set<ModelKey> related = new LinkedHashSet<>();
		if (field.type().relatedModel() != null) {
			related.add(field.type().relatedModel());
		}
		if (field.type() instanceof FieldType.ManyToManyField manyToMany && manyToMany.through() != null) {
			related.add(ModelKey.parse(manyToMany.through()));
		}
		return related;
	}

	private static OperationList list(Map<String, OperationList> ops, String app) {
		return ops.computeIfAbsent(app, OperationList::new);
	}

	private Map<String, OperationList> trimToApps(Map<String, OperationList> byApp, Set<String> apps) {
		if (apps.isEmpty()) {
			return byApp;
		}
		Set<String> keep = new TreeSet<>();
		List<String> pending = new ArrayList<>(apps);
		while (!pending.isEmpty()) {
			String app = pending.remove(pending.size() - 1);
			if (keep.add(app) && byApp.containsKey(app)) {
				byApp.get(app).externalApps().forEach(pending::add);
			}
		}
		Map<String, OperationList> result = new TreeMap<>();
		byApp.forEach((app, list) -> {
			if (keep.contains(app)) {
				result.put(app, list);
			}
		});
		return result;
	}

	private Map<String, List<Migration>> arrange(Map<String, OperationList> byApp,
			Function<String, @Nullable MigrationKey> leafOf, @Nullable String migrationName, LocalDateTime now) {
		Map<String, MigrationKey> newKeys = new TreeMap<>();
		Map<String, Boolean> initial = new TreeMap<>();
		for (Map.Entry<String, OperationList> entry : byApp.entrySet()) {
			String app = entry.getKey();
			MigrationKey leaf = leafOf.apply(app);
			boolean isInitial = leaf == null;
			int number = (leaf != null) ? MigrationNamer.parseNumber(leaf.name()) + 1 : 1;
			String fragment = (migrationName != null) ? migrationName
					: MigrationNamer.suggestName(entry.getValue().sorted(), isInitial, now);
			newKeys.put(app, new MigrationKey(app, MigrationNamer.name(number, fragment)));
			initial.put(app, isInitial);
		}
		Map<String, List<Migration>> result = new TreeMap<>();
		for (Map.Entry<String, OperationList> entry : byApp.entrySet()) {
			String app = entry.getKey();
			Set<MigrationKey> dependencies = new TreeSet<>();
			MigrationKey leaf = leafOf.apply(app);
			if (leaf != null) {
				dependencies.add(leaf);
			}
			for (String other : entry.getValue().externalApps()) {
				MigrationKey dependency = newKeys.containsKey(other) ? newKeys.get(other) : leafOf.apply(other);
				if (dependency == null) {
					dependency = new MigrationKey(other, MigrationKey.FIRST);
				}
				dependencies.add(dependency);
			}
			result.put(app, List.of(Migration.of(newKeys.get(app), List.copyOf(dependencies), entry.getValue().sorted(),
					initial.get(app))));
		}
		checkNoCycleBetweenNewMigrations(result);
		return result;
	}

	private static void checkNoCycleBetweenNewMigrations(Map<String, List<Migration>> result) {
		for (List<Migration> migrations : result.values()) {
			for (Migration migration : migrations) {
				for (MigrationKey dependency : migration.dependencies()) {
					List<Migration> other = result.get(dependency.app());
					if (other != null && !dependency.app().equals(migration.app()) && other.stream()
						.anyMatch((m) -> m.key().equals(dependency) && m.dependencies().stream()
							.anyMatch((d) -> d.app().equals(migration.app())))) {
						throw new CommandException("Cannot resolve operation dependencies: apps '" + migration.app()
								+ "' and '" + dependency.app() + "' reference each other in new models, which needs the migrations split in two; that is not supported yet. Declare one of the foreign keys after the first makemigrations run, then run makemigrations again.");
					}
				}
			}
		}
	}

}
