package io.github.migrations.lint;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.migrations.MigrationPlan;
import io.github.migrations.Migrations;
import io.github.migrations.UnsafeMigrationException;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unapplying a migration is linted for the connected database: {@code migrate app target --plan},
 * {@code migrate} (with {@code --lint=fail} refusing before anything is unapplied) and the
 * reviewed plan show what undoing each operation does. Migration {@code 0002} drops an index and a
 * foreign key column and adds a nullable column (acknowledging {@code dropping-column}); reverting
 * it drops the new column and builds the index and the foreign key again, which locks the table
 * on PostgreSQL (index, foreign key) and copies it on MariaDB (foreign key).
 */
class RevertLintOnRealDatabasesTests {

	private static final String INITIAL = """
			initial: true
			dependencies: []
			operations:
			  - CreateModel:
			      name: Owner
			      fields:
			        id: {type: BigAutoField, primary_key: true}
			  - CreateModel:
			      name: Pony
			      fields:
			        id: {type: BigAutoField, primary_key: true}
			        name: {type: CharField, max_length: 20}
			        owner: {type: ForeignKey, to: stables.owner, on_delete: CASCADE, null: true}
			  - AddIndex:
			      model_name: pony
			      index: {name: pony_name_idx, fields: [name]}
			""";

	private static final String SECOND = """
			dependencies:
			  - stables.0001_initial
			acknowledged:
			  - dropping-column
			operations:
			  - RemoveIndex:
			      model_name: pony
			      name: pony_name_idx
			  - RemoveField:
			      model_name: pony
			      name: owner
			  - AddField:
			      model_name: pony
			      name: age
			      field: {type: IntegerField, null: true}
			""";

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void revertingIsLintedForTheDatabaseAndFailModeRefusesItBeforeAnythingIsUnapplied(Vendor vendor) throws Exception {
		Path app = Files.createDirectories(this.dir.resolve("stables"));
		Files.writeString(app.resolve("0001_initial.yaml"), INITIAL);
		Files.writeString(app.resolve("0002_changes.yaml"), SECOND);
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations engine = Migrations.configure().dataSource(database.dataSource()).directory(this.dir).load();
			run(engine, 0, "migrate", "stables", "0001");
			assertThat(run(engine, 0, "migrate", "--lint=fail")).contains("! dropping-column (acknowledged)");

			String plan = run(engine, 0, "migrate", "stables", "0001", "--plan");
			System.out.println("[revert-lint] migrate stables 0001 --plan on " + vendor + "\n" + plan);
			assertThat(plan).contains("    Undo Add field age to pony\n"
					+ "      ! dropping-column (acknowledged): Revert: Column stables_pony.age is dropped");
			List<String> codes = (vendor == Vendor.POSTGRESQL)
					? List.of("dropping-column", "adding-index-non-concurrently", "adding-foreign-key-constraint",
							"adding-index-non-concurrently")
					: List.of("dropping-column", "adding-foreign-key-constraint");
			MigrationPlan reviewed = engine.plan("stables", "0001");
			assertThat(reviewed.steps()).singleElement().satisfies((step) -> {
				assertThat(step.backwards()).isTrue();
				assertThat(step.findings()).extracting(Finding::code).containsExactlyElementsOf(codes);
				assertThat(step.findings()).extracting(Finding::operation)
					.startsWith(3, 2)
					.endsWith((vendor == Vendor.POSTGRESQL) ? 1 : 2);
				assertThat(step.findings().get(1).operationDescription()).isEqualTo("Undo Remove field owner from pony");
			});

			String refused = run(engine, 1, "migrate", "stables", "0001", "--lint=fail");
			System.out.println("[revert-lint] migrate stables 0001 --lint=fail on " + vendor + "\n" + refused);
			assertThat(refused).contains("UnsafeMigrationException: Unsafe operations on a live " + vendor.displayName(),
					"stables.0002_changes, operation 2 (Undo Remove field owner from pony): adding-foreign-key-constraint: Revert: ")
				.contains("database that their migration does not acknowledge; nothing was unapplied (migrations.lint=fail):",
						"instead of reverting; or, when the table is small or no running instance uses it, revert with "
								+ "migrations.lint=warn (migrate <app> <target> --lint=warn).")
				.doesNotContain("Unapplying", "acknowledged: [");
			Migrations failing = Migrations.configure()
				.dataSource(database.dataSource())
				.directory(this.dir)
				.lint(LintMode.FAIL)
				.load();
			assertThatExceptionOfType(UnsafeMigrationException.class)
				.isThrownBy(() -> failing.migrate("stables", "0001", reviewed.token()));
			assertThat(run(engine, 0, "showmigrations", "stables")).contains("[X] 0001_initial", "[X] 0002_changes");

			String reverted = run(engine, 0, "migrate", "stables", "0001");
			assertThat(reverted).contains("Unsafe operations on a live " + vendor.displayName() + " database",
					"  stables.0002_changes, operation 3: Undo Add field age to pony\n"
							+ "    ! dropping-column (acknowledged): Revert: ",
					"Unapplying stables.0002_changes... OK");
			assertThat(run(engine, 0, "showmigrations", "stables")).contains("[X] 0001_initial", "[ ] 0002_changes");
		}
	}

	private static String run(Migrations migrations, int expectedCode, String... args) {
		StringWriter text = new StringWriter();
		int code = migrations.run(List.of(args), CommandOutput.capturing(text));
		assertThat(code).as(text.toString()).isEqualTo(expectedCode);
		return text.toString();
	}

}
