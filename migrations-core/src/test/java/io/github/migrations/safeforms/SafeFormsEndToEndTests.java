package io.github.migrations.safeforms;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.BadMigrationException;
import io.github.migrations.Migrations;
import io.github.migrations.SchemaEditException;
import io.github.migrations.lint.MigrationLinter;
import io.github.migrations.loader.DirectoryMigrationSource;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.safeforms.v2.Pony;
import io.github.migrations.safeforms.v2.Stable;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.IndexState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code makemigrations --safe} end to end: an index added to and one removed from an existing
 * table, and a check constraint added to it, become a non-atomic migration of concurrent index
 * operations and a not-valid constraint validated in a following migration; a model created in
 * the same run keeps its plain index and check. The migrations then run forwards and backwards on
 * each database: the non-blocking forms on PostgreSQL (checked in {@code pg_index} and
 * {@code pg_constraint}), the plain forms elsewhere.
 */
class SafeFormsEndToEndTests {

	static final String MAIN = """
			operations:
			  - CreateModel:
			      name: Stable
			      fields:
			        id: {type: BigAutoField, primary_key: true}
			        city: {type: CharField, max_length: 40}
			  - AddConstraintNotValid:
			      model_name: pony
			      constraint: {type: CheckConstraint, name: pony_weight_gte_0, condition: 'weight >= 0'}
			  - AddIndex:
			      model_name: stable
			      index: {name: stable_city_idx, fields: [city]}
			  - AddConstraint:
			      model_name: stable
			      constraint: {type: CheckConstraint, name: stable_city_not_empty, condition: 'city <> '''''}
			""";

	static final String CONCURRENT = """
			atomic: false
			dependencies:
			  - stables.0002_stable_pony_pony_weight_gte_0_not_valid_and_more
			operations:
			  - RemoveIndexConcurrently:
			      model_name: pony
			      name: pony_name_idx
			  - AddIndexConcurrently:
			      model_name: pony
			      index: {name: pony_weight_idx, fields: [weight]}
			""";

	static final String VALIDATE = """
			dependencies:
			  - stables.0003_remove_pony_pony_name_idx_pony_pony_weight_idx
			operations:
			  - ValidateConstraint:
			      model_name: pony
			      name: pony_weight_gte_0
			""";

