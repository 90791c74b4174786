package io.github.migrations.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.migrations.BadMigrationException;

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
								decode(Files.readAllBytes(file), file.toString())));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read migration files under " + this.root, ex);
		}
		return result;
	}

	/**
	 * Decode a migration file's bytes as UTF-8, rejecting malformed input.
	 * @param bytes the file's bytes
	 * @param location the file's location, for the message
	 * @return the text
	 * @throws BadMigrationException if the bytes are not UTF-8
	 */
	static String decode(byte[] bytes, String location) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new BadMigrationException("Migration file " + location
					+ " is not valid UTF-8. Save it as UTF-8 or regenerate it with makemigrations.", ex);
		}
	}

	static boolean isMigrationFile(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && isMigrationFileName(name);
	}

	static boolean isMigrationFileName(String name) {
		return name.endsWith(".yaml") && !name.startsWith("_") && !name.startsWith("~") && !name.startsWith(".");
	}

}
