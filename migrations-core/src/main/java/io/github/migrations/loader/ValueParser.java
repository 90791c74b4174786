package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ModelOptions;
import io.github.migrations.state.OnDelete;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the values inside operations: fields, indexes, constraints and model options, each a
 * mapping with a fixed set of keys.
 */
final class ValueParser {

	/** Field type names and the type parameters each requires, sorted by name. */
	static final Map<String, List<String>> FIELD_TYPES = fieldTypes();

	/** Field type parameters that may be left out. */
	private static final Map<String, List<String>> OPTIONAL_PARAMETERS = Map.of("BinaryField", List.of("max_length"),
			"ForeignKey", List.of("db_constraint"), "OneToOneField", List.of("db_constraint"), "ManyToManyField",
			List.of("through", "db_constraint"));

	/** The options every field type accepts, in the order the writer writes them. */
	static final List<String> FIELD_OPTIONS = List.of("primary_key", "null", "default", "db_default", "unique",
			"db_index", "db_column", "db_comment", "choices");

	/**
	 * Per field type, the keys a field must have ({@code type}, then its parameters) and those it
	 * may have (its optional parameters, then the options): made once, not for every field read.
	 */
	private static final Map<String, List<List<String>>> FIELD_KEYS = fieldKeys();

	/** The constraint types. */
	static final List<String> CONSTRAINT_TYPES = List.of("UniqueConstraint", "CheckConstraint");

	private final YamlFile file;

	private final int operation;

	private final String of;

	/**
	 * Create a parser for the values of one operation.
	 * @param file the file
	 * @param operation the 1-based top-level operation index
	 * @param of the suffix naming the operation in messages, {@code " of operation 1 (AddField)"}
	 */
	ValueParser(YamlFile file, int operation, String of) {
		this.file = file;
		this.operation = operation;
		this.of = of;
	}

	private static Map<String, List<List<String>>> fieldKeys() {
		Map<String, List<List<String>>> keys = new HashMap<>();
		for (Map.Entry<String, List<String>> type : FIELD_TYPES.entrySet()) {
			List<String> required = new ArrayList<>();
			required.add("type");
			required.addAll(type.getValue());
			List<String> optional = new ArrayList<>(OPTIONAL_PARAMETERS.getOrDefault(type.getKey(), List.of()));
			optional.addAll(FIELD_OPTIONS);
			keys.put(type.getKey(), List.of(List.copyOf(required), List.copyOf(optional)));
		}
		return keys;
	}

	private static Map<String, List<String>> fieldTypes() {
		Map<String, List<String>> types = new LinkedHashMap<>();
		List<String> noParameters = List.of();
		for (String name : List.of("AutoField", "BigAutoField", "BigIntegerField", "BinaryField", "BooleanField",
				"CharField", "DateField", "DateTimeField", "DecimalField", "DurationField", "EmailField", "FloatField",
				"ForeignKey", "IntegerField", "JSONField", "ManyToManyField", "OneToOneField", "PositiveBigIntegerField",
				"PositiveIntegerField", "PositiveSmallIntegerField", "SlugField", "SmallAutoField", "SmallIntegerField",
				"TextField", "TimeField", "URLField", "UUIDField")) {
			types.put(name, switch (name) {
				case "CharField", "SlugField", "EmailField", "URLField" -> List.of("max_length");
				case "DecimalField" -> List.of("max_digits", "decimal_places");
				case "ForeignKey", "OneToOneField" -> List.of("to", "on_delete");
				case "ManyToManyField" -> List.of("to");
				default -> noParameters;
			});
		}
		return types;
	}

