package io.github.migrations.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A model as the migrations know it: name, ordered fields and options. Immutable; every
 * {@code with…} method returns a new instance.
 *
 * @param app the app label
 * @param name the model name as declared (for example {@code Employee})
 * @param fields the fields in declaration order, keyed by field name
 * @param dbTable an explicit table name, or {@code null} for {@code <app>_<modelname>}
 * @since 0.1
 */
public record ModelState(String app, String name, Map<String, FieldState> fields, @Nullable String dbTable) {

	public ModelState {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * Return this model's key.
	 * @return the key
	 */
	public ModelKey key() {
		return new ModelKey(this.app, this.name);
	}

	/**
	 * Return the table name: the explicit one, else Django's {@code <app>_<modelname>}.
	 * @return the table name
	 */
	public String table() {
		return (this.dbTable != null) ? this.dbTable : this.app + "_" + this.name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the field with the given name.
	 * @param fieldName the field name
	 * @return the field
	 * @throws IllegalArgumentException if there is no such field
	 */
	public FieldState field(String fieldName) {
		FieldState field = this.fields.get(fieldName);
		if (field == null) {
			throw new IllegalArgumentException(this.app + "." + this.name + " has no field named '" + fieldName + "'");
		}
		return field;
	}

	/**
	 * Return the name of the primary key field.
	 * @return the primary key field name
	 */
	public String primaryKeyName() {
		return this.fields.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().primaryKey())
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(this.app + "." + this.name + " has no primary key"));
	}

	public ModelState withField(String fieldName, FieldState field) {
		Map<String, FieldState> copy = new LinkedHashMap<>(this.fields);
		copy.put(fieldName, field);
		return new ModelState(this.app, this.name, copy, this.dbTable);
	}

	public ModelState withoutField(String fieldName) {
		field(fieldName);
		Map<String, FieldState> copy = new LinkedHashMap<>(this.fields);
		copy.remove(fieldName);
		return new ModelState(this.app, this.name, copy, this.dbTable);
	}

	/**
	 * Return a copy with a field renamed in place (its position is kept).
	 * @param oldName the current name
	 * @param newName the new name
	 * @return the new state
	 */
	public ModelState withFieldRenamed(String oldName, String newName) {
		field(oldName);
		Map<String, FieldState> copy = new LinkedHashMap<>();
		this.fields.forEach((key, value) -> copy.put(key.equals(oldName) ? newName : key, value));
		return new ModelState(this.app, this.name, copy, this.dbTable);
	}

	public ModelState withDbTable(@Nullable String dbTable) {
		return new ModelState(this.app, this.name, this.fields, dbTable);
	}

}
