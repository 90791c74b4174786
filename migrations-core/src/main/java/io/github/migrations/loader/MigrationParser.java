package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.BadMigrationException;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RenameField;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.OnDelete;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a YAML migration file (the format {@code MigrationWriter} writes) into a
 * {@link Migration}. Parsing is strict: unknown keys, missing keys, values of the wrong type and
 * malformed dependencies are all reported as a {@link BadMigrationException} whose message names
 * the file, the line and column, what is wrong and what to do.
 *
 * @since 0.1
 */
public final class MigrationParser {

	private static final List<String> OPERATIONS = List.of("CreateModel", "DeleteModel", "AddField", "AlterField",
			"RenameField", "RemoveField");

	private static final List<String> FIELD_TYPES = List.of("BigAutoField", "BigIntegerField", "BooleanField",
			"CharField", "DateField", "DateTimeField", "DecimalField", "ForeignKey", "IntegerField", "TextField");

	private static final List<String> FIELD_OPTIONS = List.of("primary_key", "null", "default", "unique", "db_index",
			"db_column");

	private MigrationParser() {
	}

	/**
	 * Parse one migration file. The key comes from the resource's app and name, the checksum
	 * from {@link Checksums#sha256(String)} and the source from its location.
	 * @param resource the file
	 * @return the migration
	 * @throws BadMigrationException if the file is not a valid migration file
	 */
	public static Migration parse(MigrationResource resource) {
		YamlFile file = new YamlFile(resource.location());
		Node root = file.compose(resource.content());
		if (root == null) {
			throw file.error(null, "the file is empty",
					"A migration file needs at least 'dependencies: []' and 'operations: []'. " + YamlFile.ADVICE);
		}
		Map<String, Node> top = file.mapping(root, "the migration", List.of("dependencies", "operations"),
				List.of("replaces", "initial", "atomic"));
		List<MigrationKey> replaces = (top.containsKey("replaces")) ? keys(file, top.get("replaces"), "'replaces'")
				: List.of();
		Boolean initial = (top.containsKey("initial")) ? file.nullableBool(top.get("initial"), "'initial'") : null;
		boolean atomic = !top.containsKey("atomic") || file.bool(top.get("atomic"), "'atomic'");
		List<MigrationKey> dependencies = keys(file, top.get("dependencies"), "'dependencies'");
		List<Operation> operations = new ArrayList<>();
		List<Node> items = file.sequence(top.get("operations"), "'operations'");
		for (int i = 0; i < items.size(); i++) {
			operations.add(operation(file, items.get(i), i + 1));
		}
		MigrationKey key = new MigrationKey(resource.app(), resource.name());
		return new Migration(key, dependencies, replaces, operations, atomic, initial,
				Checksums.sha256(resource.content()), resource.location());
	}

	private static List<MigrationKey> keys(YamlFile file, Node node, String what) {
		List<MigrationKey> keys = new ArrayList<>();
		for (Node item : file.sequence(node, what)) {
			String text = file.string(item, "an entry of " + what);
			int dot = text.indexOf('.');
			if (dot <= 0 || dot == text.length() - 1 || text.chars().anyMatch(Character::isWhitespace)) {
				throw file.error(item, "entry '" + text + "' of " + what
						+ " is not of the form app.migration_name (for example shop.0001_initial)");
			}
			keys.add(MigrationKey.parse(text));
		}
		return keys;
	}

