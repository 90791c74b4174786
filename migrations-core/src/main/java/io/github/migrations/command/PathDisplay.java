package io.github.migrations.command;

import java.nio.file.Path;

/**
 * Shows a path the way Django does: relative to the working directory when below it, else
 * absolute.
 */
final class PathDisplay {

	private PathDisplay() {
	}

	static String of(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path cwd = Path.of("").toAbsolutePath();
		return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
	}

}
