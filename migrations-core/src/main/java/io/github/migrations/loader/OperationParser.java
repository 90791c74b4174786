package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddConstraintNotValid;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddFieldNotValid;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AddIndexConcurrently;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelOptions;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveConstraint;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.RemoveIndexConcurrently;
import io.github.migrations.operation.RenameField;
import io.github.migrations.operation.RenameIndex;
import io.github.migrations.operation.RenameModel;
import io.github.migrations.operation.RunJava;
import io.github.migrations.operation.RunSql;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.operation.ValidateConstraint;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelOptions;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one operation of a migration file, {@code OperationName: {arguments}}, with Django's
 * argument names. Every operation {@code MigrationWriter} writes is read back to an equal
 * operation.
 */
final class OperationParser {

	/** The operation names, in the order the documentation lists them. */
	static final List<String> OPERATIONS = List.of("CreateModel", "DeleteModel", "RenameModel", "AlterModelTable",
			"AlterModelOptions", "AddField", "RemoveField", "AlterField", "RenameField", "AddIndex", "RemoveIndex",
			"RenameIndex", "AddConstraint", "RemoveConstraint", "AddIndexConcurrently", "RemoveIndexConcurrently",
			"AddConstraintNotValid", "AddFieldNotValid", "ValidateConstraint", "RunSql", "RunJava", "SeparateDatabaseAndState");

	private final YamlFile file;

	private final int operation;

	private final String what;

	private final String of;

	private OperationParser(YamlFile file, int operation, String what) {
		this.file = file;
		this.operation = operation;
		this.what = what;
		this.of = " of " + what;
	}

