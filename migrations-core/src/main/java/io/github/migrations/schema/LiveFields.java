package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import org.jspecify.annotations.Nullable;

/**
 * Maps what the database has back to what a field says, for adopting drift: a column type to the
 * field type whose column type the vendor's editor writes the same way ({@code varchar(120)} to
 * {@code CharField(max_length=120)}, {@code numeric(12,3)} to {@code DecimalField(12, 3)},
 * {@code bigint} to {@code BigIntegerField}), and a column default to the {@code db_default} the
 * editor writes the same way. Every answer is checked by rendering it again and comparing in
 * {@link Spellings}, so adopting it leaves no difference; where nothing renders the same, there is
 * no answer.
 *
 * @since 0.1
 */
public final class LiveFields {

	private static final Pattern NUMBERS = Pattern.compile("\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)");

	private static final Pattern CAST = Pattern.compile("^(.*?)::[a-z_ ]+(\\(\\d+(,\\d+)?\\))?(\\[\\])?$");

	private static final ModelState NO_MODEL = new ModelState("drift", "Adopted", Map.of(), null);

	private LiveFields() {
	}

	/**
	 * Return the field type whose column type is the database's.
	 * @param editor the vendor's editor (only its SQL rules are used)
	 * @param liveType the type as the database spells it
	 * @param current the field's present type, preferred in kind ({@code EmailField} stays one), or
	 * {@code null}
	 * @return the field type, or {@code null} when no field type has that column type
	 */
	public static @Nullable FieldType fieldType(BaseSchemaEditor editor, String liveType, @Nullable FieldType current) {
		String wanted = Spellings.type(editor.vendor(), liveType);
		for (FieldType candidate : candidates(liveType, current)) {
			try {
				String rendered = editor.columnType(NO_MODEL, FieldState.of(candidate));
				if (Spellings.type(editor.vendor(), rendered).equals(wanted)) {
					return candidate;
				}
			}
			catch (RuntimeException ex) {
				// no column type for this field type on this database
			}
		}
		return null;
	}

	/**
	 * Return the {@code db_default} whose literal is the database's default.
	 * @param editor the vendor's editor (only its SQL rules are used)
	 * @param model the model of the field (for a relation's key type)
	 * @param field the field, with the type the column has
	 * @param liveDefault the default as the database shows it
	 * @return the canonical text of the default, or {@code null} when none renders the same
	 */
	public static @Nullable String dbDefault(BaseSchemaEditor editor, ModelState model, FieldState field,
			String liveDefault) {
		String wanted = Spellings.defaultValue(liveDefault);
		if (wanted == null) {
			return null;
		}
		for (String candidate : defaultCandidates(liveDefault, field.type())) {
			try {
				if (wanted.equals(Spellings.defaultValue(editor.literal(model, field, candidate)))) {
					return candidate;
				}
			}
			catch (RuntimeException ex) {
				// not a value of this field type
			}
		}
		return null;
	}

	private static List<FieldType> candidates(String liveType, @Nullable FieldType current) {
		Matcher numbers = NUMBERS.matcher(liveType);
		Integer first = numbers.find() ? Integer.valueOf(numbers.group(1)) : null;
		Integer second = (first != null && numbers.group(2) != null) ? Integer.valueOf(numbers.group(2)) : null;
		List<FieldType> candidates = new ArrayList<>();
		if (current != null) {
			candidates.addAll(sameKind(current, first, second));
		}
		if (first != null && first > 0) {
			candidates.add(new FieldType.CharField(first));
		}
		candidates.addAll(List.of(new FieldType.TextField(), new FieldType.IntegerField(),
				new FieldType.BigIntegerField(), new FieldType.SmallIntegerField(), new FieldType.BooleanField(),
				new FieldType.FloatField()));
		if (first != null && first > 0 && (second == null || second <= first)) {
			candidates.add(new FieldType.DecimalField(first, (second != null) ? second : 0));
		}
		candidates.addAll(List.of(new FieldType.DateField(), new FieldType.DateTimeField(), new FieldType.TimeField(),
				new FieldType.DurationField(), new FieldType.UUIDField(), new FieldType.JSONField(),
				new FieldType.BinaryField(null)));
		if (first != null) {
			candidates.add(new FieldType.BinaryField(first));
		}
		return candidates;
	}

	private static List<FieldType> sameKind(FieldType current, @Nullable Integer first, @Nullable Integer second) {
		if (current.isAutoField()) {
			return List.of(new FieldType.AutoField(), new FieldType.BigAutoField(), new FieldType.SmallAutoField());
		}
		Map<Class<? extends FieldType>, Function<Integer, FieldType>> lengths = Map.of(FieldType.CharField.class,
				FieldType.CharField::new, FieldType.SlugField.class, FieldType.SlugField::new,
				FieldType.EmailField.class, FieldType.EmailField::new, FieldType.URLField.class,
				FieldType.URLField::new);
		if (lengths.containsKey(current.getClass())) {
			return (first != null && first > 0) ? List.of(lengths.get(current.getClass()).apply(first)) : List.of();
		}
		if (current instanceof FieldType.DecimalField decimal) {
			// SQLite declares decimal without digits: keep the field's
			return (first != null && first > 0) ? List.of(new FieldType.DecimalField(first,
					Math.min(first, Objects.requireNonNullElse(second, 0)))) : List.of(decimal);
		}
		return List.of();
	}

	private static List<String> defaultCandidates(String liveDefault, FieldType type) {
		List<String> candidates = new ArrayList<>();
		if (type instanceof FieldType.DateField || type instanceof FieldType.DateTimeField
				|| type instanceof FieldType.TimeField) {
			candidates.add("now");
		}
		String text = liveDefault.trim();
		boolean changed = true;
		while (changed) {
			changed = false;
			if (text.startsWith("(") && text.endsWith(")")) {
				text = text.substring(1, text.length() - 1).trim();
				changed = true;
			}
			Matcher cast = CAST.matcher(text);
			if (cast.matches()) {
				text = cast.group(1).trim();
				changed = true;
			}
		}
		if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
			text = text.substring(1, text.length() - 1).replace("''", "'");
		}
		if (type instanceof FieldType.BooleanField) {
			candidates.addAll(List.of("true", "false"));
		}
		candidates.add(text);
		return candidates;
	}

	/**
	 * Return how the editor writes {@code db_default = "now"} for a date or time field.
	 * @param editor the vendor's editor
	 * @param model the model
	 * @param field the field
	 * @return the SQL, or {@code null} when the field is no date or time
	 */
	public static @Nullable String nowLiteral(BaseSchemaEditor editor, ModelState model, FieldState field) {
		FieldType type = field.type();
		boolean temporal = type instanceof FieldType.DateField || type instanceof FieldType.DateTimeField
				|| type instanceof FieldType.TimeField;
		return temporal ? editor.literal(model, field, "now") : null;
	}

	/**
	 * Return whether a database default is an expression rather than a value: a function call
	 * ({@code gen_random_uuid()}, {@code nextval('…'::regclass)}) or a special register
	 * ({@code CURRENT_TIMESTAMP}), not a quoted string or a number.
	 * @param liveDefault the default as the database reports it
	 * @return {@code true} for an expression
	 */
	public static boolean isExpression(String liveDefault) {
		String text = liveDefault.trim();
		if (text.startsWith("'")) {
			return false;
		}
		return text.matches("(?s).*[A-Za-z_]\\w*\\s*\\(.*") || text.matches("(?i)\\(*\\s*(current|local)\\w*\\s*\\)*");
	}

}
