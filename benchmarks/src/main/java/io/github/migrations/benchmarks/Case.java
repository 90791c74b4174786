package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;

import io.github.migrations.migration.MigrationKey;

/**
 * One workload on one database: the compiled models, their migrations (one per model, see
 * {@link History}) and the database to run them on.
 *
 * @param database the database
 * @param workload the workload
 * @param models the model classes, in the workload's order
 * @param migrations the migrations folder
 * @param keys the migration of each model, in the workload's order
 */
public record Case(Database database, Workload workload, List<Class<?>> models, Path migrations,
		List<MigrationKey> keys) {

	/**
	 * Return the name of the migration before the given one in its app, as {@code migrate} takes
	 * it to revert the given one.
	 * @param key a migration
	 * @return the previous migration's name, or {@code zero} for an app's first migration
	 */
	public String previousInApp(MigrationKey key) {
		int model = this.keys.indexOf(key);
		if (model < 0) {
			throw new IllegalArgumentException("Not a migration of this workload: " + key);
		}
		return (model < this.workload.apps()) ? "zero" : this.keys.get(model - this.workload.apps()).name();
	}

}
