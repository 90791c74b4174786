package io.github.migrations.model;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.migrations.Migrations;
import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.command.CommandContext;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.model.fixtures.classfile.Containers;
import io.github.migrations.model.fixtures.classfile.Everything;
import io.github.migrations.model.fixtures.classfile.Mistakes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that reading models from their class files gives what reading them by reflection gives:
 * every model class of the engine's test suite, alone and together with the models of its package.
 */
class ClassFileModelsTests {

	private final ClassLoader loader = getClass().getClassLoader();

	@Test
	void everyModelOfTheTestSuiteReadsTheSameThroughTheScannersPathAsByReflection() throws Exception {
		List<String> models = testSuiteModels();
		assertThat(models).hasSizeGreaterThan(40);
		Map<String, String> differences = new TreeMap<>();
		for (String name : models) {
			String reflected = outcome(() -> ModelReader.read(List.of(Class.forName(name, false, this.loader))));
			String read = outcome(() -> ModelReader.read(List.of(), scanned(List.of(name))));
			if (!reflected.equals(read)) {
				differences.put(name, "reflection: " + reflected + "\nclass file: " + read);
			}
		}
		assertThat(differences).isEmpty();
	}

	@Test
	void theClassFilesAloneGiveTheSameModelsAndErrorsButTheTextOfAnnotations() throws Exception {
		Map<String, String> differences = new TreeMap<>();
		for (String name : testSuiteModels()) {
			String reflected = outcome(() -> ModelReader.read(List.of(Class.forName(name, false, this.loader))));
			String read = outcome(() -> {
				ClassFileTypes files = new ClassFileTypes(scanned(List.of(name)));
				return ModelReader.readTypes(List.of(files.model(files.classFile(name))));
			});
			if (!reflected.equals(read)) {
				differences.put(name, read);
			}
		}
		// the one message that prints annotations (the JDK's text of them), and the local class
		// whose class file alone does not say it all: the scanner's path asks reflection for both
		String severalAnnotations = Mistakes.SeveralAnnotations.class.getName();
		assertThat(differences).containsOnlyKeys(severalAnnotations, Containers.local().getName());
		assertThat(differences.get(severalAnnotations))
			.startsWith("io.github.migrations.InvalidModelException: SeveralAnnotations.name has several field annotations");
		assertThat(differences.get(Containers.local().getName())).contains("is a local or anonymous class");
	}

	@Test
	void everyPackageOfModelsOfTheTestSuiteReadsTheSameThroughTheScannersPath() throws Exception {
		Map<String, List<String>> packages = new TreeMap<>();
		for (String name : testSuiteModels()) {
			packages.computeIfAbsent(name.substring(0, name.lastIndexOf('.')), (key) -> new ArrayList<>()).add(name);
		}
		Map<String, String> differences = new TreeMap<>();
		for (Map.Entry<String, List<String>> pkg : packages.entrySet()) {
			ScannedClasses scanned = scanned(pkg.getValue());
			String reflected = outcome(() -> ModelReader.read(scanned.load()));
			String read = outcome(() -> ModelReader.read(List.of(), scanned));
			if (!reflected.equals(read)) {
				differences.put(pkg.getKey(), "reflection: " + reflected + "\nclass files: " + read);
			}
		}
		assertThat(packages).hasSizeGreaterThan(10);
		assertThat(differences).isEmpty();
	}

	@Test
	void theScannersPathReadsModelsWithoutLoadingTheirClasses(@TempDir Path classes) throws Exception {
		String pkg = Everything.class.getPackageName();
		List<Class<?>> copied = copyFixtures(classes);
		try (Fresh fresh = new Fresh(classes, this.loader, pkg)) {
			DeclaredModels read = ModelReader.read(List.of(), ModelScanner.find(fresh, List.of(pkg)));
			for (Class<?> type : copied) {
				assertThat(fresh.loaded(type.getName())).as(type.getName()).isFalse();
			}
			List<Class<?>> reflected = new ArrayList<>(copied);
			reflected.remove(Everything.Status.class);
			reflected.sort(java.util.Comparator.comparing(Class::getName));
			assertThat(outcome(() -> read)).isEqualTo(outcome(() -> ModelReader.read(reflected)));
			assertThat(read.state().models()).hasSize(5);
		}
	}

