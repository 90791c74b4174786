package io.github.migrations.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import io.github.migrations.InvalidModelException;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * Turns one field annotation into a {@link FieldState}, checking the Java type and the default.
 */
final class FieldAnnotations {

	private FieldAnnotations() {
	}

	static FieldState toState(Class<?> owner, Field field, Annotation annotation) {
		String where = ModelReader.where(owner, field);
		Class<?> javaType = field.getType();
		if (annotation instanceof CharField a) {
			if (a.maxLength() <= 0) {
				throw new InvalidModelException(where + ": @CharField maxLength must be positive, got " + a.maxLength()
						+ ". Use @TextField for unlimited text.");
			}
			requireType(where, "CharField", javaType, Set.of(String.class));
			return state(where, new FieldType.CharField(a.maxLength()), a.nullable(), a.defaultValue(), a.unique(),
					a.dbIndex(), a.dbColumn());
		}
		if (annotation instanceof TextField a) {
			requireType(where, "TextField", javaType, Set.of(String.class));
			return state(where, new FieldType.TextField(), a.nullable(), a.defaultValue(), a.unique(), a.dbIndex(),
					a.dbColumn());
		}
		if (annotation instanceof IntegerField a) {
			requireType(where, "IntegerField", javaType, Set.of(int.class, Integer.class));
			return state(where, new FieldType.IntegerField(), a.nullable(), a.defaultValue(), a.unique(),
					a.dbIndex(), a.dbColumn());
		}
		if (annotation instanceof BigIntegerField a) {
			requireType(where, "BigIntegerField", javaType, Set.of(long.class, Long.class));
			return state(where, new FieldType.BigIntegerField(), a.nullable(), a.defaultValue(), a.unique(),
					a.dbIndex(), a.dbColumn());
		}
		if (annotation instanceof BooleanField a) {
			requireType(where, "BooleanField", javaType, Set.of(boolean.class, Boolean.class));
			return state(where, new FieldType.BooleanField(), a.nullable(), a.defaultValue(), a.unique(),
					a.dbIndex(), a.dbColumn());
		}
		if (annotation instanceof DecimalField a) {
			if (a.maxDigits() <= 0 || a.decimalPlaces() < 0 || a.decimalPlaces() > a.maxDigits()) {
				throw new InvalidModelException(where + ": @DecimalField needs maxDigits > 0 and 0 <= decimalPlaces <= maxDigits, got maxDigits = "
						+ a.maxDigits() + ", decimalPlaces = " + a.decimalPlaces() + ".");
			}
			requireType(where, "DecimalField", javaType, ModelReader.DECIMAL_TYPES);
			return state(where, new FieldType.DecimalField(a.maxDigits(), a.decimalPlaces()), a.nullable(),
					a.defaultValue(), a.unique(), a.dbIndex(), a.dbColumn());
		}
		if (annotation instanceof DateField a) {
			requireType(where, "DateField", javaType, ModelReader.DATE_TYPES);
			return state(where, new FieldType.DateField(), a.nullable(), a.defaultValue(), a.unique(), a.dbIndex(),
					a.dbColumn());
		}
		if (annotation instanceof DateTimeField a) {
			requireType(where, "DateTimeField", javaType, ModelReader.DATE_TIME_TYPES);
			return state(where, new FieldType.DateTimeField(), a.nullable(), a.defaultValue(), a.unique(),
					a.dbIndex(), a.dbColumn());
		}
		if (annotation instanceof ForeignKey a) {
			if (!a.to().isAnnotationPresent(Model.class)) {
				throw new InvalidModelException(where + ": @ForeignKey(to = " + a.to().getSimpleName() + ".class) points to a class that is not a model. Annotate "
						+ a.to().getName() + " with @Model or point to a model class.");
			}
			if (javaType != Long.class && javaType != long.class && javaType != a.to()) {
				throw new InvalidModelException(where + ": a @ForeignKey field must be a Long (the referenced id) or a "
						+ a.to().getSimpleName() + ", not " + javaType.getSimpleName() + ".");
			}
			String to = ModelReader.keyOf(a.to()).toString();
			return state(where, new FieldType.ForeignKey(to, a.onDelete()), a.nullable(), a.defaultValue(), a.unique(),
					a.dbIndex(), a.dbColumn());
		}
		throw new InvalidModelException(where + ": @" + annotation.annotationType().getSimpleName()
				+ " is not a supported field annotation.");
	}

	private static void requireType(String where, String annotation, Class<?> javaType, Set<Class<?>> allowed) {
		if (!allowed.contains(javaType)) {
			throw new InvalidModelException(where + ": @" + annotation + " cannot hold a " + javaType.getSimpleName()
					+ ". Use one of " + allowed.stream().map(Class::getSimpleName).sorted().toList()
					+ " or another field annotation.");
		}
	}

	private static FieldState state(String where, FieldType type, boolean nullable, String defaultValue,
			boolean unique, boolean dbIndex, String dbColumn) {
		String canonicalDefault = Fields.NOT_PROVIDED.equals(defaultValue) ? null
				: canonicalDefault(where, type, defaultValue);
		return new FieldState(type, nullable, canonicalDefault, unique, dbIndex, dbColumn.isEmpty() ? null : dbColumn,
				false);
	}

	/**
	 * Check that a default fits the type and return its canonical text.
	 * @param where the field, for messages
	 * @param type the field type
	 * @param value the default as written
	 * @return the canonical text
	 */
	static @Nullable String canonicalDefault(String where, FieldType type, String value) {
		try {
			if (type instanceof FieldType.CharField charField) {
				if (value.length() > charField.maxLength()) {
					throw new IllegalArgumentException("it is longer than maxLength " + charField.maxLength());
				}
				return value;
			}
			if (type instanceof FieldType.IntegerField) {
				return Integer.toString(Integer.parseInt(value.trim()));
			}
			if (type instanceof FieldType.BigIntegerField || type instanceof FieldType.ForeignKey) {
				return Long.toString(Long.parseLong(value.trim()));
			}
			if (type instanceof FieldType.BooleanField) {
				String lower = value.trim().toLowerCase(Locale.ROOT);
				if (!lower.equals("true") && !lower.equals("false")) {
					throw new IllegalArgumentException("use true or false");
				}
				return lower;
			}
			if (type instanceof FieldType.DecimalField decimal) {
				BigDecimal number = new BigDecimal(value.trim());
				if (number.scale() > decimal.decimalPlaces()
						|| number.precision() - number.scale() > decimal.maxDigits() - decimal.decimalPlaces()) {
					throw new IllegalArgumentException("it does not fit " + decimal.maxDigits() + " digits with "
							+ decimal.decimalPlaces() + " decimal places");
				}
				return number.toPlainString();
			}
			if (type instanceof FieldType.DateField) {
				return LocalDate.parse(value.trim()).toString();
			}
			if (type instanceof FieldType.DateTimeField) {
				return OffsetDateTime.parse(value.trim()).toString();
			}
			return value;
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new InvalidModelException(where + ": default '" + value + "' is not a valid " + type.typeName()
					+ " value. " + hint(type), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidModelException(where + ": default '" + value + "' does not fit " + type.typeName() + ": "
					+ ex.getMessage() + ".", ex);
		}
	}

	private static String hint(FieldType type) {
		if (type instanceof FieldType.DateField) {
			return "Write it as yyyy-MM-dd, for example 2024-01-31.";
		}
		if (type instanceof FieldType.DateTimeField) {
			return "Write it as an ISO-8601 date-time with offset, for example 2024-01-31T10:15:30Z.";
		}
		return "Write a plain number such as 0 or 12.50.";
	}

}
