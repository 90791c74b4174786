package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.migrations.BadMigrationException;
import io.github.migrations.UnknownEntryException;
import io.github.migrations.lint.Rule;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.Operation;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML migration file (the format {@code MigrationWriter} writes) into a
 * {@link Migration}. Parsing is strict: missing keys, values of the wrong type and malformed
 * dependencies are all reported as a {@link BadMigrationException} whose message names the file,
 * the line and column, what is wrong and what to do; unknown keys, operations and field types as
 * its subclass {@link UnknownEntryException}, which also names the operation and the valid
 * choices.
 *
 * @since 0.1
 */
public final class MigrationParser {

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
		return parse(resource, true);
	}

	/**
	 * Parse one migration file, with or without its checksum.
	 * @param resource the file
	 * @param checksum whether to compute the checksum; without, the migration's is {@code null}
	 * @return the migration
	 */
	static Migration parse(MigrationResource resource, boolean checksum) {
		YamlFile file = new YamlFile(resource.location());
		Node root = file.compose(resource.content());
		if (root == null) {
			throw file.error(null, "the file is empty",
					"A migration file needs at least 'dependencies: []' and 'operations: []'. " + YamlFile.ADVICE);
		}
		Map<String, Node> top = file.mapping(root, "the migration", List.of("dependencies", "operations"),
				List.of("replaces", "initial", "atomic", "acknowledged"));
		List<MigrationKey> replaces = (top.containsKey("replaces")) ? keys(file, top.get("replaces"), "'replaces'")
				: List.of();
		Boolean initial = (top.containsKey("initial")) ? file.nullableBool(top.get("initial"), "'initial'") : null;
		boolean atomic = !top.containsKey("atomic") || file.bool(top.get("atomic"), "'atomic'");
		List<MigrationKey> dependencies = keys(file, top.get("dependencies"), "'dependencies'");
		List<String> acknowledged = (top.containsKey("acknowledged")) ? rules(file, top.get("acknowledged"))
				: List.of();
		List<Operation> operations = new ArrayList<>();
		List<Node> items = file.sequence(top.get("operations"), "'operations'");
		for (int i = 0; i < items.size(); i++) {
			operations.add(OperationParser.parse(file, items.get(i), i + 1, "operation " + (i + 1), ""));
		}
		MigrationKey key = new MigrationKey(resource.app(), resource.name());
		return new Migration(key, dependencies, replaces, operations, atomic, initial,
				checksum ? Checksums.sha256(resource.content()) : null, resource.location(), acknowledged);
	}

	/**
	 * Read the {@code acknowledged:} list: codes of the unsafe-change rules, each known.
	 */
	private static List<String> rules(YamlFile file, Node node) {
		List<String> codes = new ArrayList<>();
		for (Node item : file.sequence(node, "'acknowledged'")) {
			String code = file.string(item, "an entry of 'acknowledged'");
			if (Rule.fromCode(code) == null) {
				throw file.unknown(item, 0, "rule", code, "in 'acknowledged'", Rule.codes(), Rule.codes());
			}
			if (codes.contains(code)) {
				throw file.error(item, "rule '" + code + "' is acknowledged twice");
			}
			codes.add(code);
		}
		return codes;
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

}
