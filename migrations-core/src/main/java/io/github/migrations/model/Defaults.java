package io.github.migrations.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.github.migrations.InvalidModelException;
import io.github.migrations.state.FieldType;

/**
 * Checks that a default written as text fits its field and returns its canonical text, so that
 * equal defaults compare equal however they were written ({@code "TRUE"} and {@code "true"}).
 *
 * @since 0.1
 */
public final class Defaults {

	/** The database default meaning "the current date or time". */
	static final String NOW = "now";

	private Defaults() {
	}

	/**
	 * Check a value typed by the user as a default (for example a one-off default asked by
	 * makemigrations) and return its canonical text.
	 * @param where what the value is for, for messages (for example {@code author.name})
	 * @param type the field type
	 * @param value the value as typed
	 * @param choices the allowed values, or empty
	 * @return the canonical text
	 * @throws InvalidModelException when the value does not fit the type, naming what to type
	 */
	public static String canonicalDefault(String where, FieldType type, String value, List<String> choices) {
		return canonical(where, type, value, choices, false);
	}

	static String canonical(String where, FieldType type, String value, List<String> choices, boolean database) {
		String option = database ? "dbDefault" : "default";
		if (!choices.isEmpty() && !choices.contains(value)) {
			throw new InvalidModelException(where + ": " + option + " '" + value + "' is not one of the choices " + choices + ".");
		}
		boolean temporal = type instanceof FieldType.DateField || type instanceof FieldType.DateTimeField
				|| type instanceof FieldType.TimeField;
		if (database && temporal && NOW.equalsIgnoreCase(value.trim())) {
			return NOW;
		}
		try {
			return parse(type, value);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new InvalidModelException(where + ": " + option + " '" + value + "' is not a valid " + type.typeName()
					+ " value. " + hint(type, database), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidModelException(where + ": " + option + " '" + value + "' does not fit " + type.typeName()
					+ ": " + ex.getMessage() + ".", ex);
		}
	}

	private static String parse(FieldType type, String value) {
		String trimmed = value.trim();
		if (type instanceof FieldType.CharField t) {
			return maxLength(value, t.maxLength());
		}
		if (type instanceof FieldType.SlugField t) {
			return maxLength(value, t.maxLength());
		}
		if (type instanceof FieldType.EmailField t) {
			return maxLength(value, t.maxLength());
		}
		if (type instanceof FieldType.URLField t) {
			return maxLength(value, t.maxLength());
		}
		if (type instanceof FieldType.IntegerField || type instanceof FieldType.AutoField) {
			return Integer.toString(Integer.parseInt(trimmed));
		}
		if (type instanceof FieldType.SmallIntegerField || type instanceof FieldType.SmallAutoField) {
			return Short.toString(Short.parseShort(trimmed));
		}
		if (type instanceof FieldType.PositiveIntegerField) {
			return nonNegative(Integer.parseInt(trimmed));
		}
		if (type instanceof FieldType.PositiveSmallIntegerField) {
			return nonNegative(Short.parseShort(trimmed));
		}
		if (type instanceof FieldType.PositiveBigIntegerField) {
			return nonNegative(Long.parseLong(trimmed));
		}
		if (type instanceof FieldType.BigIntegerField || type instanceof FieldType.BigAutoField
				|| type.relatedModel() != null) {
			return Long.toString(Long.parseLong(trimmed));
		}
		if (type instanceof FieldType.FloatField) {
			return Double.toString(Double.parseDouble(trimmed));
		}
		if (type instanceof FieldType.BooleanField) {
			String lower = trimmed.toLowerCase(Locale.ROOT);
			if (!lower.equals("true") && !lower.equals("false")) {
				throw new IllegalArgumentException("use true or false");
			}
			return lower;
		}
		if (type instanceof FieldType.DecimalField decimal) {
			BigDecimal number = new BigDecimal(trimmed);
			if (number.scale() > decimal.decimalPlaces()
					|| number.precision() - number.scale() > decimal.maxDigits() - decimal.decimalPlaces()) {
				throw new IllegalArgumentException("it does not fit " + decimal.maxDigits() + " digits with "
						+ decimal.decimalPlaces() + " decimal places");
			}
			return number.toPlainString();
		}
		if (type instanceof FieldType.DateField) {
			return LocalDate.parse(trimmed).toString();
		}
		if (type instanceof FieldType.DateTimeField) {
			return OffsetDateTime.parse(trimmed).toString();
		}
		if (type instanceof FieldType.TimeField) {
			return LocalTime.parse(trimmed).toString();
		}
		if (type instanceof FieldType.DurationField) {
			return Duration.parse(trimmed).toString();
		}
		if (type instanceof FieldType.UUIDField) {
			return UUID.fromString(trimmed).toString();
		}
		return value;
	}

	private static String maxLength(String value, int maxLength) {
		if (value.length() > maxLength) {
			throw new IllegalArgumentException("it is longer than maxLength " + maxLength);
		}
		return value;
	}

	private static String nonNegative(long value) {
		if (value < 0) {
			throw new IllegalArgumentException("it is negative");
		}
		return Long.toString(value);
	}

	private static String hint(FieldType type, boolean database) {
		String now = database ? " or now" : "";
		if (type instanceof FieldType.DateField) {
			return "Write it as yyyy-MM-dd, for example 2024-01-31" + now + ".";
		}
		if (type instanceof FieldType.DateTimeField) {
			return "Write it as an ISO-8601 date-time with offset, for example 2024-01-31T10:15:30Z" + now + ".";
		}
		if (type instanceof FieldType.TimeField) {
			return "Write it as HH:mm or HH:mm:ss" + now + ".";
		}
		if (type instanceof FieldType.DurationField) {
			return "Write it as an ISO-8601 duration, for example PT1H30M.";
		}
		if (type instanceof FieldType.UUIDField) {
			return "Write it as a UUID, for example 123e4567-e89b-12d3-a456-426614174000.";
		}
		return "Write a plain number such as 0 or 12.50.";
	}

}
