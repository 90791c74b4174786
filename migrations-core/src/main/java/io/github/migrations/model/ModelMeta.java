package io.github.migrations.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.InvalidModelException;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.IndexState;

/**
 * Reads a model's class-level indexes and constraints, checking their names and fields.
 */
final class ModelMeta {

	private ModelMeta() {
	}

	static List<IndexState> indexes(JavaType type, Map<String, FieldState> fields, Map<String, String> javaNames) {
		List<IndexState> indexes = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Index index : type.annotationsByType(Index.class)) {
			String where = type.simpleName() + " @Index(name = \"" + index.name() + "\")";
			checkName(where, index.name(), names);
			if (index.name().length() > 30) {
				throw new InvalidModelException(where + ": index names cannot be longer than 30 characters.");
			}
			List<String> resolved = new ArrayList<>();
			for (String field : index.fields()) {
				String prefix = field.startsWith("-") ? "-" : "";
				resolved.add(prefix + resolve(where, field.substring(prefix.length()), fields, javaNames));
			}
			indexes.add(new IndexState(index.name(), nonEmpty(where, resolved), blankToNull(index.condition())));
		}
		return indexes;
	}

	static List<ConstraintState> constraints(JavaType type, Map<String, FieldState> fields,
			Map<String, String> javaNames) {
		List<ConstraintState> constraints = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (UniqueConstraint unique : type.annotationsByType(UniqueConstraint.class)) {
			String where = type.simpleName() + " @UniqueConstraint(name = \"" + unique.name() + "\")";
			checkName(where, unique.name(), names);
			List<String> resolved = new ArrayList<>();
			for (String field : unique.fields()) {
				resolved.add(resolve(where, field, fields, javaNames));
			}
			constraints.add(new ConstraintState.Unique(unique.name(), nonEmpty(where, resolved),
					blankToNull(unique.condition())));
		}
		for (CheckConstraint check : type.annotationsByType(CheckConstraint.class)) {
			String where = type.simpleName() + " @CheckConstraint(name = \"" + check.name() + "\")";
			checkName(where, check.name(), names);
			if (check.check().isBlank()) {
				throw new InvalidModelException(where + ": check is empty. Write a SQL condition such as \"price >= 0\".");
			}
			constraints.add(new ConstraintState.Check(check.name(), check.check().trim()));
		}
		return constraints;
	}

	private static void checkName(String where, String name, Set<String> seen) {
		if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
			throw new InvalidModelException(where + ": the name must start with a letter and use letters, digits and underscores only.");
		}
		if (!seen.add(name)) {
			throw new InvalidModelException(where + ": the name is used twice on this model. Give each a distinct name.");
		}
	}

	private static String resolve(String where, String field, Map<String, FieldState> fields,
			Map<String, String> javaNames) {
		String name = javaNames.getOrDefault(field, field);
		FieldState state = fields.get(name);
		if (state == null) {
			throw new InvalidModelException(where + ": no field named '" + field + "'. Use one of " + fields.keySet() + ".");
		}
		if (!state.type().hasColumn()) {
			throw new InvalidModelException(where + ": '" + field + "' is a many-to-many field and has no column to index.");
		}
		return name;
	}

	private static List<String> nonEmpty(String where, List<String> fields) {
		if (fields.isEmpty()) {
			throw new InvalidModelException(where + ": list at least one field.");
		}
		return fields;
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text.trim();
	}

}
