package io.github.migrations.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Brings the spellings of column types and defaults to one form per vendor, so that what the
 * schema editor writes ({@code varchar(100)}, {@code integer AUTO_INCREMENT},
 * {@code (STATEMENT_TIMESTAMP())}) compares equal with what the database reports for it
 * ({@code character varying(100)}, {@code int(11)}, {@code statement_timestamp()}).
 *
 * @since 0.1
 */
public final class Spellings {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern IDENTITY = Pattern
		.compile(" (generated (by default|always) as identity|auto_increment)");

	private static final Pattern INTEGER_WIDTH = Pattern.compile("^(smallint|mediumint|int|integer|bigint)\\(\\d+\\)");

	private static final Pattern CAST = Pattern.compile("::[a-z_ ]+(\\[\\])?(\\(\\d+(,\\d+)?\\))?");

	private static final Pattern QUOTED_NUMBER = Pattern.compile("'(-?[0-9.]+)'");

	private static final Map<String, String> POSTGRESQL = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("int4", "integer"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
			Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("bool", "boolean"),
			Map.entry("timestamptz", "timestamp with time zone"), Map.entry("time without time zone", "time"),
			Map.entry("timestamp without time zone", "timestamp"), Map.entry("serial", "integer"),
			Map.entry("bigserial", "bigint"), Map.entry("smallserial", "smallint"));

	private static final Map<String, String> MARIADB = Map.ofEntries(Map.entry("integer", "int"),
			Map.entry("bool", "tinyint(1)"), Map.entry("boolean", "tinyint(1)"), Map.entry("double precision", "double"),
			Map.entry("real", "double"), Map.entry("json", "longtext"), Map.entry("integer unsigned", "int unsigned"));

	private static final Map<String, String> H2 = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("bool", "boolean"), Map.entry("double", "double precision"),
			Map.entry("float8", "double precision"), Map.entry("float", "double precision"),
			Map.entry("character varying(1000000000)", "character varying"),
			Map.entry("binary varying(1000000000)", "binary varying"),
			Map.entry("timestamp(6) with time zone", "timestamp with time zone"), Map.entry("timestamp(6)", "timestamp"),
			Map.entry("time(0)", "time"), Map.entry("interval day(9) to second(6)", "interval day to second"));

	/**
	 * SQLite keeps a column's type as declared; these are the synonyms of the types Django's
	 * SQLite editor declares ({@code integer}, {@code bool}, {@code real}, {@code decimal},
	 * {@code BLOB}...), the length and unsigned spellings kept as they tell the fields apart.
	 */
	private static final Map<String, String> SQLITE = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("boolean", "bool"), Map.entry("double", "real"), Map.entry("double precision", "real"),
			Map.entry("float", "real"), Map.entry("timestamp", "datetime"), Map.entry("int unsigned", "integer unsigned"));

	private Spellings() {
	}

	/**
	 * Return a column type in the vendor's canonical spelling: lower case, single spaces, no
	 * identity clause, synonyms and display widths resolved.
	 * @param vendor the database
	 * @param type the type as written or reported
	 * @return the canonical spelling
	 */
	public static String type(Vendor vendor, String type) {
		String text = SPACES.matcher(type.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
		text = text.replaceAll(" ?\\( ?", "(").replaceAll(" ?, ?", ",").replaceAll(" ?\\)", ")");
		text = IDENTITY.matcher(text).replaceAll("");
		text = text.replace("character varying", "varchar").replace("decimal", "numeric");
		return switch (vendor) {
			case POSTGRESQL -> POSTGRESQL.getOrDefault(text, text);
			case MARIADB, MYSQL -> {
				String resolved = MARIADB.getOrDefault(text, text);
				resolved = INTEGER_WIDTH.matcher(resolved).replaceFirst("$1");
				resolved = resolved.replace("numeric", "decimal");
				yield MARIADB.getOrDefault(resolved, resolved);
			}
			case H2 -> {
				String spelled = text.replace("varchar", "character varying").replace("varbinary", "binary varying");
				yield H2.getOrDefault(spelled, spelled);
			}
			case SQLITE -> SQLITE.getOrDefault(text, text);
		};
	}

	/**
	 * Return a default expression in a canonical spelling: lower case, without casts, spaces,
	 * parentheses or quotes around numbers, booleans as {@code 1} and {@code 0}; {@code null} for
	 * no default.
	 * @param defaultValue the default as written or reported, or {@code null}
	 * @return the canonical spelling, or {@code null}
	 */
	public static @Nullable String defaultValue(@Nullable String defaultValue) {
		if (defaultValue == null || defaultValue.isBlank() || defaultValue.trim().equalsIgnoreCase("null")) {
			return null;
		}
		String text = defaultValue.trim().toLowerCase(Locale.ROOT);
		text = CAST.matcher(text).replaceAll("");
		text = text.replaceAll("[\\s()]", "");
		text = QUOTED_NUMBER.matcher(text).replaceAll("$1");
		return switch (text) {
			case "true" -> "1";
			case "false" -> "0";
			case "curdate" -> "current_date";
			case "curtime", "localtime" -> "current_time";
			case "curtime6", "localtime6" -> "current_time6";
			case "now", "localtimestamp" -> "current_timestamp";
			case "now6", "localtimestamp6" -> "current_timestamp6";
			default -> text;
		};
	}

}
