package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.model.ModelReader;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import io.github.migrations.writer.MigrationWriter;

/**
 * Writes the history a project accumulates when its models are added one at a time: one
 * migration per model ({@code 0001_initial}, {@code 0002_item00010}, …), each a
 * {@code CreateModel} depending on the previous migration of its app and, in the chain shape, on
 * the migration that created the model its foreign key points to. The files are written by the
 * engine's own {@link MigrationWriter}, and {@code makemigrations --check} finds them up to date.
 */
public final class History {

	private History() {
	}

	/**
	 * Return the key of the migration that creates a model.
	 * @param workload the workload
	 * @param model the model's index
	 * @return the key
	 */
	public static MigrationKey keyOf(Workload workload, int model) {
		int number = model / workload.apps() + 1;
		String name = (number == 1) ? "0001_initial"
				: String.format(Locale.ROOT, "%04d_%s", number, Workload.simpleName(model).toLowerCase(Locale.ROOT));
		return new MigrationKey(Workload.appLabel(workload.appOf(model)), name);
	}

	/**
	 * Write one migration per model.
	 * @param workload the workload
	 * @param models the compiled model classes, in the workload's order
	 * @param root the migrations folder
	 * @return the keys in the order the models were added
	 */
	public static List<MigrationKey> write(Workload workload, List<Class<?>> models, Path root) {
		ProjectState state = ModelReader.read(models).state();
		MigrationWriter writer = new MigrationWriter("benchmarks",
				Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
		List<MigrationKey> keys = new ArrayList<>();
		for (int i = 0; i < models.size(); i++) {
			MigrationKey key = keyOf(workload, i);
			List<MigrationKey> dependencies = new ArrayList<>();
			if (i >= workload.apps()) {
				dependencies.add(keyOf(workload, i - workload.apps()));
			}
			if (workload.shape() == Workload.Shape.CHAIN && i > 0 && workload.appOf(i - 1) != workload.appOf(i)) {
				dependencies.add(keyOf(workload, i - 1));
			}
			ModelState model = state.find(ModelReader.keyOf(models.get(i)));
			Migration migration = Migration.of(key, dependencies, List.of(CreateModel.of(model)), i < workload.apps());
			writer.write(migration, root);
			keys.add(key);
		}
		return keys;
	}

}
