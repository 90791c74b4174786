package io.github.migrations.state;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The kind of a column, one record per Django field class. Value equality drives the
 * autodetector: two fields whose types are equal need no {@code AlterField} for their type.
 * <p>
 * Each record's {@code equals} is written out, with the meaning of the generated one: the
 * generated one links method handles on its first call, tens of milliseconds for the first
 * record of a fresh JVM and a few more per record, and {@code makemigrations --check} compares
 * field types of every kind as its first work. {@code hashCode} and {@code toString} stay
 * generated (they depend on the same components).
 *
 * @since 0.1
 */
public sealed interface FieldType {

	/**
	 * Return Django's class name for this type (for example {@code CharField}), also its name in
	 * migration files.
	 * @return the type name
	 */
	default String typeName() {
		return getClass().getSimpleName();
	}

	/**
	 * Return whether this type is a relation to another model.
	 * @return {@code true} for foreign keys, one-to-one and many-to-many fields
	 */
	default boolean isRelation() {
		return false;
	}

	/**
	 * Return whether this type is stored in a column of the model's table ({@code false} for
	 * many-to-many fields, stored in a join table).
	 * @return {@code true} when the field has a column
	 */
	default boolean hasColumn() {
		return true;
	}

	/**
	 * Return whether this is an auto-incrementing primary key type.
	 * @return {@code true} for the auto field types
	 */
	default boolean isAutoField() {
		return false;
	}

	/**
	 * Return the {@code db_index} a field of this type has when its annotation or migration file
	 * does not give one: {@code true} for foreign keys and one-to-one fields, as Django's
	 * {@code ForeignKey}; {@code false} for the others. A migration file writes {@code db_index}
	 * only where it differs (so a relation written before this default existed, without
	 * {@code db_index}, keeps its index).
	 * @return {@code true} for the relation types stored in a column
	 */
	default boolean dbIndexByDefault() {
		return false;
	}

	/**
	 * Return the model this relation points to, or {@code null} for other types.
	 * @return the target model key
	 */
	default @Nullable ModelKey relatedModel() {
		return null;
	}

	/**
	 * Return whether the database has a foreign key constraint for this relation (Django's
	 * {@code db_constraint}, {@code true} unless a relation says {@code false}); {@code true} for
	 * other types, which have none to leave out.
	 * @return {@code false} for a relation without its constraint
	 */
	default boolean dbConstraint() {
		return true;
	}

	/**
	 * Return what happens to a row whose target is deleted, for a foreign key or one-to-one
	 * field; {@code null} for other types.
	 * @return the rule, or {@code null}
	 */
	default @Nullable OnDelete onDelete() {
		return null;
	}

	/**
	 * Return the {@code ON DELETE} action of this relation's foreign key constraint: the
	 * database-level {@code on_delete}'s ({@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}),
	 * else {@code null} (created without one, as Django).
	 * @return the action, or {@code null}
	 */
	default @Nullable String databaseOnDelete() {
		OnDelete onDelete = onDelete();
		return (onDelete != null) ? onDelete.databaseRule() : null;
	}

	/** Variable-length string with a maximum length. */
	record CharField(int maxLength) implements FieldType {

		public CharField {
			if (maxLength <= 0) {
				throw new IllegalArgumentException("CharField max_length must be positive, got " + maxLength);
			}
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof CharField that && this.maxLength == that.maxLength;
		}
	}

