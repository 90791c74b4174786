package io.github.migrations.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes the node tree of a migration file written in the subset of YAML that
 * {@code makemigrations} writes, without SnakeYAML's scanner and parser, which in a fresh JVM
 * take most of the time of reading a thousand files. The tree is the one SnakeYAML's composer
 * gives (same kinds, values, tags from the same {@link Resolver}, same start lines and
 * columns), so everything read from it, errors included, is the same.
 * <p>
 * The subset: ASCII text without tabs or CRs; comment lines; block mappings and block lists
 * ({@code - } at the indentation of the list, each deeper level indented further); keys and
 * values on one line, as plain scalars of letters, digits, {@code _ . -} or as single-quoted
 * scalars; one-line flow mappings and lists written as {@code {a: b, c: [d, e]}}. Anything else
 * (double quotes, block scalars, anchors, tags, trailing comments, a value continued on the next
 * line, an empty value, another spacing) gives {@code null}, and the caller composes the file with
 * SnakeYAML, which also reports the errors.
 */
final class SimpleYaml {

	private static final int[] NO_SNIPPET = new int[0];

	private static final int MAX_DEPTH = 10;

	private static final int MAX_REMEMBERED = 4096;

	private static final int MAX_REMEMBERED_LENGTH = 40;

	/** Plain scalars read with the shared resolver, with their tags, by value (see {@link #plain(String)}). */
	private static final Map<String, Plain> PLAIN = new ConcurrentHashMap<>();

	private final String text;

	private final Resolver resolver;

	/** Start offset and indentation of each line that holds content, in order. */
	private final int[] starts;

	private final int[] indents;

	/** Line number (0-based) of each content line. */
	private final int[] numbers;

	/**
	 * End offset (its line break, or the text's end) of each content line: looked up for every
	 * character a flow collection reads, so kept rather than searched for again.
	 */
	private final int[] ends;

	private final int count;

	/** The content line being read. */
	private int line;

	private SimpleYaml(String text, Resolver resolver, int[] starts, int[] indents, int[] numbers, int[] ends,
			int count) {
		this.text = text;
		this.resolver = resolver;
		this.starts = starts;
		this.indents = indents;
		this.numbers = numbers;
		this.ends = ends;
		this.count = count;
	}

