package io.github.migrations.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.github.migrations.state.FieldType;

/**
 * Turns the canonical text of a field default ({@code FieldState.defaultValue}) into a SQL
 * literal for the field's type. Values are validated, so no text reaches the SQL unescaped.
 * <p>
 * Accepted forms: any text for strings; whole numbers for integers and foreign keys; decimal
 * numbers for decimals and floats; ISO-8601 times ({@code 10:15:30}); {@code true/false} (any case) or {@code 1/0} for booleans; ISO-8601
 * dates; ISO-8601 date-times with an offset ({@code 2024-05-01T10:00:00Z}), or without one (read
 * as UTC); and {@code now} for dates and date-times, which becomes {@code CURRENT_DATE} or
 * {@code CURRENT_TIMESTAMP}.
 *
 * @since 0.1
 */
public final class SqlLiterals {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

	private static final DateTimeFormatter UTC_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	private SqlLiterals() {
	}

	/**
	 * Return the SQL literal for a default value.
	 * @param type the field type
	 * @param value the canonical text of the value
	 * @param backslashEscapes whether the database treats a backslash in a string literal as an
	 * escape character (MySQL and MariaDB by default)
	 * @param offsetInTimestamps whether date-time literals carry their offset ({@code false}
	 * converts them to UTC without an offset, for columns that store none)
	 * @return the literal
	 * @throws IllegalArgumentException if the value does not suit the type
	 */
	public static String literal(FieldType type, String value, boolean backslashEscapes, boolean offsetInTimestamps) {
		if (type instanceof FieldType.CharField || type instanceof FieldType.TextField
				|| type instanceof FieldType.SlugField || type instanceof FieldType.EmailField
				|| type instanceof FieldType.URLField) {
			return string(value, backslashEscapes);
		}
		if (isInteger(type)) {
			try {
				return Long.toString(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				throw invalid(type, value, "a whole number");
			}
		}
		if (type instanceof FieldType.FloatField) {
			try {
				double number = Double.parseDouble(value.trim());
				if (Double.isNaN(number) || Double.isInfinite(number)) {
					throw invalid(type, value, "a finite number");
				}
				return Double.toString(number);
			}
			catch (NumberFormatException ex) {
				throw invalid(type, value, "a number");
			}
		}
		if (type instanceof FieldType.TimeField) {
			if (value.trim().equalsIgnoreCase("now")) {
				return "CURRENT_TIME";
			}
			try {
				return "'" + TIME.format(LocalTime.parse(value.trim())) + "'";
			}
			catch (DateTimeParseException ex) {
				throw invalid(type, value, "an ISO-8601 time (10:15:30)");
			}
		}
		if (type instanceof FieldType.DecimalField) {
			try {
				return new BigDecimal(value.trim()).toPlainString();
			}
			catch (NumberFormatException ex) {
				throw invalid(type, value, "a decimal number");
			}
		}
		if (type instanceof FieldType.BooleanField) {
			String text = value.trim().toLowerCase(Locale.ROOT);
			if (text.equals("true") || text.equals("1")) {
				return "true";
			}
			if (text.equals("false") || text.equals("0")) {
				return "false";
			}
			throw invalid(type, value, "true or false");
		}
		if (type instanceof FieldType.DateField) {
			if (value.trim().equalsIgnoreCase("now")) {
				return "CURRENT_DATE";
			}
			try {
				return "'" + LocalDate.parse(value.trim()) + "'";
			}
			catch (DateTimeParseException ex) {
				throw invalid(type, value, "an ISO-8601 date (2024-05-01)");
			}
		}
		if (type instanceof FieldType.DateTimeField) {
			if (value.trim().equalsIgnoreCase("now")) {
				return "CURRENT_TIMESTAMP";
			}
			OffsetDateTime dateTime = dateTime(type, value.trim());
			return "'" + (offsetInTimestamps ? TIMESTAMP.format(dateTime)
					: UTC_DATETIME.format(dateTime.withOffsetSameInstant(ZoneOffset.UTC))) + "'";
		}
		throw new IllegalArgumentException("No literal for a " + type.typeName());
	}

	private static boolean isInteger(FieldType type) {
		return type instanceof FieldType.IntegerField || type instanceof FieldType.BigIntegerField
				|| type instanceof FieldType.SmallIntegerField || type instanceof FieldType.PositiveIntegerField
				|| type instanceof FieldType.PositiveSmallIntegerField
				|| type instanceof FieldType.PositiveBigIntegerField || type.isAutoField()
				|| type.relatedModel() != null;
	}

	/**
	 * Return a SQL string literal: the text in single quotes, quotes doubled.
	 * @param value the text
	 * @param backslashEscapes whether backslashes must be doubled too
	 * @return the literal
	 */
	public static String string(String value, boolean backslashEscapes) {
		String escaped = backslashEscapes ? value.replace("\\", "\\\\") : value;
		return "'" + escaped.replace("'", "''") + "'";
	}

	private static OffsetDateTime dateTime(FieldType type, String value) {
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			// try the other forms
		}
		try {
			return Instant.parse(value).atOffset(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// try the other forms
		}
		try {
			return LocalDateTime.parse(value.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw invalid(type, value, "an ISO-8601 date-time (2024-05-01T10:00:00Z)");
		}
	}

	private static IllegalArgumentException invalid(FieldType type, String value, String expected) {
		return new IllegalArgumentException(
				"Default '" + value + "' of a " + type.typeName() + " is not " + expected + "; fix the field's default");
	}

}