	/** Unlimited text. */
	record TextField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof TextField;
		}
	}

	/** Short label of letters, digits, underscores and hyphens (indexed by default in Django). */
	record SlugField(int maxLength) implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof SlugField that && this.maxLength == that.maxLength;
		}
	}

	/** E-mail address (a {@code CharField} of 254 by default). */
	record EmailField(int maxLength) implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof EmailField that && this.maxLength == that.maxLength;
		}
	}

	/** URL (a {@code CharField} of 200 by default). */
	record URLField(int maxLength) implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof URLField that && this.maxLength == that.maxLength;
		}
	}

	/** 16-bit integer. */
	record SmallIntegerField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof SmallIntegerField;
		}
	}

	/** Non-negative 32-bit integer (with a check constraint where the database needs one). */
	record PositiveIntegerField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof PositiveIntegerField;
		}
	}

	/** Non-negative 16-bit integer. */
	record PositiveSmallIntegerField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof PositiveSmallIntegerField;
		}
	}

	/** Non-negative 64-bit integer. */
	record PositiveBigIntegerField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof PositiveBigIntegerField;
		}
	}

	/** Double-precision floating point number. */
	record FloatField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof FloatField;
		}
	}

	/** Time of day. */
	record TimeField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof TimeField;
		}
	}

	/** Length of time ({@code java.time.Duration}). */
	record DurationField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof DurationField;
		}
	}

	/** UUID. */
	record UUIDField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof UUIDField;
		}
	}

	/**
	 * Raw bytes.
	 * @param maxLength the maximum length, or {@code null} for unlimited
	 */
	record BinaryField(@Nullable Integer maxLength) implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof BinaryField that && Objects.equals(this.maxLength, that.maxLength);
		}
	}

	/** JSON document. */
	record JSONField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof JSONField;
		}
	}

	/** 32-bit auto-incrementing primary key. */
	record AutoField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof AutoField;
		}

		@Override
		public boolean isAutoField() {
			return true;
		}
	}

	/** 16-bit auto-incrementing primary key. */
	record SmallAutoField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof SmallAutoField;
		}

		@Override
		public boolean isAutoField() {
			return true;
		}
	}

	/** 32-bit integer. */
	record IntegerField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof IntegerField;
		}
	}

	/** 64-bit integer. */
	record BigIntegerField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof BigIntegerField;
		}
	}

	/** Boolean. */
	record BooleanField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof BooleanField;
		}
	}

	/** Exact decimal number. */
	record DecimalField(int maxDigits, int decimalPlaces) implements FieldType {

		public DecimalField {
			if (maxDigits <= 0 || decimalPlaces < 0 || decimalPlaces > maxDigits) {
				throw new IllegalArgumentException("DecimalField needs max_digits > 0 and 0 <= decimal_places <= max_digits, got "
						+ maxDigits + ", " + decimalPlaces);
			}
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof DecimalField that && this.maxDigits == that.maxDigits
					&& this.decimalPlaces == that.decimalPlaces;
		}
	}

	/** Calendar date. */
	record DateField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof DateField;
		}
	}

	/** Date and time with time zone. */
	record DateTimeField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof DateTimeField;
		}
	}

	/** 64-bit auto-incrementing primary key (Django's default {@code id}). */
	record BigAutoField() implements FieldType {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof BigAutoField;
		}

		@Override
		public boolean isAutoField() {
			return true;
		}
	}

	/**
	 * Many-to-one relation to another model's primary key.
	 * @param to the target model as {@code app.modelname}, lower case
	 * @param onDelete what happens when the target row is deleted
	 * @param dbConstraint whether the database has the foreign key constraint (Django's
	 * {@code db_constraint})
	 */
	record ForeignKey(String to, OnDelete onDelete, boolean dbConstraint) implements FieldType {

		/**
		 * Create a relation with its foreign key constraint.
		 * @param to the target model as {@code app.modelname}, lower case
		 * @param onDelete what happens when the target row is deleted
		 */
		public ForeignKey(String to, OnDelete onDelete) {
			this(to, onDelete, true);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof ForeignKey that && this.to.equals(that.to) && this.onDelete == that.onDelete
					&& this.dbConstraint == that.dbConstraint;
		}

		/**
		 * Return this relation pointed at another model, with the same options.
		 * @param target the target model as {@code app.modelname}
		 * @return the relation
		 */
		public ForeignKey withTo(String target) {
			return new ForeignKey(target, this.onDelete, this.dbConstraint);
		}

		@Override
		public boolean dbIndexByDefault() {
			return true;
		}

		@Override
		public boolean isRelation() {
			return true;
		}

		/**
		 * Return the key of the referenced model.
		 * @return the target key
		 */
		public ModelKey target() {
			return ModelKey.parse(this.to);
		}

		@Override
		public ModelKey relatedModel() {
			return target();
		}
	}

	/**
	 * One-to-one relation: a foreign key whose column is unique.
	 * @param to the target model as {@code app.modelname}, lower case
	 * @param onDelete what happens when the target row is deleted
	 * @param dbConstraint whether the database has the foreign key constraint (Django's
	 * {@code db_constraint})
	 */
	record OneToOneField(String to, OnDelete onDelete, boolean dbConstraint) implements FieldType {

		/**
		 * Create a relation with its foreign key constraint.
		 * @param to the target model as {@code app.modelname}, lower case
		 * @param onDelete what happens when the target row is deleted
		 */
		public OneToOneField(String to, OnDelete onDelete) {
			this(to, onDelete, true);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof OneToOneField that && this.to.equals(that.to) && this.onDelete == that.onDelete
					&& this.dbConstraint == that.dbConstraint;
		}

		/**
		 * Return this relation pointed at another model, with the same options.
		 * @param target the target model as {@code app.modelname}
		 * @return the relation
		 */
		public OneToOneField withTo(String target) {
			return new OneToOneField(target, this.onDelete, this.dbConstraint);
		}

		@Override
		public boolean dbIndexByDefault() {
			return true;
		}

		@Override
		public boolean isRelation() {
			return true;
		}

		@Override
		public ModelKey relatedModel() {
			return ModelKey.parse(this.to);
		}
	}

	/**
	 * Many-to-many relation, stored in a join table: created automatically
	 * ({@code <table>_<field>} with {@code id}, {@code <model>_id} and {@code <target>_id}), or an
	 * explicit {@code through} model.
	 * @param to the target model as {@code app.modelname}, lower case
	 * @param through the join model as {@code app.modelname}, or {@code null} for an automatic one
	 * @param dbConstraint whether the automatic join table's two foreign keys have their
	 * constraints (Django's {@code db_constraint}, which it passes to them)
	 */
	record ManyToManyField(String to, @Nullable String through, boolean dbConstraint) implements FieldType {

		/**
		 * Create a relation whose join table has its foreign key constraints.
		 * @param to the target model as {@code app.modelname}, lower case
		 * @param through the join model as {@code app.modelname}, or {@code null} for an
		 * automatic one
		 */
		public ManyToManyField(String to, @Nullable String through) {
			this(to, through, true);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof ManyToManyField that && this.to.equals(that.to)
					&& Objects.equals(this.through, that.through) && this.dbConstraint == that.dbConstraint;
		}

		/**
		 * Return this relation with other target and join models, with the same options.
		 * @param target the target model as {@code app.modelname}
		 * @param join the join model, or {@code null}
		 * @return the relation
		 */
		public ManyToManyField withModels(String target, @Nullable String join) {
			return new ManyToManyField(target, join, this.dbConstraint);
		}

		@Override
		public boolean isRelation() {
			return true;
		}

		@Override
		public boolean hasColumn() {
			return false;
		}

		@Override
		public ModelKey relatedModel() {
			return ModelKey.parse(this.to);
		}
	}

}
