package io.github.migrations.schema;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A connection to no server that reports a database product and version and an empty database:
 * enough for a schema editor in collect-only mode, whose introspection then finds nothing and
 * falls back to Django's names. Anything that would need a server throws
 * {@link UnsupportedOperationException} naming the method.
 */
final class MetadataOnlyConnection {

	private MetadataOnlyConnection() {
	}

	/**
	 * Return a connection that reports a product and version.
	 * @param product the product name, as {@code DatabaseMetaData.getDatabaseProductName()}
	 * @param version the version, as {@code DatabaseMetaData.getDatabaseProductVersion()}
	 * @return the connection
	 */
	static Connection of(String product, String version) {
		ResultSet empty = proxy(ResultSet.class, (method) -> switch (method) {
			case "next", "wasNull" -> false;
			case "close" -> null;
			default -> unsupported(method);
		});
		PreparedStatement statement = proxy(PreparedStatement.class, (method) -> switch (method) {
			case "setString", "close" -> null;
			case "executeQuery" -> empty;
			default -> unsupported(method);
		});
		DatabaseMetaData metaData = proxy(DatabaseMetaData.class, (method) -> switch (method) {
			case "getDatabaseProductName" -> product;
			case "getDatabaseProductVersion" -> version;
			case "storesUpperCaseIdentifiers", "storesLowerCaseIdentifiers" -> false;
			case "getSearchStringEscape" -> "\\";
			case "getTables", "getColumns", "getImportedKeys", "getIndexInfo", "getPrimaryKeys" -> empty;
			default -> unsupported(method);
		});
		return proxy(Connection.class, (method) -> switch (method) {
			case "getMetaData" -> metaData;
			case "prepareStatement" -> statement;
			case "getCatalog" -> "test";
			case "getSchema" -> null;
			case "close" -> null;
			default -> unsupported(method);
		});
	}

	private static Object unsupported(String method) {
		throw new UnsupportedOperationException(method + " needs a server");
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answer) {
		return (T) Proxy.newProxyInstance(MetadataOnlyConnection.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> answer.apply(method.getName()));
	}

}
