package io.github.migrations.loader;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.github.migrations.BadMigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DirectoryMigrationSource} and {@link ClasspathMigrationSource}.
 */
class MigrationSourceTests {

	private static final String CONTENT = "dependencies: []\noperations: []\n";

	@Test
	void directorySourceListsYamlFilesOneLevelBelowEachAppSorted(@TempDir Path root) throws Exception {
		write(root.resolve("shop/0002_second.yaml"), CONTENT);
		write(root.resolve("shop/0001_initial.yaml"), CONTENT);
		write(root.resolve("blog/0001_initial.yaml"), CONTENT);
		write(root.resolve("blog/_draft.yaml"), "not: [valid");
		write(root.resolve("blog/~0002_backup.yaml"), "not: [valid");
		write(root.resolve("blog/.0003_hidden.yaml"), "not: [valid");
		write(root.resolve("blog/notes.txt"), "hello");
		write(root.resolve("blog/nested/0004_deep.yaml"), CONTENT);
		write(root.resolve("stray.yaml"), CONTENT);
		List<MigrationResource> resources = new DirectoryMigrationSource(root).list();
		assertThat(resources).extracting((resource) -> resource.app() + "." + resource.name())
			.containsExactly("blog.0001_initial", "shop.0001_initial", "shop.0002_second");
		assertThat(resources.get(0).content()).isEqualTo(CONTENT);
		assertThat(resources.get(0).location()).isEqualTo(root.resolve("blog/0001_initial.yaml").toString());
	}

	@Test
	void fileThatIsNotUtf8IsABadMigration(@TempDir Path root) throws Exception {
		Path file = root.resolve("shop/0001_initial.yaml");
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[] { 'a', ':', ' ', (byte) 0xE9, '\n' });
		assertThatExceptionOfType(BadMigrationException.class)
			.isThrownBy(() -> new DirectoryMigrationSource(root).list())
			.withMessage("Migration file " + file
					+ " is not valid UTF-8. Save it as UTF-8 or regenerate it with makemigrations.");
	}

	@Test
	void fileHoldingTheReplacementCharacterItselfIsValidUtf8(@TempDir Path root) throws Exception {
		write(root.resolve("shop/0001_initial.yaml"), "# caf\u00e9 \uFFFD\n" + CONTENT);
		assertThat(new DirectoryMigrationSource(root).list()).singleElement()
			.satisfies((resource) -> assertThat(resource.content()).isEqualTo("# caf\u00e9 \uFFFD\n" + CONTENT));
	}

	@Test
	void fileWithAMalformedSequenceBesideAReplacementCharacterIsABadMigration(@TempDir Path root) throws Exception {
		Path file = root.resolve("shop/0001_initial.yaml");
		Files.createDirectories(file.getParent());
		byte[] replacement = "# \uFFFD\n".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = java.util.Arrays.copyOf(replacement, replacement.length + 2);
		bytes[replacement.length] = (byte) 0xC3;
		bytes[replacement.length + 1] = '\n';
		Files.write(file, bytes);
		assertThatExceptionOfType(BadMigrationException.class)
			.isThrownBy(() -> new DirectoryMigrationSource(root).list())
			.withMessageContaining("is not valid UTF-8");
	}

	@Test
	void directorySourceWithoutItsFolderHasNoMigrations(@TempDir Path root) {
		assertThat(new DirectoryMigrationSource(root.resolve("missing")).list()).isEmpty();
	}

	@Test
	void classpathSourceReadsMigrationsInsideAJar(@TempDir Path temp) throws Exception {
		Path jar = temp.resolve("migrations.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String folder : List.of("db/", "db/migrations/", "db/migrations/shop/")) {
				out.putNextEntry(new JarEntry(folder));
				out.closeEntry();
			}
			entry(out, "db/migrations/shop/0001_initial.yaml", CONTENT);
			entry(out, "db/migrations/shop/0002_second.yaml", "dependencies:\n  - shop.0001_initial\noperations: []\n");
			entry(out, "db/migrations/shop/_ignored.yaml", "not: [valid");
			entry(out, "db/migrations/shop/deeper/0003_x.yaml", CONTENT);
			entry(out, "db/other/shop/0009_elsewhere.yaml", CONTENT);
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<MigrationResource> resources = new ClasspathMigrationSource(classLoader, "classpath:/db/migrations/")
				.list();
			assertThat(resources).extracting((resource) -> resource.app() + "." + resource.name())
				.containsExactly("shop.0001_initial", "shop.0002_second");
			assertThat(resources.get(0).location()).isEqualTo("classpath:db/migrations/shop/0001_initial.yaml");
			MigrationLoader loader = MigrationLoader.load(() -> resources, null);
			assertThat(loader.graph().leafNodes("shop")).extracting(Object::toString).containsExactly("shop.0002_second");
		}
	}

	@Test
	void classpathSourceReadsFoldersOnTheClasspath() {
		List<MigrationResource> resources = MigrationLoaderTests.source("conflict").list();
		assertThat(resources).extracting(MigrationResource::name)
			.containsExactly("0001_initial", "0002_first", "0002_second");
	}

	@Test
	void classpathSourceWithoutTheLocationHasNoMigrations() {
		assertThat(new ClasspathMigrationSource(getClass().getClassLoader(), "no/such/location").list()).isEmpty();
	}

	private static void write(Path file, String content) throws Exception {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private static void entry(JarOutputStream out, String name, String content) throws Exception {
		out.putNextEntry(new JarEntry(name));
		OutputStream stream = out;
		stream.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

}
