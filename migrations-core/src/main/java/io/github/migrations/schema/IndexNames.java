package io.github.migrations.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Computes index and constraint names exactly as Django's {@code _create_index_name} does, so
 * that the names match those Django gives the same tables.
 *
 * @since 0.1
 */
public final class IndexNames {

	/** One MD5 digest per thread, reset after each use: looking the algorithm up costs more than digesting a name. */
	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(IndexNames::md5);

	private IndexNames() {
	}

	/**
	 * Return Django's name for an index or constraint:
	 * {@code <table>_<columns>_<md5 digest, 8 hex>[suffix]}, shortened to {@code maxLength} the
	 * way Django shortens it.
	 * @param table the table name, unquoted
	 * @param columns the column names, unquoted
	 * @param suffix the suffix, for example {@code _uniq} or {@code _fk_blog_author_id}
	 * @param maxLength the longest name the database accepts
	 * @return the name
	 */
	public static String create(String table, List<String> columns, String suffix, int maxLength) {
		String[] parts = new String[columns.size() + 1];
		parts[0] = table;
		for (int i = 0; i < columns.size(); i++) {
			parts[i + 1] = columns.get(i);
		}
		String hashSuffix = digest(parts).substring(0, 8) + suffix;
		String joined = String.join("_", columns);
		String name = table + "_" + joined + "_" + hashSuffix;
		if (name.length() <= maxLength) {
			return name;
		}
		if (hashSuffix.length() > maxLength / 3.0) {
			hashSuffix = hashSuffix.substring(0, maxLength / 3);
		}
		int otherLength = Math.floorDiv(maxLength - hashSuffix.length(), 2) - 1;
		name = truncate(table, otherLength) + "_" + truncate(joined, otherLength) + "_" + hashSuffix;
		if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) {
			name = "D" + name.substring(0, name.length() - 1);
		}
		return name;
	}

	/**
	 * Return the hex MD5 digest of the concatenated arguments (Django's {@code names_digest}
	 * before truncation).
	 * @param args the strings to digest
	 * @return the 32-character hex digest
	 */
	public static String digest(String... args) {
		MessageDigest md5 = MD5.get();
		md5.reset();
		for (String arg : args) {
			md5.update(arg.getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(md5.digest());
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, Math.max(length, 0));
	}

}
