package io.github.migrations.loader;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.migrations.BadMigrationException;
import io.github.migrations.UnknownEntryException;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One migration file read as a YAML node tree, with typed accessors that turn every problem
 * into a {@link BadMigrationException} naming the file and the line. Only the node tree is
 * composed (no objects are constructed from tags), under small {@link LoaderOptions} limits.
 *
 * @since 0.1
 */
final class YamlFile {

	static final String ADVICE = "Fix the file or regenerate it with makemigrations.";

	private static final int CODE_POINT_LIMIT = 5 * 1024 * 1024;

	/** Tags plain scalars; only read after construction, so one instance serves every file. */
	static final Resolver RESOLVER = new Resolver();

	private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "y");

	private final String location;

	YamlFile(String location) {
		this.location = location;
	}

	/**
	 * Compose the single document of a file.
	 * @param content the text
	 * @return the root node, or {@code null} for an empty document
	 */
	@Nullable Node compose(String content) {
		if (content.length() > CODE_POINT_LIMIT) {
			throw new BadMigrationException("Migration file " + this.location + " is too large (" + content.length()
					+ " characters, the limit is " + CODE_POINT_LIMIT + "). Check that it is a migration file, or"
					+ " regenerate it with makemigrations.");
		}
		// what makemigrations writes is composed without SnakeYAML's scanner (same tree); anything else with it
		Node simple = SimpleYaml.compose(content, RESOLVER);
		if (simple != null) {
			return simple;
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(10);
		options.setAllowRecursiveKeys(false);
		options.setAllowDuplicateKeys(false);
		options.setNestingDepthLimit(20);
		options.setCodePointLimit(CODE_POINT_LIMIT);
		try {
			// the composer alone: a Yaml instance would also build a constructor and a representer per file
			return new Composer(new ParserImpl(new StreamReader(new StringReader(content)), options), RESOLVER, options)
				.getSingleNode();
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getMessage();
			if (ex.getContext() != null && ex.getProblem() != null) {
				problem = ex.getContext().strip() + ", " + problem.strip();
			}
			throw new BadMigrationException("Migration file " + this.location + " is not valid YAML" + position(mark)
					+ ": " + problem.strip() + ". " + ADVICE, ex);
		}
		catch (YAMLException ex) {
			throw new BadMigrationException(
					"Migration file " + this.location + " is not valid YAML: " + ex.getMessage() + ". " + ADVICE, ex);
		}
		catch (RuntimeException ex) {
			// SnakeYAML lets some malformed input escape untyped (a tag such as "!:n%6" raises
			// IllegalArgumentException from Tag's constructor): still the file's fault, not ours
			String problem = String.valueOf(ex.getMessage()).strip();
			problem = problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
			throw new BadMigrationException(
					"Migration file " + this.location + " is not valid YAML: " + problem + ". " + ADVICE, ex);
		}
	}

	BadMigrationException error(@Nullable Node node, String problem) {
		return error(node, problem, ADVICE);
	}

	BadMigrationException error(@Nullable Node node, String problem, String advice) {
		return new BadMigrationException("Migration file " + this.location
				+ ((node != null) ? position(node.getStartMark()) : "") + ": " + problem + ". " + advice);
	}

	private static String position(@Nullable Mark mark) {
		return (mark != null) ? " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")" : "";
	}

	/**
	 * Return the entries of a mapping outside any operation, checking its keys.
	 * @param node the node
	 * @param what what the mapping is, for messages
	 * @param required the keys that must be present, in the order they are reported
	 * @param optional the keys that may be present
	 * @return the entries in file order
	 */
	Map<String, Node> mapping(Node node, String what, List<String> required, List<String> optional) {
		return mapping(node, what, 0, required, optional);
	}

	/**
	 * Return the entries of a mapping, checking its keys.
	 * @param node the node
	 * @param what what the mapping is, for messages
	 * @param operation the 1-based index of the operation the mapping is in, {@code 0} if none
	 * @param required the keys that must be present, in the order they are reported
	 * @param optional the keys that may be present
	 * @return the entries in file order
	 */
	Map<String, Node> mapping(Node node, String what, int operation, List<String> required, List<String> optional) {
		if (!(node instanceof MappingNode mapping)) {
			throw error(node, what + " must be a mapping, got " + describe(node));
		}
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			Node keyNode = tuple.getKeyNode();
			if (!(keyNode instanceof ScalarNode scalarKey)) {
				throw error(keyNode, "keys of " + what + " must be plain names, got " + describe(keyNode));
			}
			String key = scalarKey.getValue();
			if (!required.contains(key) && !optional.contains(key)) {
				List<String> allowed = new ArrayList<>(required);
				allowed.addAll(optional);
				throw unknown(keyNode, operation, "key", key, "in " + what,
						allowed.stream().map((name) -> "'" + name + "'").toList(), allowed);
			}
			if (entries.put(key, tuple.getValueNode()) != null) {
				throw error(keyNode, "duplicate key '" + key + "' in " + what);
			}
		}
		for (String key : required) {
			if (!entries.containsKey(key)) {
				throw error(node, what + " has no '" + key + "' key");
			}
		}
		return entries;
	}

	/**
	 * Return the error for an unknown name.
	 * @param node where the name is
	 * @param operation the 1-based operation index, {@code 0} if none
	 * @param kind what kind of name ({@code key}, {@code operation}, {@code field type})
	 * @param name the unknown name
	 * @param where where it was found, for example {@code in operation 1 (DeleteModel)}
	 * @param shown the choices as printed
	 * @param choices the choices
	 * @return the exception
	 */
	UnknownEntryException unknown(Node node, int operation, String kind, String name, String where,
			List<String> shown, List<String> choices) {
		String message = "Migration file " + this.location + position(node.getStartMark()) + ": unknown " + kind
				+ " '" + name + "' " + where + "; expected " + (shown.isEmpty() ? "nothing here" : "one of " + String.join(", ", shown))
				+ ". " + ADVICE;
		return new UnknownEntryException(message, this.location, operation, name, choices);
	}

	List<Node> sequence(Node node, String what) {
		if (!(node instanceof SequenceNode sequence)) {
			throw error(node, what + " must be a list, got " + describe(node));
		}
		return sequence.getValue();
	}

	/**
	 * Return a non-empty string written as any scalar (the text as written).
	 */
	String string(Node node, String what) {
		ScalarNode scalar = scalar(node, what, "a string");
		if (scalar.getValue().isEmpty()) {
			throw error(node, what + " must not be empty");
		}
		return scalar.getValue();
	}

	/**
	 * Return a string written as any scalar, which may be empty (comments, SQL, labels).
	 */
	String text(Node node, String what) {
		return scalar(node, what, "a string").getValue();
	}

	/**
	 * Return whether the node is a null scalar ({@code null}, {@code ~} or nothing).
	 */
	static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
	}

	/**
	 * Return a list of non-empty strings, written as a YAML list.
	 */
	List<String> strings(Node node, String what) {
		List<String> values = new ArrayList<>();
		for (Node item : sequence(node, what)) {
			values.add(string(item, "an entry of " + what));
		}
		return values;
	}

	/**
	 * Return a list of strings that may be empty, written as a YAML list.
	 */
	List<String> texts(Node node, String what) {
		List<String> values = new ArrayList<>();
		for (Node item : sequence(node, what)) {
			values.add(text(item, "an entry of " + what));
		}
		return values;
	}

	int integer(Node node, String what) {
		ScalarNode scalar = scalar(node, what, "an integer");
		if (!Tag.INT.equals(scalar.getTag())) {
			throw error(node, what + " must be an integer, got '" + scalar.getValue() + "'");
		}
		try {
			return Integer.parseInt(scalar.getValue().replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw error(node, what + " must be a decimal integer between " + Integer.MIN_VALUE + " and "
					+ Integer.MAX_VALUE + ", got '" + scalar.getValue() + "'");
		}
	}

	boolean bool(Node node, String what) {
		ScalarNode scalar = scalar(node, what, "true or false");
		if (!Tag.BOOL.equals(scalar.getTag())) {
			throw error(node, what + " must be true or false, got '" + scalar.getValue() + "'");
		}
		return TRUE_WORDS.contains(scalar.getValue().toLowerCase(Locale.ROOT));
	}

	/**
	 * Return a boolean that may be written {@code null} (or {@code ~}).
	 */
	@Nullable Boolean nullableBool(Node node, String what) {
		if (isNull(node)) {
			return null;
		}
		return bool(node, what);
	}

	/**
	 * Return any scalar as canonical text: booleans as {@code true}/{@code false}, integers as
	 * decimal digits, everything else as written.
	 */
	String canonical(Node node, String what) {
		ScalarNode scalar = scalar(node, what, "a single value");
		String value = scalar.getValue();
		if (Tag.BOOL.equals(scalar.getTag())) {
			return Boolean.toString(TRUE_WORDS.contains(value.toLowerCase(Locale.ROOT)));
		}
		if (Tag.INT.equals(scalar.getTag())) {
			try {
				return new BigInteger(value.replace("_", "")).toString();
			}
			catch (NumberFormatException ex) {
				return value;
			}
		}
		return value;
	}

	private ScalarNode scalar(Node node, String what, String expected) {
		if (!(node instanceof ScalarNode scalar)) {
			throw error(node, what + " must be " + expected + ", got " + describe(node));
		}
		if (Tag.NULL.equals(scalar.getTag())) {
			throw error(node, what + " must be " + expected + ", got null");
		}
		return scalar;
	}

	static String describe(Node node) {
		if (node instanceof MappingNode) {
			return "a mapping";
		}
		if (node instanceof SequenceNode) {
			return "a list";
		}
		if (node instanceof ScalarNode scalar) {
			return Tag.NULL.equals(scalar.getTag()) ? "null" : "'" + scalar.getValue() + "'";
		}
		return "a " + node.getNodeId();
	}

}
