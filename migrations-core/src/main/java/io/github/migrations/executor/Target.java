package io.github.migrations.executor;

import io.github.migrations.migration.MigrationKey;
import org.jspecify.annotations.Nullable;

/**
 * Where to migrate an app: to a named migration, or to {@code zero} (nothing applied).
 *
 * @param app the app label
 * @param name the migration name, or {@code null} for zero
 * @since 0.1
 */
public record Target(String app, @Nullable String name) {

	/**
	 * Return the target for a migration.
	 * @param key the migration
	 * @return the target
	 */
	public static Target of(MigrationKey key) {
		return new Target(key.app(), key.name());
	}

	/**
	 * Return the target that unapplies every migration of an app.
	 * @param app the app label
	 * @return the zero target
	 */
	public static Target zero(String app) {
		return new Target(app, null);
	}

	public boolean isZero() {
		return this.name == null;
	}

	/**
	 * Return the migration key of a non-zero target.
	 * @return the key
	 */
	public MigrationKey key() {
		if (this.name == null) {
			throw new IllegalStateException("zero has no migration key");
		}
		return new MigrationKey(this.app, this.name);
	}

}
