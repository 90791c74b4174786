package io.github.migrations.schema;

import java.util.Map;

import io.github.migrations.state.FieldType;

/**
 * A vendor's column types, one template per field type as Django's {@code data_types}:
 * {@code {max_length}}, {@code {max_digits}} and {@code {decimal_places}} are replaced by the
 * field's values.
 */
final class ColumnTypes {

	private final String vendor;

	private final Map<Class<? extends FieldType>, String> templates;

	ColumnTypes(String vendor, Map<Class<? extends FieldType>, String> templates) {
		this.vendor = vendor;
		this.templates = Map.copyOf(templates);
	}

	String render(FieldType type) {
		String template = this.templates.get(type.getClass());
		if (template == null) {
			throw new IllegalArgumentException("No " + this.vendor + " column type for a " + type.typeName());
		}
		if (template.indexOf('{') < 0) {
			return template;
		}
		String sql = template;
		if (type instanceof FieldType.DecimalField decimal) {
			sql = sql.replace("{max_digits}", Integer.toString(decimal.maxDigits()))
				.replace("{decimal_places}", Integer.toString(decimal.decimalPlaces()));
		}
		Integer maxLength = maxLength(type);
		if (maxLength != null) {
			sql = sql.replace("{max_length}", Integer.toString(maxLength));
		}
		return sql;
	}

	private static Integer maxLength(FieldType type) {
		if (type instanceof FieldType.CharField t) {
			return t.maxLength();
		}
		if (type instanceof FieldType.SlugField t) {
			return t.maxLength();
		}
		if (type instanceof FieldType.EmailField t) {
			return t.maxLength();
		}
		if (type instanceof FieldType.URLField t) {
			return t.maxLength();
		}
		if (type instanceof FieldType.BinaryField t) {
			return t.maxLength();
		}
		return null;
	}

}
