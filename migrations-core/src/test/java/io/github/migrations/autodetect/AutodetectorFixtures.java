package io.github.migrations.autodetect;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.DeclaredModels;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * States and shortcuts for autodetector tests, in the shape of Django's
 * {@code tests/migrations/test_autodetector.py}.
 */
abstract class AutodetectorFixtures {

	static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 9, 1);

	static final FieldState ID = FieldState.of(new FieldType.BigAutoField());

	static final FieldState NAME = FieldState.of(new FieldType.CharField(200));

	static Changes changes(ProjectState before, ProjectState after, Map<String, String> renames,
			MigrationKey... leaves) {
		Map<ModelKey, Map<String, String>> intents = renames.isEmpty() ? Map.of()
				: Map.of(new ModelKey("testapp", "author"), renames);
		Map<String, MigrationKey> leafByApp = new LinkedHashMap<>();
		for (MigrationKey leaf : leaves) {
			leafByApp.put(leaf.app(), leaf);
		}
		return new Autodetector(before, new DeclaredModels(after, intents), new NonInteractiveQuestioner())
			.changes(leafByApp::get, Set.of(), null, NOW);
	}

	static Migration only(Changes changes, String app) {
		assertThat(changes.migrations()).as("changes: %s", changes).containsKey(app);
		assertThat(changes.migrations().get(app)).as("changes: %s", changes).hasSize(1);
		return changes.migrations().get(app).get(0);
	}

	static MigrationKey leaf(String app, String name) {
		return new MigrationKey(app, name);
	}

	static ModelState author(Map<String, FieldState> fields) {
		Map<String, FieldState> all = new LinkedHashMap<>();
		all.put("id", ID);
		all.putAll(fields);
		return new ModelState("testapp", "Author", all, null);
	}

	static Map<String, FieldState> fields(Object... pairs) {
		Map<String, FieldState> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], (FieldState) pairs[i + 1]);
		}
		return fields;
	}

	static ProjectState state(ModelState... models) {
		return ProjectState.of(List.of(models));
	}

}
