package io.github.migrations.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.migrations.e2e.shop.v1.Product;
import io.github.migrations.e2e.v1.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModelScanner}'s folder listing: the classes {@code Files.walk} would find,
 * symbolic links to folders not followed.
 */
class ModelScannerTests {

	@Test
	void findsTheModelsOfNestedFoldersAndIgnoresOtherFiles(@TempDir Path classes) throws IOException {
		copy(Product.class, classes);
		copy(Employee.class, classes);
		Files.writeString(classes.resolve("io/github/migrations/e2e/readme.txt"), "not a class");
		Files.createDirectories(classes.resolve("io/github/migrations/e2e/empty"));
		try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			assertThat(ModelScanner.scanDirectory(loader, classes)).containsExactly(Product.class, Employee.class);
			assertThat(ModelScanner.scan(loader, List.of("io.github.migrations.e2e.v1"))).containsExactly(Employee.class);
		}
	}

	@Test
	void aClassesFolderThatIsASymbolicLinkIsNotFollowedAsTheWalkDoes(@TempDir Path root) throws IOException {
		Path classes = Files.createDirectories(root.resolve("real"));
		copy(Employee.class, classes);
		Path link = Files.createSymbolicLink(root.resolve("link"), classes);
		assertThat(ModelScanner.scanDirectory(getClass().getClassLoader(), classes)).containsExactly(Employee.class);
		assertThat(ModelScanner.scanDirectory(getClass().getClassLoader(), link)).isEmpty();
	}

	@Test
	void findsTheModelsOfAJarWithoutFolderEntries(@TempDir Path root) throws IOException {
		Path jar = root.resolve("models.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			// files only: no META-INF/, no io/, ... entries, as some build tools write them
			out.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
			out.write("Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			for (Class<?> type : List.of(Employee.class, Product.class, Product.Status.class)) {
				String file = type.getName().replace('.', '/') + ".class";
				out.putNextEntry(new JarEntry(file));
				try (InputStream in = type.getClassLoader().getResourceAsStream(file)) {
					in.transferTo(out);
				}
			}
		}
		String pkg = "io.github.migrations.e2e";
		try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] { jar.toUri().toURL() },
				new HidingClassLoader(getClass().getClassLoader(), pkg))) {
			assertThat(loader.getResources("io/github/migrations/e2e").hasMoreElements()).isFalse();
			List<Class<?>> models = ModelScanner.scan(loader, List.of(pkg));
			assertThat(models).extracting(Class::getName).containsExactly(Product.class.getName(), Employee.class.getName());
			assertThat(models).allSatisfy((model) -> assertThat(model.getClassLoader()).isSameAs(loader));
			assertThat(ModelReader.read(List.of(), ModelScanner.find(loader, List.of(pkg))))
				.isEqualTo(ModelReader.read(List.of(Product.class, Employee.class)));
		}
	}

	/**
	 * Copy a class's class file into a folder of classes, under its package's folders.
	 */
	static void copy(Class<?> type, Path classes) throws IOException {
		String file = type.getName().replace('.', '/') + ".class";
		Path target = classes.resolve(file);
		Files.createDirectories(target.getParent());
		try (InputStream in = type.getClassLoader().getResourceAsStream(file)) {
			Files.write(target, in.readAllBytes());
		}
	}

}