	@TempDir
	Path migrationsDir;

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "H2", "MARIADB", "SQLITE" })
	void safeMigrationsRunForwardsAndBackwards(Vendor vendor) throws Exception {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations v1 = migrations(database, io.github.migrations.safeforms.v1.Pony.class);
			assertThat(run(v1, "makemigrations")).startsWith("Migrations for 'stables':");
			run(v1, "migrate");
			update(database, "INSERT INTO stables_pony (name, weight) VALUES ('Rosie', 300)");
			Migrations v2 = migrations(database, Pony.class, Stable.class);
			String made = run(v2, "makemigrations", "--safe");
			System.out.println("[safeforms] makemigrations --safe\n" + made);
			assertThat(made).isEqualTo("""
					Migrations for 'stables':
					  %1$s/stables/0002_stable_pony_pony_weight_gte_0_not_valid_and_more.yaml
					    + Create model Stable
					    + Create not valid constraint pony_weight_gte_0 on model pony
					      ! adding-check-constraint (error on MariaDB): The check (weight >= 0) on stables_pony is added to an existing table: MariaDB copies the whole table to check every row (ALGORITHM=COPY); writes wait.
					        Safe way: Check the rows yourself first and add the constraint when the table is quiet; MariaDB has no NOT VALID form for checks.
					    + Create index stable_city_idx on field(s) city of model stable
					    + Create constraint stable_city_not_empty on model stable
					  %1$s/stables/0003_remove_pony_pony_name_idx_pony_pony_weight_idx.yaml
					    - Concurrently remove index pony_name_idx from pony
					    + Concurrently create index pony_weight_idx on field(s) weight of model pony
					  %1$s/stables/0004_pony_validate_pony_weight_gte_0.yaml
					    ~ Validate constraint pony_weight_gte_0 on model pony
					""".formatted(display()));
			assertThat(body("0002_stable_pony_pony_weight_gte_0_not_valid_and_more")).endsWith(MAIN);
			assertThat(body("0003_remove_pony_pony_name_idx_pony_pony_weight_idx")).isEqualTo(CONCURRENT);
			assertThat(body("0004_pony_validate_pony_weight_gte_0")).isEqualTo(VALIDATE);
			String sql = run(v2, "sqlmigrate", "stables", "0002") + run(v2, "sqlmigrate", "stables", "0003")
					+ run(v2, "sqlmigrate", "stables", "0004") + run(v2, "sqlmigrate", "stables", "0003", "--backwards");
			System.out.println("[safeforms] sqlmigrate on " + vendor + "\n" + sql);
			if (vendor == Vendor.POSTGRESQL) {
				assertThat(sql).contains(
						"ALTER TABLE \"stables_pony\" ADD CONSTRAINT \"pony_weight_gte_0\" CHECK (weight >= 0) NOT VALID;",
						"DROP INDEX CONCURRENTLY IF EXISTS \"pony_name_idx\";",
						"CREATE INDEX CONCURRENTLY \"pony_weight_idx\" ON \"stables_pony\" (\"weight\");",
						"ALTER TABLE \"stables_pony\" VALIDATE CONSTRAINT \"pony_weight_gte_0\";",
						"CREATE INDEX CONCURRENTLY \"pony_name_idx\" ON \"stables_pony\" (\"name\");");
			}
			else {
				assertThat(sql).doesNotContain("CONCURRENTLY", "NOT VALID", "VALIDATE").contains("pony_weight_gte_0");
			}
			run(v2, "migrate", "stables", "0002");
			if (vendor == Vendor.POSTGRESQL) {
				assertThat(query(database, "SELECT convalidated FROM pg_constraint WHERE conname = 'pony_weight_gte_0'"))
					.containsExactly("f");
				assertThat(query(database, "SELECT convalidated FROM pg_constraint WHERE conname = 'stable_city_not_empty'"))
					.containsExactly("t");
			}
			assertThat(rejects(database, "INSERT INTO stables_pony (name, weight) VALUES ('Minus', -1)")).isTrue();
			String migrated = run(v2, "migrate");
			assertThat(migrated).contains("Applying stables.0003_remove_pony_pony_name_idx_pony_pony_weight_idx... OK",
					"Applying stables.0004_pony_validate_pony_weight_gte_0... OK");
			if (vendor == Vendor.POSTGRESQL) {
				assertThat(query(database, "SELECT convalidated FROM pg_constraint WHERE conname = 'pony_weight_gte_0'"))
					.containsExactly("t");
				assertThat(query(database, "SELECT c.relname || ' ' || i.indisvalid FROM pg_index i"
						+ " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
						+ " WHERE n.nspname = current_schema() AND c.relname LIKE 'pony_%' ORDER BY 1"))
					.containsExactly("pony_weight_idx true");
			}
			assertThat(indexes(database, "stables_pony")).contains("pony_weight_idx").doesNotContain("pony_name_idx");
			assertThat(run(v2, "makemigrations", "--check")).startsWith("No changes detected");
			run(v2, "migrate", "stables", "0001");
			assertThat(indexes(database, "stables_pony")).contains("pony_name_idx").doesNotContain("pony_weight_idx");
			assertThat(rejects(database, "INSERT INTO stables_pony (name, weight) VALUES ('Minus', -1)")).isFalse();
			run(v2, "migrate");
			assertThat(indexes(database, "stables_pony")).contains("pony_weight_idx").doesNotContain("pony_name_idx");
		}
	}

	@Test
	void onPostgreSqlOldRowsAreCheckedOnlyByTheValidationWhichNamesTheConstraint() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			Migrations v1 = migrations(database, io.github.migrations.safeforms.v1.Pony.class);
			run(v1, "makemigrations");
			run(v1, "migrate");
			update(database, "INSERT INTO stables_pony (name, weight) VALUES ('Minus', -1)");
			Migrations v2 = migrations(database, Pony.class, Stable.class);
			run(v2, "makemigrations", "--safe");
			assertThat(run(v2, "migrate", "stables", "0003")).contains("Applying stables.0003");
			assertThat(rejects(database, "INSERT INTO stables_pony (name, weight) VALUES ('Minus', -2)")).isTrue();
			assertThatExceptionOfType(SchemaEditException.class).isThrownBy(v2::migrate)
				.withMessageContaining("ALTER TABLE \"stables_pony\" VALIDATE CONSTRAINT \"pony_weight_gte_0\"")
				.withMessageContaining("check constraint \"pony_weight_gte_0\"");
			assertThat(query(database, "SELECT convalidated FROM pg_constraint WHERE conname = 'pony_weight_gte_0'"))
				.containsExactly("f");
			update(database, "UPDATE stables_pony SET weight = 0 WHERE weight < 0");
			assertThat(run(v2, "migrate")).contains("Applying stables.0004_pony_validate_pony_weight_gte_0... OK");
		}
	}

	@Test
	void theLinterFindsNothingToSayAboutTheSafeFormsOnPostgreSql() throws Exception {
		try (TestDatabase database = TestDatabases.h2()) {
			run(migrations(database, io.github.migrations.safeforms.v1.Pony.class), "makemigrations");
			run(migrations(database, Pony.class, Stable.class), "makemigrations", "--safe");
			MigrationLoader loader = MigrationLoader.load(new DirectoryMigrationSource(this.migrationsDir), null);
			MigrationLinter linter = new MigrationLinter(Vendor.POSTGRESQL);
			for (String name : List.of("0002_stable_pony_pony_weight_gte_0_not_valid_and_more",
					"0003_remove_pony_pony_name_idx_pony_pony_weight_idx", "0004_pony_validate_pony_weight_gte_0")) {
				MigrationKey key = new MigrationKey("stables", name);
				assertThat(linter.lint(loader.graph().migration(key), loader.projectState(key, false)))
					.as(name)
					.isEmpty();
			}
			MigrationKey initial = new MigrationKey("stables", "0001_initial");
			Migration plain = Migration.of(new MigrationKey("stables", "0002_plain"), List.of(initial),
					List.of(new AddIndex("pony", new IndexState("pony_weight_idx", List.of("weight"), null)),
							new AddConstraint("pony", new ConstraintState.Check("pony_weight_gte_0", "weight >= 0"))),
					false);
			assertThat(linter.lint(plain, loader.projectState(initial, true))).as("the plain forms").hasSize(2);
		}
	}

	@Test
	void aSquashOfAConcurrentIndexMigrationIsNotAtomic() throws Exception {
		try (TestDatabase database = TestDatabases.postgresql()) {
			run(migrations(database, io.github.migrations.safeforms.v1.Pony.class), "makemigrations");
			Migrations v2 = migrations(database, Pony.class, Stable.class);
			run(v2, "makemigrations", "--safe");
			run(v2, "squashmigrations", "stables", "0002", "0004");
			String name = "0002_stable_pony_pony_weight_gte_0_not_valid_and_more_squashed_0004_pony_validate_pony_weight_gte_0";
			Path squashed = this.migrationsDir.resolve("stables/" + name + ".yaml");
			assertThat(Files.readString(squashed)).contains("\natomic: false\n", "AddIndexConcurrently");
			assertThat(run(migrations(database, Pony.class, Stable.class), "migrate"))
				.contains("Applying stables." + name + "... OK");
		}
	}

	@Test
	void withoutSafeTheAutodetectorWritesDjangosPlainOperations() throws Exception {
		try (TestDatabase database = TestDatabases.h2()) {
			run(migrations(database, io.github.migrations.safeforms.v1.Pony.class), "makemigrations");
			// the unsafe-change findings of these plain operations are LintCommandsOnRealDatabasesTests' subject
			assertThat(run(migrations(database, Pony.class, Stable.class), "makemigrations", "--lint", "ignore")).isEqualTo("""
					Migrations for 'stables':
					  %s/stables/0002_stable_remove_pony_pony_name_idx_and_more.yaml
					    + Create model Stable
					    - Remove index pony_name_idx from pony
					    + Create index pony_weight_idx on field(s) weight of model pony
					    + Create constraint pony_weight_gte_0 on model pony
					    + Create index stable_city_idx on field(s) city of model stable
					    + Create constraint stable_city_not_empty on model stable
					""".formatted(display()));
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "H2" })
	void anAtomicMigrationWithAConcurrentIndexIsRefusedBeforeAnythingIsApplied(Vendor vendor) throws Exception {
		Path app = Files.createDirectories(this.migrationsDir.resolve("stables"));
		Files.writeString(app.resolve("0001_initial.yaml"), """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Pony
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        weight: {type: IntegerField}
				""");
		Files.writeString(app.resolve("0002_pony_weight_idx.yaml"), """
				dependencies:
				  - stables.0001_initial
				operations:
				  - AddIndexConcurrently:
				      model_name: pony
				      index: {name: pony_weight_idx, fields: [weight]}
				""");
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations migrations = migrations(database);
			String expected = "The AddIndexConcurrently operation cannot be executed inside a transaction: migration"
					+ " stables.0002_pony_weight_idx (" + app.resolve("0002_pony_weight_idx.yaml")
					+ ") runs in one (operation 1, Concurrently create index pony_weight_idx on field(s) weight of"
					+ " model pony). Nothing was applied. Set 'atomic: false' at the top of the file (as"
					+ " makemigrations --safe writes it), or use AddIndex instead.";
			assertThatExceptionOfType(BadMigrationException.class).isThrownBy(migrations::migrate).withMessage(expected);
			assertThat(Introspector.hasTable(database.dataSource().getConnection(), "stables_pony")).isFalse();
			StringWriter text = new StringWriter();
			assertThat(migrations.run(List.of("sqlmigrate", "stables", "0002"), CommandOutput.capturing(text)))
				.isOne();
			assertThat(text.toString()).contains(expected);
			Files.writeString(app.resolve("0002_pony_weight_idx.yaml"),
					"atomic: false\n" + Files.readString(app.resolve("0002_pony_weight_idx.yaml")));
			assertThat(run(migrations(database), "migrate")).contains("Applying stables.0002_pony_weight_idx... OK");
			assertThat(indexes(database, "stables_pony")).contains("pony_weight_idx");
		}
	}

	private Migrations migrations(TestDatabase database, Class<?>... models) {
		return migrations(this.migrationsDir, database, models);
	}

	static Migrations migrations(Path directory, TestDatabase database, Class<?>... models) {
		return Migrations.configure()
			.dataSource(database.dataSource())
			.modelClasses(List.of(models))
			.directory(directory)
			.load();
	}

	private String display() {
		return this.migrationsDir.toString();
	}

	private String body(String name) throws Exception {
		return body(this.migrationsDir, name);
	}

	/**
	 * Return a migration file of the app {@code stables} without its first line (the header).
	 */
	static String body(Path directory, String name) throws Exception {
		String text = Files.readString(directory.resolve("stables/" + name + ".yaml"), StandardCharsets.UTF_8);
		return text.substring(text.indexOf('\n') + 1);
	}

	static String run(Migrations migrations, String... args) {
		StringWriter text = new StringWriter();
		int code = migrations.run(List.of(args), CommandOutput.capturing(text));
		assertThat(code).as(text.toString()).isZero();
		return text.toString();
	}

	static void update(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

	static List<String> query(TestDatabase database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static boolean rejects(TestDatabase database, String insert) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate(insert);
				return false;
			}
			catch (SQLException ex) {
				return true;
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static List<String> indexes(TestDatabase database, String table) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			List<String> names = new ArrayList<>();
			for (String column : List.of("name", "weight")) {
				Introspector.indexNames(connection, table, column)
					.forEach((name) -> names.add(name.toLowerCase(java.util.Locale.ROOT)));
			}
			return names;
		}
	}

}
