package io.github.migrations.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Migration files the tests write into a migrations folder, and the first migration many of them
 * start from.
 */
public final class MigrationFiles {

	/**
	 * {@code shop/0001_initial.yaml}: a {@code Product} model with only its primary key.
	 */
	public static final String SHOP_INITIAL = """
			initial: true
			dependencies: []
			operations:
			  - CreateModel:
			      name: Product
			      fields:
			        id: {type: BigAutoField, primary_key: true}
			""";

	private MigrationFiles() {
	}

	/**
	 * Write a file below a migrations folder, creating its app folder when needed.
	 * @param dir the migrations folder
	 * @param relative the file's path below it, for example {@code shop/0001_initial.yaml}
	 * @param content the file's text
	 * @return the file
	 */
	public static Path write(Path dir, String relative, String content) throws IOException {
		Path file = dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
