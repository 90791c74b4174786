package io.github.migrations.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.github.migrations.model.fixtures.classfile.Everything;
import io.github.migrations.state.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that parsed class files are kept between reads only while their files are unchanged.
 */
class ClassFileCacheTests {

	@BeforeEach
	@AfterEach
	void forget() {
		ClassFileCache.clear();
	}

	@Test
	void theFirstReadOfAJvmKeepsNothing() {
		assertThat(ClassFileCache.startRead()).isFalse();
		assertThat(ClassFileCache.startRead()).isTrue();
	}

	@Test
	void aClassFileIsKeptAndReadAgainWhenItsSizeOrTimeChanges(@TempDir Path classes) throws Exception {
		ModelScannerTests.copy(Everything.class, classes);
		Path file = classes.resolve(Everything.class.getName().replace('.', '/') + ".class");
		age(file, 60);
		ClassFile first = ClassFileCache.parse(file, true);
		assertThat(ClassFileCache.parse(file, true)).isSameAs(first);
		assertThat(ClassFileCache.size()).isEqualTo(1);
		// another class's bytes, with another old time
		byte[] other = Files.readAllBytes(copied(Everything.Tag.class, classes));
		Files.write(file, other);
		age(file, 30);
		assertThat(ClassFileCache.parse(file, true).name()).isEqualTo(Everything.Tag.class.getName());
	}

	@Test
	void aClassFileModifiedMomentsBeforeItIsReadIsNotKept(@TempDir Path classes) throws Exception {
		ModelScannerTests.copy(Everything.class, classes);
		Path file = classes.resolve(Everything.class.getName().replace('.', '/') + ".class");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
		ClassFile read = ClassFileCache.parse(file, true);
		assertThat(read.name()).isEqualTo(Everything.class.getName());
		assertThat(ClassFileCache.size()).isZero();
		assertThat(ClassFileCache.parse(file, true)).isNotSameAs(read);
	}

	@Test
	void aClassFileReadWithoutKeepingIsNotKept(@TempDir Path classes) throws Exception {
		Path file = copied(Everything.class, classes);
		age(file, 60);
		assertThat(ClassFileCache.parse(file, false).name()).isEqualTo(Everything.class.getName());
		assertThat(ClassFileCache.size()).isZero();
	}

	@Test
	void aModelRecompiledWithTheSameSizeIsReadAgainWithItsNewValues(@TempDir Path work) throws Exception {
		Path classes = work.resolve("classes");
		compile(work, classes, 100);
		Path file = classes.resolve("cachetest/notes/Note.class");
		age(file, 60);
		long size = Files.size(file);
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader())) {
			ClassFileCache.startRead();
			assertThat(maxLength(loader)).isEqualTo(100);
			assertThat(ClassFileCache.size()).isEqualTo(1);
			assertThat(maxLength(loader)).isEqualTo(100);
			compile(work, classes, 200);
			assertThat(Files.size(file)).isEqualTo(size);
			age(file, 30);
			assertThat(maxLength(loader)).isEqualTo(200);
			assertThat(maxLength(loader)).isEqualTo(200);
		}
	}

	@Test
	void equalAnnotationsReadFromClassFilesShareOneInstance() {
		ClassFile file = ClassFileParser.parse(bytes(Everything.class));
		ClassFile again = ClassFileParser.parse(bytes(Everything.class));
		Model first = AnnotationProxies.create(Model.class, ClassFileType.find(file.annotations(), Model.class), true);
		Model second = AnnotationProxies.create(Model.class, ClassFileType.find(again.annotations(), Model.class), true);
		assertThat(second).isSameAs(first);
		Model third = AnnotationProxies.create(Model.class, ClassFileType.find(again.annotations(), Model.class), false);
		assertThat(third).isNotSameAs(first);
		assertThat(third.app()).isEqualTo(first.app());
	}

	private static int maxLength(ClassLoader loader) {
		DeclaredModels models = ModelReader.read(List.of(), ModelScanner.find(loader, List.of("cachetest")));
		FieldType type = models.state().models().values().iterator().next().fields().get("title").type();
		return ((FieldType.CharField) type).maxLength();
	}

	private static void compile(Path work, Path classes, int maxLength) throws Exception {
		Path source = work.resolve("src/cachetest/notes/Note.java");
		Files.createDirectories(source.getParent());
		Files.writeString(source, """
				package cachetest.notes;

				import io.github.migrations.model.CharField;
				import io.github.migrations.model.Model;

				@Model
				public class Note {

					@CharField(maxLength = %d)
					String title;

				}
				""".formatted(maxLength), StandardCharsets.UTF_8);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		String annotations = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int exit = compiler.run(null, errors, errors, "-proc:none", "-classpath", annotations, "-d", classes.toString(),
				source.toString());
		assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
	}

	private static Path copied(Class<?> type, Path classes) throws IOException {
		ModelScannerTests.copy(type, classes);
		return classes.resolve(type.getName().replace('.', '/') + ".class");
	}

	private static byte[] bytes(Class<?> type) {
		try (var in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void age(Path file, int minutes) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(minutes, ChronoUnit.MINUTES)));
	}

}
