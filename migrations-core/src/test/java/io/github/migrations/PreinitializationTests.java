package io.github.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.migrations.testsupport.JavaProcess;
import io.github.migrations.testsupport.MigrationFiles;
import io.github.migrations.testsupport.SimpleDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Tests for {@link Preinitialization}: its list is kept by hand, so a restart in a fresh JVM
 * ({@link RestartProcess}) checks that it is still the list of what a restart loads.
 */
class PreinitializationTests {

	@Test
	void everyListedClassExistsSoThatARenameIsNoticed() {
		assertThat(Preinitialization.RESTART_CLASSES).isNotEmpty().doesNotHaveDuplicates();
		for (String name : Preinitialization.RESTART_CLASSES) {
			assertThatCode(() -> Class.forName(name, false, Preinitialization.class.getClassLoader())).as(name)
				.doesNotThrowAnyException();
		}
	}

	@Test
	void aRestartOnPostgreSqlLoadsNoClassOfTheEngineThatWasNotLoadedAhead(@TempDir Path folder) throws Exception {
		try (TestDatabase db = TestDatabases.postgresql()) {
			assertThat(engineClassesLoadedByRestart(folder, db, "warm")).as(HOW_TO_FIX).isEmpty();
		}
	}

	@Test
	void aRestartOnH2LoadsNoClassOfTheEngineThatWasNotLoadedAhead(@TempDir Path folder) throws Exception {
		try (TestDatabase db = TestDatabases.h2File(folder.resolve("h2"))) {
			assertThat(engineClassesLoadedByRestart(folder, db, "warm")).as(HOW_TO_FIX).isEmpty();
		}
	}

	@Test
	void everyListedClassIsOneThatARestartLoads(@TempDir Path folder) throws Exception {
		Set<String> loaded = new LinkedHashSet<>();
		try (TestDatabase db = TestDatabases.postgresql()) {
			loaded.addAll(engineClassesLoadedByRestart(folder.resolve("postgresql"), db, "cold"));
		}
		try (TestDatabase db = TestDatabases.h2File(folder.resolve("h2"))) {
			loaded.addAll(engineClassesLoadedByRestart(folder.resolve("files"), db, "cold"));
		}
		assertThat(loaded).as("the classes a restart loads, without Preinitialization")
			.containsAll(Preinitialization.RESTART_CLASSES);
	}

	private static final String HOW_TO_FIX = "engine classes a restart loaded after Preinitialization.restart(): "
			+ "add them to Preinitialization.RESTART_CLASSES, or, for a lambda ($$Lambda), write a class instead";

	/**
	 * Apply two migrations, then restart in a fresh JVM and return the engine's classes it loaded
	 * while migrating ({@code warm}: after {@link Preinitialization#restart()}) or at all
	 * ({@code cold}: without it).
	 */
	private static List<String> engineClassesLoadedByRestart(Path folder, TestDatabase db, String mode)
			throws Exception {
		Path migrations = folder.resolve("migrations");
		MigrationFiles.write(migrations, "shop/0001_initial.yaml", MigrationFiles.SHOP_INITIAL);
		MigrationFiles.write(migrations, "shop/0002_product_name.yaml", """
				dependencies:
				  - shop.0001_initial
				operations:
				  - AddField:
				      model_name: product
				      name: name
				      field: {type: CharField, max_length: 20, null: true}
				""");
		assertThat(Migrations.configure().dataSource(db.dataSource()).directory(migrations).load().migrate().applied())
			.hasSize(2);
		SimpleDataSource dataSource = (SimpleDataSource) db.dataSource();
		List<String> args = List.of(migrations.toString(), dataSource.url(), dataSource.user(),
				(dataSource.password() != null) ? dataSource.password() : "", mode);
		try (JavaProcess restart = JavaProcess.startWithJvmOptions(List.of("-Xlog:class+load=info:stdout:none"),
				RestartProcess.class, args)) {
			assertThat(restart.waitFor(Duration.ofSeconds(120))).as(restart.output()).isZero();
			String output = restart.output();
			assertThat(output).contains("APPLIED 0");
			String lines = mode.equals("warm") ? output.substring(output.indexOf("\n" + RestartProcess.MARKER + "\n"))
					: output;
			List<String> loaded = new ArrayList<>();
			for (String line : lines.split("\n")) {
				int end = line.indexOf(" source: ");
				String name = (end > 0) ? line.substring(0, end).trim() : "";
				if (name.startsWith("io.github.migrations.") && !name.startsWith("io.github.migrations.testsupport.")
						&& !name.equals(RestartProcess.class.getName())) {
					loaded.add(name);
				}
			}
			return loaded;
		}
	}

}