	/**
	 * Read an operation.
	 * @param file the file
	 * @param node the list item
	 * @param operation the 1-based index of the top-level operation it is (or is inside)
	 * @param label how to call it in messages before its name is known, for example
	 * {@code operation 3}
	 * @param context what holds it, appended to messages (empty for a top-level operation)
	 * @return the operation
	 */
	static Operation parse(YamlFile file, Node node, int operation, String label, String context) {
		if (node instanceof MappingNode mapping && mapping.getValue().size() > 1) {
			List<String> names = mapping.getValue().stream().map((tuple) -> YamlFile.describe(tuple.getKeyNode())).toList();
			throw file.error(node,
					label + context + " has " + names.size() + " keys (" + String.join(", ", names)
							+ ") but must name a single operation",
					"Start each operation with its own '- ' list item. " + YamlFile.ADVICE);
		}
		if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
			throw file.error(node, label + context + " must be a mapping with a single key, the operation name (one of "
					+ String.join(", ", OPERATIONS) + "), got " + YamlFile.describe(node));
		}
		NodeTuple tuple = mapping.getValue().get(0);
		String name = file.string(tuple.getKeyNode(), "the name of " + label + context);
		if (!OPERATIONS.contains(name)) {
			throw file.unknown(tuple.getKeyNode(), operation, "operation", name, "(" + label + context + ")", OPERATIONS,
					OPERATIONS);
		}
		OperationParser parser = new OperationParser(file, operation, label + " (" + name + ")" + context);
		try {
			return parser.read(name, tuple.getValueNode());
		}
		catch (IllegalArgumentException ex) {
			throw file.error(node, parser.what + " is invalid: " + ex.getMessage());
		}
	}

	private Operation read(String name, Node arguments) {
		return switch (name) {
			case "CreateModel" -> createModel(arguments);
			case "DeleteModel" -> new DeleteModel(string(args(arguments, List.of("name"), List.of()), "name"));
			case "RenameModel" -> {
				Map<String, Node> args = args(arguments, List.of("old_name", "new_name"), List.of());
				yield new RenameModel(string(args, "old_name"), string(args, "new_name"));
			}
			case "AlterModelTable" -> {
				Map<String, Node> args = args(arguments, List.of("name", "table"), List.of());
				Node table = args.get("table");
				yield new AlterModelTable(string(args, "name"),
						YamlFile.isNull(table) ? null : this.file.string(table, "'table'" + this.of));
			}
			case "AlterModelOptions" -> {
				Map<String, Node> args = args(arguments, List.of("name", "options"), List.of());
				yield new AlterModelOptions(string(args, "name"), values().options(args.get("options")));
			}
			case "AddField", "AlterField", "AddFieldNotValid" -> fieldOperation(name, arguments);
			case "RemoveField" -> {
				Map<String, Node> args = args(arguments, List.of("model_name", "name"), List.of());
				yield new RemoveField(string(args, "model_name"), string(args, "name"));
			}
			case "RenameField" -> {
				Map<String, Node> args = args(arguments, List.of("model_name", "old_name", "new_name"), List.of());
				yield new RenameField(string(args, "model_name"), string(args, "old_name"), string(args, "new_name"));
			}
			case "AddIndex", "AddIndexConcurrently" -> {
				Map<String, Node> args = args(arguments, List.of("model_name", "index"), List.of());
				String modelName = string(args, "model_name");
				IndexState index = values().index(args.get("index"), "'index'" + this.of);
				yield name.equals("AddIndex") ? new AddIndex(modelName, index) : new AddIndexConcurrently(modelName, index);
			}
			case "RemoveIndex", "RemoveIndexConcurrently" -> {
				Map<String, Node> args = args(arguments, List.of("model_name", "name"), List.of());
				String modelName = string(args, "model_name");
				String indexName = string(args, "name");
				yield name.equals("RemoveIndex") ? new RemoveIndex(modelName, indexName)
						: new RemoveIndexConcurrently(modelName, indexName);
			}
			case "RenameIndex" -> {
				Map<String, Node> args = args(arguments, List.of("model_name", "new_name", "old_name"), List.of());
				yield new RenameIndex(string(args, "model_name"), string(args, "new_name"), string(args, "old_name"));
			}
			case "AddConstraint", "AddConstraintNotValid" -> {
				Map<String, Node> args = args(arguments, List.of("model_name", "constraint"), List.of());
				String modelName = string(args, "model_name");
				ConstraintState constraint = values().constraint(args.get("constraint"), "'constraint'" + this.of);
				yield name.equals("AddConstraint") ? new AddConstraint(modelName, constraint)
						: new AddConstraintNotValid(modelName, constraint);
			}
			case "RemoveConstraint", "ValidateConstraint" -> {
				Map<String, Node> args = args(arguments, List.of("model_name", "name"), List.of());
				String modelName = string(args, "model_name");
				String constraintName = string(args, "name");
				yield name.equals("RemoveConstraint") ? new RemoveConstraint(modelName, constraintName)
						: new ValidateConstraint(modelName, constraintName);
			}
			case "RunSql" -> {
				Map<String, Node> args = args(arguments, List.of("sql"), List.of("reverse_sql"));
				yield new RunSql(statements(args.get("sql"), "'sql'" + this.of),
						args.containsKey("reverse_sql") ? statements(args.get("reverse_sql"), "'reverse_sql'" + this.of)
								: null);
			}
			case "RunJava" -> {
				Map<String, Node> args = args(arguments, List.of("code"), List.of("reverse_code"));
				yield new RunJava(string(args, "code"), args.containsKey("reverse_code") ? string(args, "reverse_code")
						: null);
			}
			default -> separateDatabaseAndState(arguments);
		};
	}

	private CreateModel createModel(Node arguments) {
		Map<String, Node> args = args(arguments, List.of("name", "fields"),
				List.of("db_table", "indexes", "constraints", "options"));
		ValueParser values = values();
		List<IndexState> indexes = new ArrayList<>();
		if (args.containsKey("indexes")) {
			List<Node> items = this.file.sequence(args.get("indexes"), "'indexes'" + this.of);
			for (int i = 0; i < items.size(); i++) {
				indexes.add(values.index(items.get(i), "index " + (i + 1) + this.of));
			}
		}
		List<ConstraintState> constraints = new ArrayList<>();
		if (args.containsKey("constraints")) {
			List<Node> items = this.file.sequence(args.get("constraints"), "'constraints'" + this.of);
			for (int i = 0; i < items.size(); i++) {
				constraints.add(values.constraint(items.get(i), "constraint " + (i + 1) + this.of));
			}
		}
		ModelOptions options = args.containsKey("options") ? values.options(args.get("options")) : ModelOptions.NONE;
		return new CreateModel(string(args, "name"), values.fields(args.get("fields")),
				args.containsKey("db_table") ? string(args, "db_table") : null, indexes, constraints, options);
	}

	private Operation fieldOperation(String name, Node arguments) {
		Map<String, Node> args = args(arguments, List.of("model_name", "name", "field"), List.of("preserve_default"));
		String modelName = string(args, "model_name");
		String fieldName = string(args, "name");
		FieldState field = values().field(args.get("field"), "field '" + fieldName + "'" + this.of);
		boolean preserveDefault = !args.containsKey("preserve_default")
				|| this.file.bool(args.get("preserve_default"), "'preserve_default'" + this.of);
		return switch (name) {
			case "AddField" -> new AddField(modelName, fieldName, field, preserveDefault);
			case "AddFieldNotValid" -> new AddFieldNotValid(modelName, fieldName, field, preserveDefault);
			default -> new AlterField(modelName, fieldName, field, preserveDefault);
		};
	}

	private SeparateDatabaseAndState separateDatabaseAndState(Node arguments) {
		Map<String, Node> args = args(arguments, List.of(), List.of("database_operations", "state_operations"));
		return new SeparateDatabaseAndState(nested(args.get("database_operations"), "database"),
				nested(args.get("state_operations"), "state"));
	}

	private List<Operation> nested(@Nullable Node node, String kind) {
		List<Operation> operations = new ArrayList<>();
		if (node == null) {
			return operations;
		}
		List<Node> items = this.file.sequence(node, "'" + kind + "_operations'" + this.of);
		for (int i = 0; i < items.size(); i++) {
			operations.add(parse(this.file, items.get(i), this.operation, kind + " operation " + (i + 1), this.of));
		}
		return operations;
	}

	/**
	 * Read SQL statements: a list, or a single statement written as one string.
	 */
	private List<String> statements(Node node, String what) {
		if (node instanceof ScalarNode) {
			return List.of(this.file.string(node, what));
		}
		return this.file.strings(node, what);
	}

	private Map<String, Node> args(Node arguments, List<String> required, List<String> optional) {
		return this.file.mapping(arguments, this.what, this.operation, required, optional);
	}

	private String string(Map<String, Node> args, String key) {
		return this.file.string(args.get(key), "'" + key + "'" + this.of);
	}

	private ValueParser values() {
		return new ValueParser(this.file, this.operation, this.of);
	}

}
