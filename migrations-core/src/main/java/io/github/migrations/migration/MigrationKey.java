package io.github.migrations.migration;

import java.util.Objects;

/**
 * Identity of a migration: app label and name, written {@code app.name}. Sorted by app, then
 * name, which is the order Django's graph uses for siblings.
 *
 * @param app the app label
 * @param name the migration name (for example {@code 0001_initial})
 * @since 0.1
 */
public record MigrationKey(String app, String name) implements Comparable<MigrationKey> {

	/** The pseudo-name Django uses for "the first migration of an app". */
	public static final String FIRST = "__first__";

	/** The pseudo-name Django uses for "the latest migration of an app". */
	public static final String LATEST = "__latest__";

	/**
	 * Parse {@code app.name}.
	 * @param text the dotted key
	 * @return the key
	 */
	public static MigrationKey parse(String text) {
		int dot = text.indexOf('.');
		if (dot <= 0 || dot == text.length() - 1) {
			throw new IllegalArgumentException("Expected 'app.migration_name' but got '" + text + "'");
		}
		return new MigrationKey(text.substring(0, dot), text.substring(dot + 1));
	}

	@Override
	public int compareTo(MigrationKey other) {
		int c = this.app.compareTo(other.app);
		return (c != 0) ? c : this.name.compareTo(other.name);
	}

	/**
	 * Return Django's tuple rendering, {@code ('app', 'name')}, used in error messages.
	 * @return the tuple text
	 */
	public String toTuple() {
		return "('" + this.app + "', '" + this.name + "')";
	}

	/**
	 * Equal when app and name are, as the record's own method; written out because the generated
	 * one is slow until the JIT compiles it, and keys are compared thousands of times in a fresh
	 * JVM.
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof MigrationKey key && Objects.equals(this.app, key.app)
				&& Objects.equals(this.name, key.name));
	}

	/**
	 * The record's own hash, {@code 31 * app.hashCode() + name.hashCode()}, written out.
	 */
	@Override
	public int hashCode() {
		return 31 * Objects.hashCode(this.app) + Objects.hashCode(this.name);
	}

	@Override
	public String toString() {
		return this.app + "." + this.name;
	}

}
