package io.github.migrations.state;

/**
 * The kind of a column, one record per Django field class. Value equality drives the
 * autodetector: two fields whose types are equal need no {@code AlterField} for their type.
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
	 * @return {@code true} for foreign keys
	 */
	default boolean isRelation() {
		return false;
	}

	/** Variable-length string with a maximum length. */
	record CharField(int maxLength) implements FieldType {
		public CharField {
			if (maxLength <= 0) {
				throw new IllegalArgumentException("CharField max_length must be positive, got " + maxLength);
			}
		}
	}

	/** Unlimited text. */
	record TextField() implements FieldType {
	}

	/** 32-bit integer. */
	record IntegerField() implements FieldType {
	}

	/** 64-bit integer. */
	record BigIntegerField() implements FieldType {
	}

	/** Boolean. */
	record BooleanField() implements FieldType {
	}

	/** Exact decimal number. */
	record DecimalField(int maxDigits, int decimalPlaces) implements FieldType {
		public DecimalField {
			if (maxDigits <= 0 || decimalPlaces < 0 || decimalPlaces > maxDigits) {
				throw new IllegalArgumentException("DecimalField needs max_digits > 0 and 0 <= decimal_places <= max_digits, got "
						+ maxDigits + ", " + decimalPlaces);
			}
		}
	}

	/** Calendar date. */
	record DateField() implements FieldType {
	}

	/** Date and time with time zone. */
	record DateTimeField() implements FieldType {
	}

	/** 64-bit auto-incrementing primary key (Django's default {@code id}). */
	record BigAutoField() implements FieldType {
	}

	/**
	 * Many-to-one relation to another model's primary key.
	 * @param to the target model as {@code app.modelname}, lower case
	 * @param onDelete what happens when the target row is deleted
	 */
	record ForeignKey(String to, OnDelete onDelete) implements FieldType {

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
	}

}
