package io.github.migrations.state;

import org.jspecify.annotations.Nullable;

/**
 * One field of a model as the migrations know it: the "deconstructed" field of Django. Value
 * equality decides whether an {@code AlterField} is needed.
 *
 * @param type the column kind
 * @param nullable whether the column accepts NULL (Django's {@code null})
 * @param defaultValue the default as canonical text, or {@code null} for none; applied to
 * existing rows when the column is added, not kept in the schema (as Django)
 * @param unique whether values must be unique
 * @param dbIndex whether the column gets an index
 * @param dbColumn an explicit column name, or {@code null} for the default
 * @param primaryKey whether this is the primary key
 * @since 0.1
 */
public record FieldState(FieldType type, boolean nullable, @Nullable String defaultValue, boolean unique,
		boolean dbIndex, @Nullable String dbColumn, boolean primaryKey) {

	/**
	 * Create a plain field of the given type: not null, no default, no index.
	 * @param type the type
	 * @return the field
	 */
	public static FieldState of(FieldType type) {
		return new FieldState(type, false, null, false, false, null, type instanceof FieldType.BigAutoField);
	}

	/**
	 * Return the column this field uses, given its name: the explicit column, {@code name_id} for
	 * a foreign key, else the name.
	 * @param name the field name
	 * @return the column name
	 */
	public String column(String name) {
		if (this.dbColumn != null) {
			return this.dbColumn;
		}
		return this.type.isRelation() ? name + "_id" : name;
	}

	/**
	 * Return whether a default value is set.
	 * @return {@code true} if there is a default
	 */
	public boolean hasDefault() {
		return this.defaultValue != null;
	}

	public FieldState withNullable(boolean nullable) {
		return new FieldState(this.type, nullable, this.defaultValue, this.unique, this.dbIndex, this.dbColumn,
				this.primaryKey);
	}

	public FieldState withDefault(@Nullable String defaultValue) {
		return new FieldState(this.type, this.nullable, defaultValue, this.unique, this.dbIndex, this.dbColumn,
				this.primaryKey);
	}

	public FieldState withDbColumn(@Nullable String dbColumn) {
		return new FieldState(this.type, this.nullable, this.defaultValue, this.unique, this.dbIndex, dbColumn,
				this.primaryKey);
	}

	public FieldState withUnique(boolean unique) {
		return new FieldState(this.type, this.nullable, this.defaultValue, unique, this.dbIndex, this.dbColumn,
				this.primaryKey);
	}

	public FieldState withDbIndex(boolean dbIndex) {
		return new FieldState(this.type, this.nullable, this.defaultValue, this.unique, dbIndex, this.dbColumn,
				this.primaryKey);
	}

}
