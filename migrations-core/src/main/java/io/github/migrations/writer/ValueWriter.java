package io.github.migrations.writer;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelOptions;

/**
 * Renders the values inside operations (fields, indexes, constraints, model options) as
 * one-line YAML flow mappings with their keys in a fixed order and only non-default values.
 */
final class ValueWriter {

	private ValueWriter() {
	}

	/**
	 * Render a field: type, type parameters (a relation's {@code db_constraint} only when
	 * {@code false}), then {@code primary_key, null, default, db_default,
	 * unique, db_index, db_column, db_comment, choices}; {@code db_index} only where it is not the
	 * type's default ({@code db_index: false} on a foreign key, as Django's deconstruction).
	 * @param field the field
	 * @return the flow mapping, for example {@code {type: CharField, max_length: 100}}
	 */
	static String field(FieldState field) {
		List<String> entries = new ArrayList<>();
		FieldType type = field.type();
		entries.add("type: " + type.typeName());
		typeParameters(type, entries);
		if (field.primaryKey()) {
			entries.add("primary_key: true");
		}
		if (field.nullable()) {
			entries.add("null: true");
		}
		if (field.defaultValue() != null) {
			entries.add("default: " + defaultValue(type, field.defaultValue()));
		}
		if (field.dbDefault() != null) {
			entries.add("db_default: " + defaultValue(type, field.dbDefault()));
		}
		if (field.unique()) {
			entries.add("unique: true");
		}
		if (field.dbIndex() != type.dbIndexByDefault()) {
			entries.add("db_index: " + field.dbIndex());
		}
		if (field.dbColumn() != null) {
			entries.add("db_column: " + YamlScalars.string(field.dbColumn()));
		}
		if (field.dbComment() != null) {
			entries.add("db_comment: " + YamlScalars.quoted(field.dbComment()));
		}
		if (!field.choices().isEmpty()) {
			entries.add("choices: " + list(field.choices()));
		}
		return "{" + String.join(", ", entries) + "}";
	}

	private static void typeParameters(FieldType type, List<String> entries) {
		if (type instanceof FieldType.CharField t) {
			entries.add("max_length: " + t.maxLength());
		}
		else if (type instanceof FieldType.SlugField t) {
			entries.add("max_length: " + t.maxLength());
		}
		else if (type instanceof FieldType.EmailField t) {
			entries.add("max_length: " + t.maxLength());
		}
		else if (type instanceof FieldType.URLField t) {
			entries.add("max_length: " + t.maxLength());
		}
		else if (type instanceof FieldType.BinaryField t && t.maxLength() != null) {
			entries.add("max_length: " + t.maxLength());
		}
		else if (type instanceof FieldType.DecimalField t) {
			entries.add("max_digits: " + t.maxDigits());
			entries.add("decimal_places: " + t.decimalPlaces());
		}
		else if (type instanceof FieldType.ForeignKey t) {
			entries.add("to: " + YamlScalars.string(t.to()));
			entries.add("on_delete: " + t.onDelete().name());
			dbConstraint(t, entries);
		}
		else if (type instanceof FieldType.OneToOneField t) {
			entries.add("to: " + YamlScalars.string(t.to()));
			entries.add("on_delete: " + t.onDelete().name());
			dbConstraint(t, entries);
		}
		else if (type instanceof FieldType.ManyToManyField t) {
			entries.add("to: " + YamlScalars.string(t.to()));
			if (t.through() != null) {
				entries.add("through: " + YamlScalars.string(t.through()));
			}
			dbConstraint(t, entries);
		}
	}

	/** {@code db_constraint: false} for a relation without its constraint, nothing by default. */
	private static void dbConstraint(FieldType relation, List<String> entries) {
		if (!relation.dbConstraint()) {
			entries.add("db_constraint: false");
		}
	}

	/**
	 * Render a default typed by its field: integers and booleans plain, everything else quoted
	 * so that it reads back as the same text.
	 */
	private static String defaultValue(FieldType type, String value) {
		if (type instanceof FieldType.BooleanField) {
			return YamlScalars.bool(value);
		}
		if (isInteger(type)) {
			return YamlScalars.integer(value);
		}
		return YamlScalars.quoted(value);
	}

	private static boolean isInteger(FieldType type) {
		return type instanceof FieldType.IntegerField || type instanceof FieldType.BigIntegerField
				|| type instanceof FieldType.SmallIntegerField || type instanceof FieldType.PositiveIntegerField
				|| type instanceof FieldType.PositiveSmallIntegerField
				|| type instanceof FieldType.PositiveBigIntegerField || type.isAutoField()
				|| (type.isRelation() && type.hasColumn());
	}

	/**
	 * Render an index: {@code {name: ..., fields: [...], condition: '...'}}.
	 * @param index the index
	 * @return the flow mapping
	 */
	static String index(IndexState index) {
		String text = "{name: " + YamlScalars.string(index.name()) + ", fields: " + list(index.fields());
		if (index.condition() != null) {
			text += ", condition: " + YamlScalars.quoted(index.condition());
		}
		return text + "}";
	}

	/**
	 * Render a constraint: {@code {type: UniqueConstraint, name: ..., fields: [...], condition:
	 * '...'}} or {@code {type: CheckConstraint, name: ..., condition: '...'}}.
	 * @param constraint the constraint
	 * @return the flow mapping
	 */
	static String constraint(ConstraintState constraint) {
		if (constraint instanceof ConstraintState.Unique unique) {
			String text = "{type: UniqueConstraint, name: " + YamlScalars.string(unique.name()) + ", fields: "
					+ list(unique.fields());
			if (unique.condition() != null) {
				text += ", condition: " + YamlScalars.quoted(unique.condition());
			}
			return text + "}";
		}
		ConstraintState.Check check = (ConstraintState.Check) constraint;
		return "{type: CheckConstraint, name: " + YamlScalars.string(check.name()) + ", condition: "
				+ YamlScalars.quoted(check.check()) + "}";
	}

	/**
	 * Render model options: {@code {ordering: [...], verbose_name: '...', verbose_name_plural:
	 * '...'}}, {@code {}} when none is set.
	 * @param options the options
	 * @return the flow mapping
	 */
	static String options(ModelOptions options) {
		List<String> entries = new ArrayList<>();
		if (!options.ordering().isEmpty()) {
			entries.add("ordering: " + list(options.ordering()));
		}
		if (options.verboseName() != null) {
			entries.add("verbose_name: " + YamlScalars.quoted(options.verboseName()));
		}
		if (options.verboseNamePlural() != null) {
			entries.add("verbose_name_plural: " + YamlScalars.quoted(options.verboseNamePlural()));
		}
		return "{" + String.join(", ", entries) + "}";
	}

	/**
	 * Render a list of strings as a flow sequence.
	 * @param values the strings
	 * @return for example {@code [name, -created]}
	 */
	static String list(List<String> values) {
		return "[" + String.join(", ", values.stream().map(YamlScalars::string).toList()) + "]";
	}

}
