package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a SQL condition (of a check constraint or a partial index) to one loose spelling, so that
 * what the migrations wrote compares equal with what the database shows after rewriting it:
 * PostgreSQL's {@code ((price >= (0)::numeric))}, {@code (status)::text = ANY (ARRAY[…])} and
 * {@code ~~}, MariaDB's backticks and {@code octet_length}, H2's upper-case quoted names. Names are
 * unquoted and lower-cased, casts and all parentheses and brackets dropped, {@code IN} lists,
 * {@code LIKE}, {@code BETWEEN}, {@code !=} and booleans spelled one way. Dropping parentheses
 * makes {@code (a OR b) AND c} equal to {@code a OR (b AND c)}: loose on purpose, as every
 * database adds its own.
 *
 * @since 0.1
 */
public final class Expressions {

	private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`"
			+ "|[A-Za-z_][A-Za-z0-9_$]*|\\d+(?:\\.\\d+)?|::|[<>=!~*+\\-/%|&^]+|[()\\[\\],.]");

	private static final Pattern QUOTED_NUMBER = Pattern.compile("'(-?\\d+(?:\\.\\d+)?)'");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

	private static final Map<String, String> NEGATED = Map.of("<", ">=", ">", "<=", "<=", ">", ">=", "<", "=", "<>",
			"<>", "=");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "in", "like", "ilike", "between",
			"escape", "then", "else", "end", "when", "null", "any", "all", "array");

	private static final Map<String, String> SYNONYMS = Map.of("!=", "<>", "~~", "like", "~~*", "ilike", "true", "1",
			"false", "0", "octet_length", "length", "char_length", "length", "character_length", "length");

	private Expressions() {
	}

	/**
	 * Return a condition in the loose canonical spelling.
	 * @param sql the condition as written or as the database shows it
	 * @return the canonical spelling: tokens separated by single spaces
	 */
	public static String canonical(String sql) {
		Matcher matcher = TOKEN.matcher(sql.trim());
		List<String> raw = new ArrayList<>();
		while (matcher.find()) {
			String token = matcher.group();
			Matcher number = QUOTED_NUMBER.matcher(token);
			raw.add(number.matches() ? number.group(1) : token);
		}
		List<String> tokens = new ArrayList<>();
		String previous = "(";
		for (int i = 0; i < raw.size(); i++) {
			String token = raw.get(i);
			if (token.equals("::")) {
				i = skipType(raw, i + 1) - 1;
				continue;
			}
			if (token.equalsIgnoreCase("cast") && i + 1 < raw.size() && raw.get(i + 1).equals("(")) {
				unwrapCast(raw, i + 1);
				continue;
			}
			boolean unary = token.equals("-") && i + 1 < raw.size() && NUMBER.matcher(raw.get(i + 1)).matches()
					&& !isOperand(previous);
			previous = token;
			if (unary) {
				tokens.add("-" + raw.get(++i));
				previous = tokens.get(tokens.size() - 1);
				continue;
			}
			if (token.equals("(") || token.equals(")") || token.equals("[") || token.equals("]")) {
				continue;
			}
			tokens.add(normal(token));
		}
		return commuted(rewrite(tokens));
	}

	private static boolean isOperand(String token) {
		char first = token.charAt(0);
		return Character.isLetterOrDigit(first) || first == '_' || first == '"' || first == '`' || first == '\''
				|| first == ')' || first == ']';
	}

	/**
	 * Turn {@code CAST ( x AS type )} into {@code ( x )} in place: the {@code CAST} token goes and
	 * {@code AS type} up to the closing parenthesis become parentheses, which are dropped anyway.
	 */
	private static void unwrapCast(List<String> raw, int open) {
		int depth = 0;
		int as = -1;
		for (int i = open; i < raw.size(); i++) {
			String token = raw.get(i);
			depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
			if (depth == 1 && as < 0 && token.equalsIgnoreCase("as")) {
				as = i;
			}
			if (depth == 0) {
				if (as > 0) {
					for (int j = as; j < i; j++) {
						raw.set(j, "(");
					}
				}
				return;
			}
		}
	}

	/**
	 * Sort the operands of {@code AND} and {@code OR} (H2 reorders them).
	 */
	private static String commuted(List<String> tokens) {
		List<String> conjuncts = new ArrayList<>();
		for (String conjunct : String.join(" ", tokens).split(" and ", -1)) {
			List<String> disjuncts = new ArrayList<>(List.of(conjunct.split(" or ", -1)));
			disjuncts.sort(null);
			conjuncts.add(String.join(" or ", disjuncts));
		}
		conjuncts.sort(null);
		return String.join(" and ", conjuncts);
	}

	/**
	 * Return whether two conditions are the same in the loose spelling.
	 * @param left one condition
	 * @param right the other
	 * @return {@code true} when they compare equal
	 */
	public static boolean same(String left, String right) {
		return canonical(left).equals(canonical(right));
	}

	private static int skipType(List<String> raw, int from) {
		int i = from;
		while (i < raw.size() && Character.isLetter(raw.get(i).charAt(0))
				&& !KEYWORDS.contains(raw.get(i).toLowerCase(Locale.ROOT))) {
			i++;
			if (i < raw.size() && raw.get(i).equals("(")) {
				int close = raw.subList(i, raw.size()).indexOf(")") + i;
				if (close > i && close - i <= 4) {
					i = close + 1;
				}
			}
			while (i + 1 < raw.size() && raw.get(i).equals("[") && raw.get(i + 1).equals("]")) {
				i += 2;
			}
		}
		return i;
	}

	private static String normal(String token) {
		char first = token.charAt(0);
		if (first == '\'') {
			return token;
		}
		String name = token;
		if (first == '"' || first == '`' || (first == '[' && token.length() > 2)) {
			name = token.substring(1, token.length() - 1);
		}
		name = name.toLowerCase(Locale.ROOT);
		return SYNONYMS.getOrDefault(name, name);
	}

	private static List<String> rewrite(List<String> tokens) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			if (matches(tokens, i, "=", "any", "array") || matches(tokens, i, "=", "any")) {
				out.add("in");
				i += matches(tokens, i, "=", "any", "array") ? 2 : 1;
			}
			else if (matches(tokens, i, "<>", "all", "array") || matches(tokens, i, "<>", "all")) {
				out.add("not");
				out.add("in");
				i += matches(tokens, i, "<>", "all", "array") ? 2 : 1;
			}
			else if (token.equals("not") && i + 3 < tokens.size() && NEGATED.containsKey(tokens.get(i + 2))
					&& (i + 4 == tokens.size() || tokens.get(i + 4).equals("and") || tokens.get(i + 4).equals("or"))) {
				out.addAll(List.of(tokens.get(i + 1), NEGATED.get(tokens.get(i + 2)), tokens.get(i + 3)));
				i += 3;
			}
			else if (matches(tokens, i, "!~~")) {
				out.add("not");
				out.add("like");
			}
			else if (token.equals("between") && !out.isEmpty() && i + 3 < tokens.size()
					&& tokens.get(i + 2).equals("and")) {
				boolean negated = out.get(out.size() - 1).equals("not") && out.size() > 1;
				if (negated) {
					out.remove(out.size() - 1);
				}
				String subject = out.get(out.size() - 1);
				out.addAll(List.of(negated ? "<" : ">=", tokens.get(i + 1), negated ? "or" : "and", subject,
						negated ? ">" : "<=", tokens.get(i + 3)));
				i += 3;
			}
			else {
				out.add(token);
			}
		}
		return out;
	}

	private static boolean matches(List<String> tokens, int from, String... expected) {
		if (from + expected.length > tokens.size()) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (!tokens.get(from + i).equals(expected[i])) {
				return false;
			}
		}
		return true;
	}

}
