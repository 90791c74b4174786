package io.github.migrations.autoconfigure;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.github.migrations.loader.MigrationResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResourcePatternMigrationSource}.
 *
 * @author Migrations contributors
 */
class ResourcePatternMigrationSourceTests {

	private static final String CONTENT = "dependencies: []\noperations: []\n";

	@Test
	void aFolderOnTheClasspathIsReadAsThePatternReadsIt(@TempDir Path root) throws Exception {
		Path migrations = root.resolve("db/migrations");
		write(migrations.resolve("shop/0002_second.yaml"), "# second\n" + CONTENT);
		write(migrations.resolve("shop/0001_initial.yaml"), CONTENT);
		write(migrations.resolve("blog/0001_initial.yaml"), "# blog\n" + CONTENT);
		write(migrations.resolve("blog/_draft.yaml"), "not: [valid");
		write(migrations.resolve("blog/.0003_hidden.yaml"), "not: [valid");
		write(migrations.resolve("blog/notes.txt"), "hello");
		write(migrations.resolve("blog/nested/0004_deep.yaml"), CONTENT);
		write(migrations.resolve("stray.yaml"), CONTENT);
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { root.toUri().toURL() }, null)) {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
			List<MigrationResource> read = new ResourcePatternMigrationSource(resolver, "classpath:db/migrations").list();
			List<MigrationResource> matched = new ResourcePatternMigrationSource(resolver,
					migrations.toUri().toString()).list();
			assertThat(read).extracting((resource) -> resource.app() + "." + resource.name())
				.containsExactly("blog.0001_initial", "shop.0001_initial", "shop.0002_second");
			assertThat(read).isEqualTo(matched);
			assertThat(read.get(0).location()).startsWith("file:").endsWith("/db/migrations/blog/0001_initial.yaml");
		}
	}

	@Test
	void aFolderWithNamesToEscapeInAUrlIsReadThroughThePattern(@TempDir Path root) throws Exception {
		Path migrations = root.resolve("db/migrations");
		write(migrations.resolve("shop/0001_initial.yaml"), CONTENT);
		write(migrations.resolve("shop/0002 with space.yaml"), CONTENT);
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { root.toUri().toURL() }, null)) {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
			List<MigrationResource> read = new ResourcePatternMigrationSource(resolver, "classpath:db/migrations").list();
			assertThat(read).isEqualTo(new ResourcePatternMigrationSource(resolver, migrations.toUri().toString()).list());
			assertThat(read).hasSize(2);
			assertThat(read).extracting(MigrationResource::location)
				.anySatisfy((location) -> assertThat(location).endsWith("/shop/0002%20with%20space.yaml"));
		}
	}

	@Test
	void onlyNamesAUrlKeepsUnchangedAreReadDirectly() {
		assertThat(List.of("shop", "0001_initial.yaml", "my-app", "A.b_C-9")).allMatch(ResourcePatternMigrationSource::isPlainName);
		assertThat(List.of("", "0002 with space.yaml", "caf\u00e9", "50%.yaml", "a+b", "a/b", "a~b"))
			.noneMatch(ResourcePatternMigrationSource::isPlainName);
	}

	@Test
	void theFirstRootWinsBetweenAFolderAndAJar(@TempDir Path root) throws Exception {
		Path folder = root.resolve("folder");
		write(folder.resolve("db/migrations/shop/0001_initial.yaml"), "# folder\n" + CONTENT);
		Path jar = root.resolve("migrations.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "db/", null);
			entry(out, "db/migrations/", null);
			entry(out, "db/migrations/shop/", null);
			entry(out, "db/migrations/shop/0001_initial.yaml", "# jar\n" + CONTENT);
			entry(out, "db/migrations/shop/0002_second.yaml", CONTENT);
		}
		URL[] urls = { folder.toUri().toURL(), jar.toUri().toURL() };
		try (URLClassLoader classLoader = new URLClassLoader(urls, null)) {
			List<MigrationResource> read = new ResourcePatternMigrationSource(
					new PathMatchingResourcePatternResolver(classLoader), "classpath:db/migrations").list();
			assertThat(read).extracting(MigrationResource::name).containsExactly("0001_initial", "0002_second");
			assertThat(read.get(0).content()).startsWith("# folder");
			assertThat(read.get(1).location()).startsWith("jar:file:").endsWith("!/db/migrations/shop/0002_second.yaml");
		}
	}

	private static void write(Path file, String content) throws Exception {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private static void entry(JarOutputStream out, String name, String content) throws Exception {
		out.putNextEntry(new JarEntry(name));
		if (content != null) {
			OutputStream stream = out;
			stream.write(content.getBytes(StandardCharsets.UTF_8));
		}
		out.closeEntry();
	}

}
