package io.github.migrations.state;

import java.util.Locale;
import java.util.Objects;

/**
 * Identity of a model in a state: app label and lower-case model name.
 *
 * @param app the app label
 * @param name the model name, lower case
 * @since 0.1
 */
public record ModelKey(String app, String name) implements Comparable<ModelKey> {

	public ModelKey {
		name = name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Parse {@code app.model}.
	 * @param text the dotted key
	 * @return the key
	 */
	public static ModelKey parse(String text) {
		int dot = text.indexOf('.');
		if (dot <= 0 || dot == text.length() - 1) {
			throw new IllegalArgumentException("Expected 'app.model' but got '" + text + "'");
		}
		return new ModelKey(text.substring(0, dot), text.substring(dot + 1));
	}

	@Override
	public int compareTo(ModelKey other) {
		int c = this.app.compareTo(other.app);
		return (c != 0) ? c : this.name.compareTo(other.name);
	}

	/**
	 * Equal when app and name are, as the record's own method; written out because the generated
	 * one is slow until the JIT compiles it, and keys are compared thousands of times in a fresh
	 * JVM.
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ModelKey key && Objects.equals(this.app, key.app)
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
