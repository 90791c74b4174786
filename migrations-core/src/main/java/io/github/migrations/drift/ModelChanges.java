package io.github.migrations.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.ProjectState;
import org.jspecify.annotations.Nullable;

/**
 * What the model classes must say after adopting drift, one line per state operation (a whole
 * class for a created model), in the annotations of {@code io.github.migrations.model}: without it
 * the next {@code makemigrations} writes the opposite operations.
 */
final class ModelChanges {

	private ModelChanges() {
	}

	/**
	 * Return the lines for one app's operations.
	 * @param app the app
	 * @param operations its operations
	 * @param applied the state before the operations (of all apps)
	 * @param state the state after them
	 */
	static List<String> lines(String app, List<Operation> operations, ProjectState applied, ProjectState state) {
		List<String> lines = new ArrayList<>();
		for (Operation operation : operations) {
			if (operation instanceof CreateModel create) {
				lines.addAll(createModel(app, create, state));
				continue;
			}
			if (operation instanceof DeleteModel delete) {
				lines.add(app + "." + delete.name() + ": remove the class (its table is gone), or keep it and run"
						+ " makemigrations: its CreateModel creates the table again");
				continue;
			}
			String model = app + "." + modelName(state, app, modelOf(operation));
			if (operation instanceof AlterField alter) {
				String declaration = becameRelation(applied, app, alter)
						? " " + javaType(alter.field()) + " " + alter.name() + ";" : "";
				lines.add(model + "." + alter.name() + ": " + annotation(alter.field(), state) + declaration);
			}
			else if (operation instanceof AddField add) {
				lines.add(model + ": add " + annotation(add.field(), state) + " " + javaType(add.field()) + " "
						+ add.name() + ";");
			}
			else if (operation instanceof RemoveField remove) {
				lines.add(model + ": remove the field " + remove.name());
			}
			else if (operation instanceof AddIndex add) {
				lines.add(model + ": add " + index(add.index()));
			}
			else if (operation instanceof RemoveIndex remove) {
				lines.add(model + ": remove @Index(name = " + quoted(remove.name()) + ")");
			}
			else if (operation instanceof AddConstraint add) {
				lines.add(model + ": add " + constraint(add.constraint()));
			}
			else if (operation instanceof RemoveConstraint remove) {
				lines.add(model + ": remove the constraint " + remove.name());
			}
		}
		return lines;
	}

	/**
	 * Whether a plain field became a relation, whose Java type must change too (a relation field is
	 * a {@code Long}, or the target's class).
	 */
	private static boolean becameRelation(ProjectState applied, String app, AlterField alter) {
		if (!alter.field().type().isRelation()) {
			return false;
		}
		ModelState before = applied.models()
			.values()
			.stream()
			.filter((model) -> model.app().equals(app) && model.name().equalsIgnoreCase(alter.modelName()))
			.findFirst()
			.orElse(null);
		return before == null || !before.fields().containsKey(alter.name())
				|| !before.field(alter.name()).type().isRelation();
	}

	private static String modelOf(Operation operation) {
		if (operation instanceof AlterField o) {
			return o.modelName();
		}
		if (operation instanceof AddField o) {
			return o.modelName();
		}
		if (operation instanceof RemoveField o) {
			return o.modelName();
		}
		if (operation instanceof AddIndex o) {
			return o.modelName();
		}
		if (operation instanceof RemoveIndex o) {
			return o.modelName();
		}
		if (operation instanceof AddConstraint o) {
			return o.modelName();
		}
		return ((RemoveConstraint) operation).modelName();
	}

	private static List<String> createModel(String app, CreateModel create, ProjectState state) {
		List<String> lines = new ArrayList<>();
		lines.add(app + ": add the model class");
		lines.add("    @Model(app = " + quoted(app) + ((create.dbTable() != null) ? ", table = " + quoted(create.dbTable()) : "")
				+ ")");
		create.indexes().forEach((index) -> lines.add("    " + index(index)));
		create.constraints().forEach((constraint) -> lines.add("    " + constraint(constraint)));
		lines.add("    public class " + create.name() + " {");
		for (Map.Entry<String, FieldState> field : create.fields().entrySet()) {
			lines.add("        " + annotation(field.getValue(), state));
			lines.add("        " + javaType(field.getValue()) + " " + field.getKey() + ";");
		}
		lines.add("    }");
		return lines;
	}

