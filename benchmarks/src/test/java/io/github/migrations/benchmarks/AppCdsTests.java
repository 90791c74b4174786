package io.github.migrations.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AppCds}.
 */
class AppCdsTests {

	@TempDir
	Path work;

	@Test
	void classPathKeepsJarsPacksFoldersAndLeavesOutMissingEntries() throws Exception {
		Path classes = Files.createDirectories(this.work.resolve("classes/com/example"));
		Files.writeString(classes.resolve("Thing.class"), "not really a class");
		Path jar = Files.writeString(this.work.resolve("lib.jar"), "a jar");
		String classPath = String.join(File.pathSeparator, this.work.resolve("classes").toString(), jar.toString(),
				this.work.resolve("missing").toString());
		Path folder = Files.createDirectories(this.work.resolve("cds"));
		String jarsOnly = AppCds.jarsOnly(classPath, folder);
		Path packed = folder.resolve("classpath-0.jar");
		assertThat(jarsOnly).isEqualTo(packed + File.pathSeparator + jar);
		try (JarFile file = new JarFile(packed.toFile())) {
			assertThat(file.getEntry("com/example/Thing.class")).isNotNull();
			assertThat(new String(file.getInputStream(file.getEntry("com/example/Thing.class")).readAllBytes()))
				.isEqualTo("not really a class");
		}
	}

	@Test
	void trainingThatWritesNoArchiveFailsNamingTheArchive() {
		assertThatIllegalStateException()
			.isThrownBy(() -> AppCds.train(this.work.resolve("cds"), "check", (classPath, options) -> {
				assertThat(options).containsExactly("-XX:ArchiveClassesAtExit=" + this.work.resolve("cds/check.jsa"));
			}))
			.withMessageContaining("check.jsa");
	}

	@Test
	void optionsMapTheArchiveAfterTheOtherOptions() {
		AppCds cds = new AppCds("a.jar", Path.of("check.jsa"));
		assertThat(cds.options(ColdRunner.C1_ONLY_JVM)).containsExactly("-Xmx1g", "-XX:TieredStopAtLevel=1",
				"-XX:SharedArchiveFile=check.jsa");
		assertThat(ColdRunner.C1_ONLY_JVM).containsExactly("-Xmx1g", "-XX:TieredStopAtLevel=1");
	}

}
