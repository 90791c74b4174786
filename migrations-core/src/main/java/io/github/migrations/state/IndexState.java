package io.github.migrations.state;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A named index of a model, Django's {@code Index}.
 *
 * @param name the index name (required, as Django's {@code AddIndex} requires)
 * @param fields the field names in order; a leading {@code -} means descending
 * @param condition a SQL condition for a partial index (PostgreSQL, SQLite), or {@code null}
 * @since 0.1
 */
public record IndexState(String name, List<String> fields, @Nullable String condition) {

	public IndexState {
		fields = List.copyOf(fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("Index '" + name + "' needs at least one field");
		}
	}

	/**
	 * Return the field names without the descending marker.
	 * @return the field names
	 */
	public List<String> fieldNames() {
		return this.fields.stream().map((field) -> field.startsWith("-") ? field.substring(1) : field).toList();
	}

	public IndexState withName(String name) {
		return new IndexState(name, this.fields, this.condition);
	}

}