	@Test
	void aFolderOfClassesConfiguredForTheCommandsIsReadWithoutLoadingItsModels(@TempDir Path classes) throws Exception {
		String pkg = Everything.class.getPackageName();
		List<Class<?>> copied = copyFixtures(classes);
		try (Fresh fresh = new Fresh(classes, this.loader, pkg)) {
			MigrationsConfiguration configuration = Migrations.configure()
				.classLoader(fresh)
				.modelDirectory(classes)
				.build();
			assertThat(configuration.hasModels()).isTrue();
			DeclaredModels read = new CommandContext(configuration, CommandOutput.capturing(new StringWriter()),
					Clock.systemUTC())
				.declaredModels();
			for (Class<?> type : copied) {
				assertThat(fresh.loaded(type.getName())).as(type.getName()).isFalse();
			}
			assertThat(outcome(() -> read))
				.isEqualTo(outcome(() -> ModelReader.read(List.of(), ModelScanner.find(fresh, List.of(pkg)))));
			assertThat(read.state().models()).hasSize(5);
		}
	}

	@Test
	void aModelWhoseFieldTypeCannotBeLoadedFailsAsLoadingItFails(@TempDir Path classes) throws Exception {
		ModelScannerTests.copy(io.github.migrations.e2e.shop.v1.Product.class, classes);
		String pkg = "io.github.migrations.e2e.shop.v1";
		try (Fresh fresh = new Fresh(classes, this.loader, pkg)) {
			ScannedClasses scanned = ModelScanner.find(fresh, List.of(pkg));
			String read = outcome(() -> ModelReader.read(List.of(), scanned));
			assertThat(read).isEqualTo(outcome(() -> ModelReader.read(scanned.load())))
				.startsWith("java.lang.NoClassDefFoundError: io/github/migrations/e2e/shop/v1/Product$Status");
		}
	}

	@Test
	void aLocalModelClassIsReadByReflection() throws Exception {
		Class<?> local = Containers.local();
		ClassFileTypes files = new ClassFileTypes(scanned(List.of(local.getName())));
		assertThatExceptionOfType(ClassFileFormatException.class)
			.isThrownBy(() -> files.model(files.classFile(local.getName())));
		assertThat(ClassFileModels.describe(List.of(), scanned(List.of(local.getName()))))
			.containsExactly(new ReflectedType(local));
	}

	/**
	 * A class loader over a folder of copied classes whose parent cannot see the originals, so that
	 * it would define them itself.
	 */
	/** Copy the class files of the fixtures' package into a folder; return the classes copied. */
	private static List<Class<?>> copyFixtures(Path classes) throws Exception {
		List<Class<?>> copied = List.of(Everything.class, Everything.Tag.class, Everything.Profile.class,
				Everything.Membership.class, Everything.Status.class, Containers.class);
		for (Class<?> type : copied) {
			ModelScannerTests.copy(type, classes);
		}
		ModelScannerTests.copy(Class.forName(Everything.Status.class.getName() + "$1"), classes);
		return copied;
	}

	private static final class Fresh extends URLClassLoader {

		Fresh(Path classes, ClassLoader parent, String hidden) throws IOException {
			super(new URL[] { classes.toUri().toURL() }, new HidingClassLoader(parent, hidden));
		}

		boolean loaded(String name) {
			return findLoadedClass(name) != null;
		}

	}

	/** The model classes of the test suite's class path, by the scanner's reflection. */
	private List<String> testSuiteModels() {
		List<String> names = new ArrayList<>();
		for (Class<?> model : ModelScanner.scan(this.loader, List.of("io.github.migrations"))) {
			names.add(model.getName());
		}
		return names;
	}

	private ScannedClasses scanned(List<String> names) {
		Map<String, Object> sources = new LinkedHashMap<>();
		names.forEach((name) -> sources.put(name, null));
		return new ScannedClasses(this.loader, sources);
	}

	/** The result or the error, as text: equal outcomes are equal texts. */
	private static String outcome(ThrowingSupplier<DeclaredModels> read) {
		try {
			DeclaredModels models = read.get();
			return "models " + models.state().models() + " renames " + models.fieldRenames() + " "
					+ models.modelRenames();
		}
		catch (Exception | LinkageError ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	private interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

}