	private static Operation operation(YamlFile file, Node node, int number) {
		String what = "operation " + number;
		if (node instanceof MappingNode mapping && mapping.getValue().size() > 1) {
			List<String> names = mapping.getValue().stream().map((tuple) -> YamlFile.describe(tuple.getKeyNode())).toList();
			throw file.error(node,
					what + " has " + names.size() + " keys (" + String.join(", ", names) + ") but must name a single operation",
					"Start each operation with its own '- ' list item. " + YamlFile.ADVICE);
		}
		if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
			throw file.error(node, what + " must be a mapping with a single key, the operation name (one of "
					+ String.join(", ", OPERATIONS) + "), got " + YamlFile.describe(node));
		}
		NodeTuple tuple = mapping.getValue().get(0);
		String name = file.string(tuple.getKeyNode(), "the name of " + what);
		Node arguments = tuple.getValueNode();
		what = what + " (" + name + ")";
		String of = " of " + what;
		try {
			switch (name) {
				case "CreateModel" -> {
					Map<String, Node> args = file.mapping(arguments, what, List.of("name", "fields"),
							List.of("db_table"));
					String dbTable = args.containsKey("db_table") ? file.string(args.get("db_table"), "'db_table'" + of)
							: null;
					return new CreateModel(file.string(args.get("name"), "'name'" + of),
							fields(file, args.get("fields"), what), dbTable);
				}
				case "DeleteModel" -> {
					Map<String, Node> args = file.mapping(arguments, what, List.of("name"), List.of());
					return new DeleteModel(file.string(args.get("name"), "'name'" + of));
				}
				case "AddField", "AlterField" -> {
					Map<String, Node> args = file.mapping(arguments, what, List.of("model_name", "name", "field"),
							List.of("preserve_default"));
					String modelName = file.string(args.get("model_name"), "'model_name'" + of);
					String fieldName = file.string(args.get("name"), "'name'" + of);
					FieldState field = field(file, args.get("field"), "field '" + fieldName + "'");
					boolean preserveDefault = !args.containsKey("preserve_default")
							|| file.bool(args.get("preserve_default"), "'preserve_default'" + of);
					return name.equals("AddField") ? new AddField(modelName, fieldName, field, preserveDefault)
							: new AlterField(modelName, fieldName, field, preserveDefault);
				}
				case "RenameField" -> {
					Map<String, Node> args = file.mapping(arguments, what,
							List.of("model_name", "old_name", "new_name"), List.of());
					return new RenameField(file.string(args.get("model_name"), "'model_name'" + of),
							file.string(args.get("old_name"), "'old_name'" + of),
							file.string(args.get("new_name"), "'new_name'" + of));
				}
				case "RemoveField" -> {
					Map<String, Node> args = file.mapping(arguments, what, List.of("model_name", "name"), List.of());
					return new RemoveField(file.string(args.get("model_name"), "'model_name'" + of),
							file.string(args.get("name"), "'name'" + of));
				}
				default -> throw file.error(tuple.getKeyNode(),
						"unknown operation '" + name + "'; expected one of " + String.join(", ", OPERATIONS));
			}
		}
		catch (IllegalArgumentException ex) {
			throw file.error(node, what + " is invalid: " + ex.getMessage());
		}
	}

	private static Map<String, FieldState> fields(YamlFile file, Node node, String what) {
		if (!(node instanceof MappingNode mapping)) {
			throw file.error(node, "'fields' of " + what + " must be a mapping of field name to field, got "
					+ YamlFile.describe(node));
		}
		Map<String, FieldState> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String name = file.string(tuple.getKeyNode(), "a field name");
			if (fields.containsKey(name)) {
				throw file.error(tuple.getKeyNode(), "duplicate field '" + name + "' in " + what);
			}
			fields.put(name, field(file, tuple.getValueNode(), "field '" + name + "'"));
		}
		return fields;
	}

	private static FieldState field(YamlFile file, Node node, String what) {
		if (!(node instanceof MappingNode mapping)) {
			throw file.error(node, what + " must be a mapping such as {type: CharField, max_length: 100}, got "
					+ YamlFile.describe(node));
		}
		Node typeNode = null;
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("type")) {
				typeNode = tuple.getValueNode();
			}
		}
		if (typeNode == null) {
			throw file.error(node, what + " has no 'type' key; expected one of " + String.join(", ", FIELD_TYPES));
		}
		String typeName = file.string(typeNode, "'type' of " + what);
		List<String> parameters = switch (typeName) {
			case "CharField" -> List.of("max_length");
			case "DecimalField" -> List.of("max_digits", "decimal_places");
			case "ForeignKey" -> List.of("to", "on_delete");
			default -> List.of();
		};
		if (!FIELD_TYPES.contains(typeName)) {
			throw file.error(typeNode,
					"unknown field type '" + typeName + "' for " + what + "; expected one of " + String.join(", ", FIELD_TYPES));
		}
		List<String> required = new ArrayList<>();
		required.add("type");
		required.addAll(parameters);
		Map<String, Node> args = file.mapping(node, what, required, FIELD_OPTIONS);
		FieldType type;
		try {
			type = switch (typeName) {
				case "CharField" -> new FieldType.CharField(file.integer(args.get("max_length"), "'max_length' of " + what));
				case "DecimalField" -> new FieldType.DecimalField(
						file.integer(args.get("max_digits"), "'max_digits' of " + what),
						file.integer(args.get("decimal_places"), "'decimal_places' of " + what));
				case "ForeignKey" -> new FieldType.ForeignKey(target(file, args.get("to"), what),
						onDelete(file, args.get("on_delete"), what));
				case "BigAutoField" -> new FieldType.BigAutoField();
				case "BigIntegerField" -> new FieldType.BigIntegerField();
				case "BooleanField" -> new FieldType.BooleanField();
				case "DateField" -> new FieldType.DateField();
				case "DateTimeField" -> new FieldType.DateTimeField();
				case "IntegerField" -> new FieldType.IntegerField();
				default -> new FieldType.TextField();
			};
		}
		catch (IllegalArgumentException ex) {
			throw file.error(node, what + " is invalid: " + ex.getMessage());
		}
		return new FieldState(type, flag(file, args, "null", what),
				args.containsKey("default") ? file.canonical(args.get("default"), "'default' of " + what) : null,
				flag(file, args, "unique", what), flag(file, args, "db_index", what),
				args.containsKey("db_column") ? file.string(args.get("db_column"), "'db_column' of " + what) : null,
				flag(file, args, "primary_key", what));
	}

	private static boolean flag(YamlFile file, Map<String, Node> args, String key, String what) {
		return args.containsKey(key) && file.bool(args.get(key), "'" + key + "' of " + what);
	}

	private static String target(YamlFile file, Node node, String what) {
		String to = file.string(node, "'to' of " + what);
		try {
			ModelKey.parse(to);
		}
		catch (IllegalArgumentException ex) {
			throw file.error(node, "'to' of " + what + " must name a model as app.modelname, got '" + to + "'");
		}
		return to;
	}

	private static OnDelete onDelete(YamlFile file, Node node, String what) {
		String value = file.string(node, "'on_delete' of " + what);
		try {
			return OnDelete.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw file.error(node, "'on_delete' of " + what + " must be one of "
					+ String.join(", ", Arrays.stream(OnDelete.values()).map(Enum::name).toList()) + ", got '" + value
					+ "'");
		}
	}

}
