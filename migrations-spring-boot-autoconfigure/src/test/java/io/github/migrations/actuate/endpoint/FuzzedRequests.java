package io.github.migrations.actuate.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Generates hostile requests for the migrations endpoint from a seed: app, target, token and
 * {@code bean} values drawn from hand-written hostile values (SQL injection, path traversal,
 * Django's special names, numbers, blank), random Unicode and very long strings; bodies that are
 * not a JSON object with a string token; and valid apps and targets with forged or stale tokens.
 * The same seed gives the same requests.
 *
 * @author Migrations contributors
 */
final class FuzzedRequests {

	static final List<String> HOSTILE = List.of("", " ", "\t", "\n", "zero", "ZERO", "zero ", "__first__",
			"__latest__", "0", "00", "0001", "0002", "0001_initial", "0002_add_sku", "0003", "-1", "1e9", "0x10",
			"99999999999999999999", "NaN", "null", "true", "shop", "crm", "SHOP", "shop.0001_initial",
			"shop' OR '1'='1", "'; DROP TABLE migrations_history; --", "\"; DROP TABLE shop_product; --",
			"0001'; DELETE FROM migrations_history WHERE '1'='1", "`shop_product`", "$$; DROP SCHEMA public; $$",
			"1; SELECT pg_sleep(10)", "1 UNION SELECT * FROM migrations_history", "%27%20OR%201=1",
			"../../../../etc/passwd", "..", ".", "..%2F..%2Fetc", "..\\..\\windows", "/actuator/env", "%00",
			"\u0000", "\u202Eevil", "sh\u200Bop", "ｓｈｏｐ", "шоп", "店", "😀", "\uD800", "${jndi:ldap://x/a}",
			"#{7*7}", "{{7*7}}", "<script>alert(1)</script>", "%s%s%s%n", "a;b", "a?b", "a#b", "a&b=c");

	private static final String TOKEN_ALPHABET = "0123456789abcdef";

	private final Random random;

	private final List<StaleToken> staleTokens;

	FuzzedRequests(long seed, List<StaleToken> staleTokens) {
		this.random = new Random(seed);
		this.staleTokens = staleTokens;
	}

	/**
	 * Return the next request.
	 * @return the request
	 */
	Request next() {
		int kind = this.random.nextInt(10);
		if (kind == 0 && !this.staleTokens.isEmpty()) {
			StaleToken stale = this.staleTokens.get(this.random.nextInt(this.staleTokens.size()));
			return new Request(true, stale.app(), stale.target(), tokenBody(stale.token()), null);
		}
		boolean post = this.random.nextInt(3) != 0;
		String app = (kind <= 3) ? pick("shop", "crm") : value();
		String target = (kind <= 2) ? pick("zero", "0001", "0002", "0001_initial", "__first__", "__latest__")
				: value();
		String body = post ? body() : null;
		String bean = (this.random.nextInt(8) == 0) ? value() : null;
		return new Request(post, app, target, body, bean);
	}

	private String value() {
		return switch (this.random.nextInt(6)) {
			case 0, 1 -> HOSTILE.get(this.random.nextInt(HOSTILE.size()));
			case 2 -> unicode(1 + this.random.nextInt(24));
			case 3 -> HOSTILE.get(this.random.nextInt(HOSTILE.size())) + unicode(this.random.nextInt(4));
			case 4 -> "x".repeat(200 + this.random.nextInt(1500));
			default -> Integer.toString(this.random.nextInt());
		};
	}

	private String body() {
		return switch (this.random.nextInt(14)) {
			case 0 -> "null";
			case 1 -> "[]";
			case 2 -> "";
			case 3 -> "{\"token\": null}";
			case 4 -> "{\"token\": " + this.random.nextInt() + "}";
			case 5 -> "{\"token\": true}";
			case 6 -> "{\"token\": [\"" + forgedToken() + "\"]}";
			case 7 -> "{\"token\": {\"token\": \"" + forgedToken() + "\"}}";
			case 8 -> "{\"tok\": \"" + forgedToken() + "\"}";
			case 9 -> "{\"token\": \"" + "f".repeat(100_000) + "\"}";
			case 10 -> "{token: '" + forgedToken() + "'";
			case 11 -> tokenBody(json(value()));
			default -> tokenBody(forgedToken());
		};
	}

	private static String tokenBody(String token) {
		return "{\"token\": \"" + token + "\"}";
	}

	private String forgedToken() {
		StringBuilder token = new StringBuilder();
		int length = (this.random.nextInt(4) == 0) ? this.random.nextInt(128) : 64;
		for (int i = 0; i < length; i++) {
			token.append(TOKEN_ALPHABET.charAt(this.random.nextInt(TOKEN_ALPHABET.length())));
		}
		return token.toString();
	}

	private String unicode(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int codePoint = switch (this.random.nextInt(4)) {
				case 0 -> 0x20 + this.random.nextInt(0x5f);
				case 1 -> this.random.nextInt(0x20);
				case 2 -> 0xa0 + this.random.nextInt(0xd000);
				default -> 0x10000 + this.random.nextInt(0x10000);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	private String pick(String... values) {
		return values[this.random.nextInt(values.length)];
	}

	private static String json(String value) {
		StringBuilder escaped = new StringBuilder();
		value.chars().forEach((c) -> {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append((char) c);
			}
			else if (c < 0x20 || Character.isSurrogate((char) c)) {
				escaped.append(String.format("\\u%04x", c));
			}
			else {
				escaped.append((char) c);
			}
		});
		return escaped.toString();
	}

	/**
	 * A generated request.
	 *
	 * @param post whether it is the write operation ({@code POST}) rather than the plan
	 * ({@code GET})
	 * @param app the app path segment, not encoded
	 * @param target the target path segment, not encoded
	 * @param body the JSON body of a {@code POST}, or {@code null}
	 * @param bean the {@code bean} query parameter, or {@code null}
	 */
	record Request(boolean post, String app, String target, @Nullable String body, @Nullable String bean) {

		/**
		 * Return the values from outside that the request carries, for looking for them in SQL.
		 * @return the app, the target, the bean and the body
		 */
		List<String> values() {
			List<String> values = new ArrayList<>(List.of(this.app, this.target));
			if (this.bean != null) {
				values.add(this.bean);
			}
			if (this.body != null) {
				values.add(this.body);
			}
			return values;
		}

		@Override
		public String toString() {
			String body = (this.body != null && this.body.length() > 200) ? this.body.substring(0, 200) + "..."
					: this.body;
			return (this.post ? "POST " : "GET ") + abbreviate(this.app) + " / " + abbreviate(this.target)
					+ ((this.bean != null) ? " bean=" + abbreviate(this.bean) : "")
					+ ((body != null) ? " body " + body : "");
		}

		private static String abbreviate(String value) {
			return "'" + ((value.length() > 80) ? value.substring(0, 80) + "...(" + value.length() + " chars)" : value)
					+ "'";
		}

	}

	/**
	 * A real token of one plan, to be sent for another plan.
	 *
	 * @param app the app of the request
	 * @param target the target of the request
	 * @param token a token of a different plan
	 */
	record StaleToken(String app, String target, String token) {

	}

}
