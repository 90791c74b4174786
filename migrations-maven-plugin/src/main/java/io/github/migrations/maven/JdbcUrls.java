package io.github.migrations.maven;

import java.nio.file.Path;

/**
 * Resolves relative H2 file URLs against the module's folder, as {@code spring-boot:run} does by
 * running the application there, so that the plugin and the running application open the same
 * database file.
 */
final class JdbcUrls {

	private static final String FILE_PREFIX = "jdbc:h2:file:";

	private static final String H2_PREFIX = "jdbc:h2:";

	private JdbcUrls() {
	}

	/**
	 * Return the URL with a relative H2 file path ({@code jdbc:h2:file:./data/app} or
	 * {@code jdbc:h2:./data/app}) made absolute; any other URL is returned unchanged.
	 * @param url the JDBC URL
	 * @param baseDirectory the folder relative paths are resolved against
	 * @return the URL to connect to
	 */
	static String resolveRelativeH2Path(String url, Path baseDirectory) {
		String path;
		if (url.startsWith(FILE_PREFIX)) {
			path = url.substring(FILE_PREFIX.length());
		}
		else if (url.startsWith(H2_PREFIX + "./") || url.startsWith(H2_PREFIX + "../")) {
			path = url.substring(H2_PREFIX.length());
		}
		else {
			return url;
		}
		int settings = path.indexOf(';');
		String file = (settings >= 0) ? path.substring(0, settings) : path;
		String rest = (settings >= 0) ? path.substring(settings) : "";
		if (!file.startsWith("./") && !file.startsWith("../")) {
			return url;
		}
		String absolute = baseDirectory.toAbsolutePath().resolve(file).normalize().toString().replace('\\', '/');
		return FILE_PREFIX + absolute + rest;
	}

}
