package io.github.migrations.lint;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;

/**
 * What a column stores, as far as the type rules need it: the family and its size (length,
 * bits or precision) and scale. Field types stored alike compare equal (a {@code SlugField(50)}
 * and a {@code CharField(50)} are both strings of 50), and a relation stores what its target's
 * primary key stores.
 *
 * @param family the family
 * @param size the length of a string, the bits of an integer, the precision of a decimal; else 0
 * @param scale the scale of a decimal; else 0
 */
record ColumnKind(Family family, int size, int scale) {

	enum Family {

		STRING, TEXT, INTEGER, DECIMAL, FLOAT, BOOLEAN, DATE, TIME, DATETIME, DURATION, UUID, BINARY, JSON, OTHER

	}

	/**
	 * Return the kind of a field's column.
	 * @param field the field
	 * @param state the state holding the targets of relations
	 * @return the kind
	 */
	static ColumnKind of(FieldState field, ProjectState state) {
		return of(field.type(), state, 0);
	}

	private static ColumnKind of(FieldType type, ProjectState state, int depth) {
		if (type.relatedModel() != null && type.hasColumn()) {
			ModelState target = state.find(type.relatedModel());
			FieldState key = (target != null && depth < 8)
					? target.fields().values().stream().filter(FieldState::primaryKey).findFirst().orElse(null) : null;
			// an unknown target is Django's default key, a BigAutoField
			return (key != null) ? of(key.type(), state, depth + 1) : new ColumnKind(Family.INTEGER, 64, 0);
		}
		if (type instanceof FieldType.CharField t) {
			return string(t.maxLength());
		}
		if (type instanceof FieldType.SlugField t) {
			return string(t.maxLength());
		}
		if (type instanceof FieldType.EmailField t) {
			return string(t.maxLength());
		}
		if (type instanceof FieldType.URLField t) {
			return string(t.maxLength());
		}
		if (type instanceof FieldType.DecimalField t) {
			return new ColumnKind(Family.DECIMAL, t.maxDigits(), t.decimalPlaces());
		}
		int bits = integerBits(type);
		if (bits > 0) {
			return new ColumnKind(Family.INTEGER, bits, 0);
		}
		return new ColumnKind(family(type), 0, 0);
	}

	private static ColumnKind string(int length) {
		return new ColumnKind(Family.STRING, length, 0);
	}

	private static int integerBits(FieldType type) {
		if (type instanceof FieldType.SmallIntegerField || type instanceof FieldType.PositiveSmallIntegerField
				|| type instanceof FieldType.SmallAutoField) {
			return 16;
		}
		if (type instanceof FieldType.IntegerField || type instanceof FieldType.PositiveIntegerField
				|| type instanceof FieldType.AutoField) {
			return 32;
		}
		if (type instanceof FieldType.BigIntegerField || type instanceof FieldType.PositiveBigIntegerField
				|| type instanceof FieldType.BigAutoField) {
			return 64;
		}
		return 0;
	}

	private static Family family(FieldType type) {
		if (type instanceof FieldType.TextField) {
			return Family.TEXT;
		}
		if (type instanceof FieldType.FloatField) {
			return Family.FLOAT;
		}
		if (type instanceof FieldType.BooleanField) {
			return Family.BOOLEAN;
		}
		if (type instanceof FieldType.DateField) {
			return Family.DATE;
		}
		if (type instanceof FieldType.TimeField) {
			return Family.TIME;
		}
		if (type instanceof FieldType.DateTimeField) {
			return Family.DATETIME;
		}
		if (type instanceof FieldType.DurationField) {
			return Family.DURATION;
		}
		if (type instanceof FieldType.UUIDField) {
			return Family.UUID;
		}
		if (type instanceof FieldType.BinaryField) {
			return Family.BINARY;
		}
		if (type instanceof FieldType.JSONField) {
			return Family.JSON;
		}
		return Family.OTHER;
	}

	/**
	 * Describe the kind for messages, for example {@code a string of 50} or {@code a 32-bit
	 * integer}.
	 * @return the description
	 */
	String describe() {
		return switch (this.family) {
			case STRING -> "varchar(" + this.size + ")";
			case INTEGER -> this.size + "-bit integer";
			case DECIMAL -> "decimal(" + this.size + ", " + this.scale + ")";
			default -> this.family.name().toLowerCase(java.util.Locale.ROOT);
		};
	}

}
