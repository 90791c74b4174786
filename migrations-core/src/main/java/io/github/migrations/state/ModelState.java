package io.github.migrations.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param indexes the named indexes
 * @param constraints the named constraints
 * @param options options without database effect
 * @since 0.1
 */
public record ModelState(String app, String name, Map<String, FieldState> fields, @Nullable String dbTable,
		List<IndexState> indexes, List<ConstraintState> constraints, ModelOptions options) {

	public ModelState {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		indexes = List.copyOf(indexes);
		constraints = List.copyOf(constraints);
	}

	/**
	 * Create a model without indexes, constraints or options.
	 * @param app the app label
	 * @param name the model name
	 * @param fields the fields in order
	 * @param dbTable an explicit table name, or {@code null}
	 */
	public ModelState(String app, String name, Map<String, FieldState> fields, @Nullable String dbTable) {
		this(app, name, fields, dbTable, List.of(), List.of(), ModelOptions.NONE);
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
		return new ModelState(this.app, this.name, copy, this.dbTable, this.indexes, this.constraints, this.options);
	}

	public ModelState withoutField(String fieldName) {
		field(fieldName);
		Map<String, FieldState> copy = new LinkedHashMap<>(this.fields);
		copy.remove(fieldName);
		return new ModelState(this.app, this.name, copy, this.dbTable, this.indexes, this.constraints, this.options);
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
		List<IndexState> renamedIndexes = this.indexes.stream()
			.map((index) -> new IndexState(index.name(), rename(index.fields(), oldName, newName), index.condition()))
			.toList();
		List<ConstraintState> renamedConstraints = this.constraints.stream()
			.map((constraint) -> (constraint instanceof ConstraintState.Unique unique)
					? new ConstraintState.Unique(unique.name(), rename(unique.fields(), oldName, newName), unique.condition())
					: constraint)
			.toList();
		ModelOptions renamedOptions = new ModelOptions(rename(this.options.ordering(), oldName, newName),
				this.options.verboseName(), this.options.verboseNamePlural());
		return new ModelState(this.app, this.name, copy, this.dbTable, renamedIndexes, renamedConstraints,
				renamedOptions);
	}

	private static List<String> rename(List<String> fields, String oldName, String newName) {
		return fields.stream().map((field) -> {
			String prefix = field.startsWith("-") ? "-" : "";
			return field.substring(prefix.length()).equals(oldName) ? prefix + newName : field;
		}).toList();
	}

	public ModelState withDbTable(@Nullable String dbTable) {
		return new ModelState(this.app, this.name, this.fields, dbTable, this.indexes, this.constraints, this.options);
	}

	public ModelState withName(String name) {
		return new ModelState(this.app, name, this.fields, this.dbTable, this.indexes, this.constraints, this.options);
	}

	public ModelState withIndexes(List<IndexState> indexes) {
		return new ModelState(this.app, this.name, this.fields, this.dbTable, indexes, this.constraints, this.options);
	}

	public ModelState withConstraints(List<ConstraintState> constraints) {
		return new ModelState(this.app, this.name, this.fields, this.dbTable, this.indexes, constraints, this.options);
	}

	public ModelState withOptions(ModelOptions options) {
		return new ModelState(this.app, this.name, this.fields, this.dbTable, this.indexes, this.constraints, options);
	}

	/**
	 * Return the index with the given name.
	 * @param indexName the index name
	 * @return the index
	 * @throws IllegalArgumentException if there is none (Django's "No index named …")
	 */
	public IndexState index(String indexName) {
		return this.indexes.stream()
			.filter((index) -> index.name().equals(indexName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No index named " + indexName + " on model " + this.name));
	}

	/**
	 * Return the constraint with the given name.
	 * @param constraintName the constraint name
	 * @return the constraint
	 * @throws IllegalArgumentException if there is none (Django's "No constraint named …")
	 */
	public ConstraintState constraint(String constraintName) {
		return this.constraints.stream()
			.filter((constraint) -> constraint.name().equals(constraintName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"No constraint named " + constraintName + " on model " + this.name));
	}

}