	static String annotation(FieldState field, ProjectState state) {
		FieldType type = field.type();
		List<String> attributes = new ArrayList<>();
		if (type instanceof FieldType.CharField t) {
			attributes.add("maxLength = " + t.maxLength());
		}
		else if (type instanceof FieldType.SlugField t) {
			attributes.add("maxLength = " + t.maxLength());
		}
		else if (type instanceof FieldType.EmailField t) {
			attributes.add("maxLength = " + t.maxLength());
		}
		else if (type instanceof FieldType.URLField t) {
			attributes.add("maxLength = " + t.maxLength());
		}
		else if (type instanceof FieldType.BinaryField t && t.maxLength() != null) {
			attributes.add("maxLength = " + t.maxLength());
		}
		else if (type instanceof FieldType.DecimalField t) {
			attributes.add("maxDigits = " + t.maxDigits());
			attributes.add("decimalPlaces = " + t.decimalPlaces());
		}
		else if (type instanceof FieldType.ForeignKey t) {
			attributes.add("to = " + className(state, t.target()) + ".class");
			attributes.add("onDelete = OnDelete." + t.onDelete());
		}
		else if (type instanceof FieldType.OneToOneField t) {
			attributes.add("to = " + className(state, ModelKey.parse(t.to())) + ".class");
			attributes.add("onDelete = OnDelete." + t.onDelete());
		}
		if (!type.dbConstraint()) {
			attributes.add("dbConstraint = false");
		}
		if (field.nullable()) {
			attributes.add("nullable = true");
		}
		optional(attributes, "defaultValue", field.defaultValue());
		optional(attributes, "dbDefault", field.dbDefault());
		if (field.unique()) {
			attributes.add("unique = true");
		}
		boolean indexedByDefault = type instanceof FieldType.SlugField || type.dbIndexByDefault();
		if (field.dbIndex() != indexedByDefault) {
			attributes.add("dbIndex = " + field.dbIndex());
		}
		optional(attributes, "dbColumn", field.dbColumn());
		optional(attributes, "dbComment", field.dbComment());
		if (field.primaryKey() != type.isAutoField()) {
			attributes.add("primaryKey = " + field.primaryKey());
		}
		return "@" + type.typeName() + (attributes.isEmpty() ? "" : "(" + String.join(", ", attributes) + ")");
	}

	private static void optional(List<String> attributes, String name, @Nullable String value) {
		if (value != null) {
			attributes.add(name + " = " + quoted(value));
		}
	}

	private static String javaType(FieldState field) {
		boolean boxed = field.nullable();
		FieldType type = field.type();
		if (type instanceof FieldType.IntegerField || type instanceof FieldType.AutoField
				|| type instanceof FieldType.PositiveIntegerField) {
			return boxed ? "Integer" : "int";
		}
		if (type instanceof FieldType.BigIntegerField || type instanceof FieldType.BigAutoField
				|| type instanceof FieldType.PositiveBigIntegerField || type.isRelation()) {
			return boxed ? "Long" : "long";
		}
		if (type instanceof FieldType.SmallIntegerField || type instanceof FieldType.SmallAutoField
				|| type instanceof FieldType.PositiveSmallIntegerField) {
			return boxed ? "Short" : "short";
		}
		if (type instanceof FieldType.BooleanField) {
			return boxed ? "Boolean" : "boolean";
		}
		if (type instanceof FieldType.FloatField) {
			return boxed ? "Double" : "double";
		}
		return switch (type.typeName()) {
			case "DecimalField" -> "java.math.BigDecimal";
			case "DateField" -> "java.time.LocalDate";
			case "DateTimeField" -> "java.time.Instant";
			case "TimeField" -> "java.time.LocalTime";
			case "DurationField" -> "java.time.Duration";
			case "UUIDField" -> "java.util.UUID";
			case "BinaryField" -> "byte[]";
			default -> "String";
		};
	}

	private static String index(IndexState index) {
		return "@Index(name = " + quoted(index.name()) + ", fields = " + list(index.fields())
				+ ((index.condition() != null) ? ", condition = " + quoted(index.condition()) : "") + ")";
	}

	private static String constraint(ConstraintState constraint) {
		if (constraint instanceof ConstraintState.Unique unique) {
			return "@UniqueConstraint(name = " + quoted(unique.name()) + ", fields = " + list(unique.fields())
					+ ((unique.condition() != null) ? ", condition = " + quoted(unique.condition()) : "") + ")";
		}
		ConstraintState.Check check = (ConstraintState.Check) constraint;
		return "@CheckConstraint(name = " + quoted(check.name()) + ", check = " + quoted(check.check()) + ")";
	}

	private static String list(List<String> values) {
		return (values.size() == 1) ? quoted(values.get(0))
				: values.stream().map(ModelChanges::quoted).collect(Collectors.joining(", ", "{ ", " }"));
	}

	private static String quoted(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String modelName(ProjectState state, String app, String lowerName) {
		return state.models()
			.values()
			.stream()
			.filter((model) -> model.app().equals(app) && model.name().equalsIgnoreCase(lowerName))
			.map(ModelState::name)
			.findFirst()
			.orElse(lowerName);
	}

	private static String className(ProjectState state, ModelKey key) {
		ModelState target = state.find(key);
		return (target != null) ? target.name() : key.name();
	}

}