	/**
	 * Compose a file, or return {@code null} when it is not in the subset read here.
	 * @param text the file's text
	 * @param resolver the resolver of plain scalars' tags
	 * @return the root node, or {@code null}
	 */
	static @Nullable Node compose(String text, Resolver resolver) {
		int length = text.length();
		int lines = 1;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				lines++;
			}
			else if (c < 0x20 || c > 0x7E) {
				return null;
			}
		}
		int[] starts = new int[lines];
		int[] indents = new int[lines];
		int[] numbers = new int[lines];
		int[] ends = new int[lines];
		int count = 0;
		int number = 0;
		for (int start = 0; start <= length; number++) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = length;
			}
			int indent = 0;
			while (start + indent < end && text.charAt(start + indent) == ' ') {
				indent++;
			}
			if (start + indent < end && text.charAt(start + indent) != '#') {
				starts[count] = start;
				indents[count] = indent;
				numbers[count] = number;
				ends[count] = end;
				count++;
			}
			start = end + 1;
		}
		if (count == 0 || indents[0] != 0) {
			return null;
		}
		SimpleYaml yaml = new SimpleYaml(text, resolver, starts, indents, numbers, ends, count);
		try {
			Node root = yaml.block(0, 0);
			return (yaml.line == count) ? root : null;
		}
		catch (NotSimple ex) {
			return null;
		}
	}

	/** A block node starting on the current line at its indentation. */
	private Node block(int indent, int depth) {
		if (depth > MAX_DEPTH) {
			throw NotSimple.INSTANCE;
		}
		int position = this.starts[this.line] + indent;
		if (this.text.startsWith("- ", position)) {
			return sequence(indent, depth);
		}
		return mapping(indent, position, depth);
	}

	/** A block mapping whose first key starts at {@code position} on the current line. */
	private MappingNode mapping(int indent, int position, int depth) {
		Mark start = mark(position);
		List<NodeTuple> entries = new ArrayList<>();
		int at = position;
		while (true) {
			ScalarNode key = scalar(at);
			int colon = at + length(key, at);
			int end = lineEnd();
			if (colon >= end || this.text.charAt(colon) != ':') {
				throw NotSimple.INSTANCE;
			}
			Node value;
			if (colon + 1 == end) {
				this.line++;
				if (this.line == this.count || this.indents[this.line] <= indent) {
					throw NotSimple.INSTANCE;
				}
				value = block(this.indents[this.line], depth + 1);
			}
			else {
				value = lineValue(colon + 1, indent, depth);
			}
			entries.add(new NodeTuple(key, value));
			if (this.line == this.count || this.indents[this.line] < indent) {
				break;
			}
			if (this.indents[this.line] > indent) {
				throw NotSimple.INSTANCE;
			}
			at = this.starts[this.line] + indent;
			if (this.text.startsWith("- ", at)) {
				throw NotSimple.INSTANCE;
			}
		}
		return new MappingNode(Tag.MAP, true, entries, start, start, DumperOptions.FlowStyle.BLOCK);
	}

	/** A block list whose first {@code - } is at the indentation on the current line. */
	private SequenceNode sequence(int indent, int depth) {
		Mark start = mark(this.starts[this.line] + indent);
		List<Node> items = new ArrayList<>();
		while (true) {
			int item = this.starts[this.line] + indent + 2;
			if (item >= lineEnd() || this.text.charAt(item) == ' ') {
				throw NotSimple.INSTANCE;
			}
			if (startsEntry(item)) {
				items.add(mapping(indent + 2, item, depth + 1));
			}
			else {
				items.add(lineValue(item - 1, indent, depth));
			}
			if (this.line == this.count || this.indents[this.line] < indent) {
				break;
			}
			if (this.indents[this.line] > indent || !this.text.startsWith("- ", this.starts[this.line] + indent)) {
				throw NotSimple.INSTANCE;
			}
		}
		return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.BLOCK);
	}

	/** Whether a mapping entry ({@code key:} or {@code key: value}) starts at a position. */
	private boolean startsEntry(int position) {
		char first = charAt(position);
		if (first == '{' || first == '[') {
			return false;
		}
		int after = position + length(scalar(position), position);
		int end = lineEnd();
		return after < end && this.text.charAt(after) == ':' && (after + 1 == end || this.text.charAt(after + 1) == ' ');
	}

	/**
	 * The value after {@code ": "} or {@code "- "} (at {@code space}), which must end the line;
	 * the next content line may not be deeper than {@code indent}.
	 */
	private Node lineValue(int space, int indent, int depth) {
		int end = lineEnd();
		if (this.text.charAt(space) != ' ' || space + 1 >= end || this.text.charAt(space + 1) == ' ') {
			throw NotSimple.INSTANCE;
		}
		int[] next = { 0 };
		Node value = inline(space + 1, depth + 1, next);
		if (next[0] != end) {
			throw NotSimple.INSTANCE;
		}
		this.line++;
		if (this.line < this.count && this.indents[this.line] > indent) {
			throw NotSimple.INSTANCE;
		}
		return value;
	}

	/** A scalar or flow collection at a position; {@code next[0]} receives the offset after it. */
	private Node inline(int position, int depth, int[] next) {
		if (depth > MAX_DEPTH) {
			throw NotSimple.INSTANCE;
		}
		char first = charAt(position);
		if (first == '{') {
			return flowMapping(position, depth, next);
		}
		if (first == '[') {
			return flowSequence(position, depth, next);
		}
		ScalarNode scalar = scalar(position);
		next[0] = position + length(scalar, position);
		return scalar;
	}

	private MappingNode flowMapping(int position, int depth, int[] next) {
		List<NodeTuple> entries = new ArrayList<>();
		int at = position + 1;
		if (charAt(at) != '}') {
			while (true) {
				ScalarNode key = scalar(at);
				at += length(key, at);
				if (charAt(at) != ':' || charAt(at + 1) != ' ') {
					throw NotSimple.INSTANCE;
				}
				Node value = inline(at + 2, depth + 1, next);
				entries.add(new NodeTuple(key, value));
				at = next[0];
				if (charAt(at) == '}') {
					break;
				}
				at = afterComma(at);
			}
		}
		next[0] = at + 1;
		Mark start = mark(position);
		return new MappingNode(Tag.MAP, true, entries, start, start, DumperOptions.FlowStyle.FLOW);
	}

	private SequenceNode flowSequence(int position, int depth, int[] next) {
		List<Node> items = new ArrayList<>();
		int at = position + 1;
		if (charAt(at) != ']') {
			while (true) {
				items.add(inline(at, depth + 1, next));
				at = next[0];
				if (charAt(at) == ']') {
					break;
				}
				at = afterComma(at);
			}
		}
		next[0] = at + 1;
		Mark start = mark(position);
		return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.FLOW);
	}

	private int afterComma(int at) {
		if (charAt(at) != ',' || charAt(at + 1) != ' ' || charAt(at + 2) == ' ') {
			throw NotSimple.INSTANCE;
		}
		return at + 2;
	}

	/** A plain or single-quoted scalar on the current line. */
	private ScalarNode scalar(int position) {
		int end = lineEnd();
		if (position >= end) {
			throw NotSimple.INSTANCE;
		}
		char first = this.text.charAt(position);
		if (first == '\'') {
			StringBuilder value = new StringBuilder();
			int at = position + 1;
			while (true) {
				int quote = this.text.indexOf('\'', at);
				if (quote < 0 || quote >= end) {
					throw NotSimple.INSTANCE;
				}
				value.append(this.text, at, quote);
				if (quote + 1 < end && this.text.charAt(quote + 1) == '\'') {
					value.append('\'');
					at = quote + 2;
				}
				else {
					break;
				}
			}
			return new ScalarNode(Tag.STR, true, value.toString(), mark(position), mark(position),
					DumperOptions.ScalarStyle.SINGLE_QUOTED);
		}
		int at = position;
		while (at < end && isPlain(this.text.charAt(at))) {
			at++;
		}
		if (at == position || (first == '-' && at == position + 1)) {
			throw NotSimple.INSTANCE;
		}
		Plain plain = plain(this.text.substring(position, at));
		return new ScalarNode(plain.tag(), true, plain.value(), mark(position), mark(position),
				DumperOptions.ScalarStyle.PLAIN);
	}

	/**
	 * A plain scalar with the resolver's tag. The resolver matches regular expressions, which in a
	 * fresh JVM is a good part of reading a thousand files, and the same few values ({@code true},
	 * {@code CharField}, {@code 100}, field names such as {@code id}) come back in every file; its
	 * answer depends on the value alone, so answers for the resolver every file shares are kept
	 * (short values, a bounded number), and the value kept is the one handed out: the migrations
	 * of a run share one copy of each such value instead of one a file for the whole run.
	 */
	private Plain plain(String value) {
		if (this.resolver != YamlFile.RESOLVER || value.length() > MAX_REMEMBERED_LENGTH) {
			return new Plain(value, this.resolver.resolve(NodeId.scalar, value, true));
		}
		Plain plain = PLAIN.get(value);
		if (plain == null) {
			plain = new Plain(value, this.resolver.resolve(NodeId.scalar, value, true));
			if (PLAIN.size() < MAX_REMEMBERED) {
				Plain first = PLAIN.putIfAbsent(value, plain);
				return (first != null) ? first : plain;
			}
		}
		return plain;
	}

	/**
	 * A plain scalar's value and its tag.
	 */
	private record Plain(String value, Tag tag) {
	}

	/** The number of characters a scalar read at a position took. */
	private int length(ScalarNode scalar, int position) {
		if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
			return scalar.getValue().length();
		}
		int at = position + 1;
		while (true) {
			int quote = this.text.indexOf('\'', at);
			if (quote + 1 < this.text.length() && this.text.charAt(quote + 1) == '\'') {
				at = quote + 2;
			}
			else {
				return quote + 1 - position;
			}
		}
	}

	private static boolean isPlain(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == '-';
	}

	private char charAt(int position) {
		return (position < lineEnd()) ? this.text.charAt(position) : '\n';
	}

	private int lineEnd() {
		if (this.line < this.count) {
			return this.ends[this.line];
		}
		int end = this.text.indexOf('\n', this.starts[this.line]);
		return (end < 0) ? this.text.length() : end;
	}

	private Mark mark(int position) {
		return new Mark("reader", position, this.numbers[this.line], position - this.starts[this.line], NO_SNIPPET, 0);
	}

	/** Thrown to give up on a file outside the subset. */
	private static final class NotSimple extends RuntimeException {

		static final NotSimple INSTANCE = new NotSimple();

		private NotSimple() {
			super(null, null, false, false);
		}

	}

}
