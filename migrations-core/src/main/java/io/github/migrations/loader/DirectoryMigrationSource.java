package io.github.migrations.loader;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
		// java.io rather than java.nio.file streams: in a fresh JVM, where a restart reads a
		// thousand files before the JIT has compiled anything, it costs a fraction of the time
		File root = this.root.toFile();
		String[] apps = root.list();
		if (apps == null || !root.isDirectory()) {
			return List.of();
		}
		Arrays.sort(apps);
		List<MigrationResource> result = new ArrayList<>();
		for (String app : apps) {
			File appDir = new File(root, app);
			String[] names = appDir.list();
			if (names == null) {
				continue;
			}
			Arrays.sort(names);
			for (String fileName : names) {
				File file = new File(appDir, fileName);
				if (!isMigrationFileName(fileName) || !file.isFile()) {
					continue;
				}
				String location = file.getPath();
				result.add(new MigrationResource(app, fileName.substring(0, fileName.length() - ".yaml".length()),
						location, decode(read(file), location)));
			}
		}
		return result;
	}

	private byte[] read(File file) {
		try (InputStream in = new FileInputStream(file)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read migration files under " + this.root, ex);
		}
	}

	/**
	 * Decode a migration file's bytes as UTF-8, rejecting malformed input.
	 * @param bytes the file's bytes
	 * @param location the file's location, for the message
	 * @return the text
	 * @throws BadMigrationException if the bytes are not UTF-8
	 */
	static String decode(byte[] bytes, String location) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') < 0) {
			// no replacement character: every byte sequence was well-formed (free for ASCII text)
			return text;
		}
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

	static boolean isMigrationFileName(String name) {
		return name.endsWith(".yaml") && !name.startsWith("_") && !name.startsWith("~") && !name.startsWith(".");
	}

}