	/**
	 * Read the {@code fields} mapping of a {@code CreateModel}: field name to field, in order.
	 */
	Map<String, FieldState> fields(Node node) {
		if (!(node instanceof MappingNode mapping)) {
			throw this.file.error(node, "'fields'" + this.of + " must be a mapping of field name to field, got "
					+ YamlFile.describe(node));
		}
		Map<String, FieldState> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String name = this.file.string(tuple.getKeyNode(), "a field name" + this.of);
			if (fields.containsKey(name)) {
				throw this.file.error(tuple.getKeyNode(), "duplicate field '" + name + "' in" + this.of.substring(3));
			}
			fields.put(name, field(tuple.getValueNode(), "field '" + name + "'" + this.of));
		}
		return fields;
	}

	/**
	 * Read one field, {@code {type: CharField, max_length: 100, null: true}}.
	 */
	FieldState field(Node node, String what) {
		if (!(node instanceof MappingNode mapping)) {
			throw this.file.error(node, what + " must be a mapping such as {type: CharField, max_length: 100}, got "
					+ YamlFile.describe(node));
		}
		Node typeNode = typeNode(mapping);
		if (typeNode == null) {
			throw this.file.error(node, what + " has no 'type' key; expected one of "
					+ String.join(", ", List.copyOf(FIELD_TYPES.keySet())));
		}
		String typeName = this.file.string(typeNode, "'type' of " + what);
		List<List<String>> keys = FIELD_KEYS.get(typeName);
		if (keys == null) {
			List<String> typeNames = List.copyOf(FIELD_TYPES.keySet());
			throw this.file.unknown(typeNode, this.operation, "field type", typeName, "for " + what, typeNames,
					typeNames);
		}
		Map<String, Node> args = this.file.mapping(node, what, this.operation, keys.get(0), keys.get(1));
		FieldType type;
		try {
			type = type(typeName, args, what);
		}
		catch (IllegalArgumentException ex) {
			throw this.file.error(node, what + " is invalid: " + ex.getMessage());
		}
		return new FieldState(type, flag(args, "null", what), canonical(args, "default", what),
				flag(args, "unique", what), flag(args, "db_index", what, type.dbIndexByDefault()),
				args.containsKey("db_column") ? this.file.string(args.get("db_column"), "'db_column' of " + what) : null,
				flag(args, "primary_key", what), canonical(args, "db_default", what),
				args.containsKey("db_comment") ? this.file.text(args.get("db_comment"), "'db_comment' of " + what) : null,
				args.containsKey("choices") ? this.file.texts(args.get("choices"), "'choices' of " + what) : List.of());
	}

	private static @Nullable Node typeNode(MappingNode mapping) {
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("type")) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	private FieldType type(String typeName, Map<String, Node> args, String what) {
		return switch (typeName) {
			case "CharField" -> new FieldType.CharField(maxLength(args, what));
			case "SlugField" -> new FieldType.SlugField(maxLength(args, what));
			case "EmailField" -> new FieldType.EmailField(maxLength(args, what));
			case "URLField" -> new FieldType.URLField(maxLength(args, what));
			case "BinaryField" -> new FieldType.BinaryField(args.containsKey("max_length") ? maxLength(args, what) : null);
			case "DecimalField" -> new FieldType.DecimalField(
					this.file.integer(args.get("max_digits"), "'max_digits' of " + what),
					this.file.integer(args.get("decimal_places"), "'decimal_places' of " + what));
			case "ForeignKey" -> new FieldType.ForeignKey(target(args.get("to"), "'to' of " + what),
					onDelete(args.get("on_delete"), what), flag(args, "db_constraint", what, true));
			case "OneToOneField" -> new FieldType.OneToOneField(target(args.get("to"), "'to' of " + what),
					onDelete(args.get("on_delete"), what), flag(args, "db_constraint", what, true));
			case "ManyToManyField" -> new FieldType.ManyToManyField(target(args.get("to"), "'to' of " + what),
					args.containsKey("through") ? target(args.get("through"), "'through' of " + what) : null,
					flag(args, "db_constraint", what, true));
			case "AutoField" -> new FieldType.AutoField();
			case "BigAutoField" -> new FieldType.BigAutoField();
			case "SmallAutoField" -> new FieldType.SmallAutoField();
			case "IntegerField" -> new FieldType.IntegerField();
			case "BigIntegerField" -> new FieldType.BigIntegerField();
			case "SmallIntegerField" -> new FieldType.SmallIntegerField();
			case "PositiveIntegerField" -> new FieldType.PositiveIntegerField();
			case "PositiveBigIntegerField" -> new FieldType.PositiveBigIntegerField();
			case "PositiveSmallIntegerField" -> new FieldType.PositiveSmallIntegerField();
			case "FloatField" -> new FieldType.FloatField();
			case "BooleanField" -> new FieldType.BooleanField();
			case "DateField" -> new FieldType.DateField();
			case "DateTimeField" -> new FieldType.DateTimeField();
			case "TimeField" -> new FieldType.TimeField();
			case "DurationField" -> new FieldType.DurationField();
			case "UUIDField" -> new FieldType.UUIDField();
			case "JSONField" -> new FieldType.JSONField();
			default -> new FieldType.TextField();
		};
	}

	private int maxLength(Map<String, Node> args, String what) {
		Node node = args.get("max_length");
		int maxLength = this.file.integer(node, "'max_length' of " + what);
		if (maxLength <= 0) {
			throw this.file.error(node, "'max_length' of " + what + " must be positive, got " + maxLength);
		}
		return maxLength;
	}

	/**
	 * Read an index, {@code {name: post_title_idx, fields: [title, -published], condition: '...'}}.
	 */
	IndexState index(Node node, String what) {
		Map<String, Node> args = this.file.mapping(node, what, this.operation, List.of("name", "fields"),
				List.of("condition"));
		List<String> fields = this.file.strings(args.get("fields"), "'fields' of " + what);
		if (fields.isEmpty()) {
			throw this.file.error(args.get("fields"), "'fields' of " + what + " must name at least one field");
		}
		return new IndexState(this.file.string(args.get("name"), "'name' of " + what), fields,
				args.containsKey("condition") ? this.file.string(args.get("condition"), "'condition' of " + what) : null);
	}

	/**
	 * Read a constraint: {@code {type: UniqueConstraint, name: ..., fields: [...], condition: ...}}
	 * or {@code {type: CheckConstraint, name: ..., condition: ...}}.
	 */
	ConstraintState constraint(Node node, String what) {
		if (!(node instanceof MappingNode mapping)) {
			throw this.file.error(node, what + " must be a mapping such as {type: CheckConstraint, name: price_gte_0,"
					+ " condition: 'price >= 0'}, got " + YamlFile.describe(node));
		}
		Node typeNode = typeNode(mapping);
		if (typeNode == null) {
			throw this.file.error(node,
					what + " has no 'type' key; expected one of " + String.join(", ", CONSTRAINT_TYPES));
		}
		String type = this.file.string(typeNode, "'type' of " + what);
		if (type.equals("UniqueConstraint")) {
			Map<String, Node> args = this.file.mapping(node, what, this.operation, List.of("type", "name", "fields"),
					List.of("condition"));
			List<String> fields = this.file.strings(args.get("fields"), "'fields' of " + what);
			if (fields.isEmpty()) {
				throw this.file.error(args.get("fields"), "'fields' of " + what + " must name at least one field");
			}
			return new ConstraintState.Unique(this.file.string(args.get("name"), "'name' of " + what), fields,
					args.containsKey("condition") ? this.file.string(args.get("condition"), "'condition' of " + what)
							: null);
		}
		if (type.equals("CheckConstraint")) {
			Map<String, Node> args = this.file.mapping(node, what, this.operation,
					List.of("type", "name", "condition"), List.of());
			return new ConstraintState.Check(this.file.string(args.get("name"), "'name' of " + what),
					this.file.string(args.get("condition"), "'condition' of " + what));
		}
		throw this.file.unknown(typeNode, this.operation, "constraint type", type, "for " + what, CONSTRAINT_TYPES,
				CONSTRAINT_TYPES);
	}

	/**
	 * Read model options without database effect, {@code {ordering: [-created], verbose_name: ...}}.
	 */
	ModelOptions options(Node node) {
		String what = "'options'" + this.of;
		Map<String, Node> args = this.file.mapping(node, what, this.operation, List.of(),
				List.of("ordering", "verbose_name", "verbose_name_plural"));
		return new ModelOptions(
				args.containsKey("ordering") ? this.file.strings(args.get("ordering"), "'ordering' of " + what)
						: List.of(),
				args.containsKey("verbose_name") ? this.file.text(args.get("verbose_name"), "'verbose_name' of " + what)
						: null,
				args.containsKey("verbose_name_plural")
						? this.file.text(args.get("verbose_name_plural"), "'verbose_name_plural' of " + what) : null);
	}

	private @Nullable String canonical(Map<String, Node> args, String key, String what) {
		return args.containsKey(key) ? this.file.canonical(args.get(key), "'" + key + "' of " + what) : null;
	}

	private boolean flag(Map<String, Node> args, String key, String what) {
		return flag(args, key, what, false);
	}

	private boolean flag(Map<String, Node> args, String key, String what, boolean absent) {
		return args.containsKey(key) ? this.file.bool(args.get(key), "'" + key + "' of " + what) : absent;
	}

	private String target(Node node, String what) {
		String to = this.file.string(node, what);
		try {
			ModelKey.parse(to);
		}
		catch (IllegalArgumentException ex) {
			throw this.file.error(node, what + " must name a model as app.modelname, got '" + to + "'");
		}
		return to;
	}

	private OnDelete onDelete(Node node, String what) {
		String value = this.file.string(node, "'on_delete' of " + what);
		try {
			return OnDelete.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw this.file.error(node, "'on_delete' of " + what + " must be one of "
					+ String.join(", ", Arrays.stream(OnDelete.values()).map(Enum::name).toList()) + ", got '" + value
					+ "'");
		}
	}

}
