package io.github.migrations.state;

import java.util.List;
import java.util.Objects;

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
 * @param dbIndex whether the column gets an index (Django's {@code db_index}; a relation has it
 * unless it says {@code false}, see {@link FieldType#dbIndexByDefault()})
 * @param dbColumn an explicit column name, or {@code null} for the default
 * @param primaryKey whether this is the primary key
 * @param dbDefault a default kept in the schema (Django's {@code db_default}) as canonical text,
 * or {@code null}
 * @param dbComment a column comment, or {@code null}
 * @param choices the allowed values (state only, as Django's {@code choices}: no SQL)
 * @since 0.1
 */
public record FieldState(FieldType type, boolean nullable, @Nullable String defaultValue, boolean unique,
		boolean dbIndex, @Nullable String dbColumn, boolean primaryKey, @Nullable String dbDefault,
		@Nullable String dbComment, List<String> choices) {

	public FieldState {
		choices = List.copyOf(choices);
	}

	/**
	 * Create a field without database default, comment or choices.
	 * @param type the column kind
	 * @param nullable whether the column accepts NULL
	 * @param defaultValue the default as canonical text, or {@code null}
	 * @param unique whether values must be unique
	 * @param dbIndex whether the column gets an index
	 * @param dbColumn an explicit column name, or {@code null}
	 * @param primaryKey whether this is the primary key
	 */
	public FieldState(FieldType type, boolean nullable, @Nullable String defaultValue, boolean unique,
			boolean dbIndex, @Nullable String dbColumn, boolean primaryKey) {
		this(type, nullable, defaultValue, unique, dbIndex, dbColumn, primaryKey, null, null, List.of());
	}

	/**
	 * Equal when every component is, as the record's own method; written out because the
	 * generated one is slow until the JIT compiles it, and {@code makemigrations} compares every
	 * field of every model.
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof FieldState field && this.nullable == field.nullable
				&& this.unique == field.unique && this.dbIndex == field.dbIndex && this.primaryKey == field.primaryKey
				&& Objects.equals(this.type, field.type) && Objects.equals(this.defaultValue, field.defaultValue)
				&& Objects.equals(this.dbColumn, field.dbColumn) && Objects.equals(this.dbDefault, field.dbDefault)
				&& Objects.equals(this.dbComment, field.dbComment) && Objects.equals(this.choices, field.choices));
	}

	/**
	 * The record's own hash, kept with the equality written out above.
	 */
	@Override
	public int hashCode() {
		int hash = Objects.hashCode(this.type);
		hash = 31 * hash + Boolean.hashCode(this.nullable);
		hash = 31 * hash + Objects.hashCode(this.defaultValue);
		hash = 31 * hash + Boolean.hashCode(this.unique);
		hash = 31 * hash + Boolean.hashCode(this.dbIndex);
		hash = 31 * hash + Objects.hashCode(this.dbColumn);
		hash = 31 * hash + Boolean.hashCode(this.primaryKey);
		hash = 31 * hash + Objects.hashCode(this.dbDefault);
		hash = 31 * hash + Objects.hashCode(this.dbComment);
		return 31 * hash + Objects.hashCode(this.choices);
	}

	/**
	 * Create a plain field of the given type: not null, no default, the type's default
	 * {@code db_index} (indexed for a foreign key, as Django's; else not).
	 * @param type the type
	 * @return the field
	 */
	public static FieldState of(FieldType type) {
		return new FieldState(type, false, null, false, type.dbIndexByDefault(), null, type.isAutoField());
	}

	/**
	 * Return whether the column is unique: {@code unique}, or a one-to-one relation.
	 * @return {@code true} for a unique column
	 */
	public boolean uniqueColumn() {
		return this.unique || this.type instanceof FieldType.OneToOneField;
	}

	/**
	 * Return whether {@code db_index} gives the column an index of its own (Django's
	 * {@code _field_should_be_indexed}): {@code db_index}, unless the column is unique or the
	 * primary key, which are indexed anyway. MariaDB and MySQL leave out more (a foreign key's, a
	 * text column's); their schema editor says so.
	 * @return {@code true} when the field's index is created
	 */
	public boolean ownIndex() {
		return this.dbIndex && !uniqueColumn() && !this.primaryKey;
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
		return (this.type.isRelation() && this.type.hasColumn()) ? name + "_id" : name;
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
				this.primaryKey, this.dbDefault, this.dbComment, this.choices);
	}

	public FieldState withDefault(@Nullable String defaultValue) {
		return new FieldState(this.type, this.nullable, defaultValue, this.unique, this.dbIndex, this.dbColumn,
				this.primaryKey, this.dbDefault, this.dbComment, this.choices);
	}

	public FieldState withDbColumn(@Nullable String dbColumn) {
		return new FieldState(this.type, this.nullable, this.defaultValue, this.unique, this.dbIndex, dbColumn,
				this.primaryKey, this.dbDefault, this.dbComment, this.choices);
	}

	public FieldState withUnique(boolean unique) {
		return new FieldState(this.type, this.nullable, this.defaultValue, unique, this.dbIndex, this.dbColumn,
				this.primaryKey, this.dbDefault, this.dbComment, this.choices);
	}

	public FieldState withDbIndex(boolean dbIndex) {
		return new FieldState(this.type, this.nullable, this.defaultValue, this.unique, dbIndex, this.dbColumn,
				this.primaryKey, this.dbDefault, this.dbComment, this.choices);
	}

	public FieldState withPrimaryKey(boolean primaryKey) {
		return new FieldState(this.type, this.nullable, this.defaultValue, this.unique, this.dbIndex, this.dbColumn,
				primaryKey, this.dbDefault, this.dbComment, this.choices);
	}

	public FieldState withDbDefault(@Nullable String dbDefault) {
		return new FieldState(this.type, this.nullable, this.defaultValue, this.unique, this.dbIndex, this.dbColumn,
				this.primaryKey, dbDefault, this.dbComment, this.choices);
	}

	public FieldState withDbComment(@Nullable String dbComment) {
		return new FieldState(this.type, this.nullable, this.defaultValue, this.unique, this.dbIndex, this.dbColumn,
				this.primaryKey, this.dbDefault, dbComment, this.choices);
	}

	public FieldState withChoices(List<String> choices) {
		return new FieldState(this.type, this.nullable, this.defaultValue, this.unique, this.dbIndex, this.dbColumn,
				this.primaryKey, this.dbDefault, this.dbComment, choices);
	}

	/**
	 * Return whether two fields differ only in attributes that produce no SQL (choices), so an
	 * {@code AlterField} between them is a no-op in the database.
	 * @param other the other field
	 * @return {@code true} when only state-only attributes differ
	 */
	public boolean sameSchemaAs(FieldState other) {
		return withChoices(List.of()).equals(other.withChoices(List.of()));
	}

}
