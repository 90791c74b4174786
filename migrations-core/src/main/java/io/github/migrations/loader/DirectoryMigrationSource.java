package io.github.migrations.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Migration files in a folder on disk: {@code <root>/<app>/<name>.yaml}. A missing root means no
 * migrations yet.
 *
 * @param root the folder holding one folder per app
 * @since 0.1
 */
public record DirectoryMigrationSource(Path root) implements MigrationSource {

	@Override
	public List<MigrationResource> list() {
		if (!Files.isDirectory(this.root)) {
			return List.of();
		}
		List<MigrationResource> result = new ArrayList<>();
		try (Stream<Path> apps = Files.list(this.root)) {
			for (Path appDir : apps.filter(Files::isDirectory).sorted().toList()) {
				try (Stream<Path> files = Files.list(appDir)) {
					for (Path file : files.filter(DirectoryMigrationSource::isMigrationFile)
						.sorted(Comparator.comparing(Path::toString))
						.toList()) {
						String fileName = file.getFileName().toString();
						result.add(new MigrationResource(appDir.getFileName().toString(),
								fileName.substring(0, fileName.length() - ".yaml".length()), file.toString(),
								Files.readString(file, StandardCharsets.UTF_8)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read migration files under " + this.root, ex);
		}
		return result;
	}

	static boolean isMigrationFile(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && isMigrationFileName(name);
	}

	static boolean isMigrationFileName(String name) {
		return name.endsWith(".yaml") && !name.startsWith("_") && !name.startsWith("~") && !name.startsWith(".");
	}

}
