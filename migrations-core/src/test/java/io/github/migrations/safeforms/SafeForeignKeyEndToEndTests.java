package io.github.migrations.safeforms;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import io.github.migrations.Migrations;
import io.github.migrations.safeforms.fk.v2.Pony;
import io.github.migrations.safeforms.fk.v2.Rider;
import io.github.migrations.schema.IndexNames;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.migrations.safeforms.SafeFormsEndToEndTests.query;
import static io.github.migrations.safeforms.SafeFormsEndToEndTests.run;
import static io.github.migrations.safeforms.SafeFormsEndToEndTests.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code makemigrations --safe} for a foreign key added to a table that holds rows: the field is
 * added by {@code AddFieldNotValid} in a migration with {@code atomic: false} and its constraint
 * validated in the next. On PostgreSQL the constraint is {@code NOT VALID} after the first step
 * ({@code pg_constraint.convalidated}) and valid after the second, and the index of the column is
 * built concurrently; the same files run as the plain {@code AddField} on MariaDB, H2 and SQLite.
 */
class SafeForeignKeyEndToEndTests {

	static final String FOREIGN_KEY = IndexNames.create("stables_pony", List.of("rider_id"), "_fk_stables_rider_id", 63);

	static final String NOT_VALID = """
			atomic: false
			dependencies:
			  - stables.0001_initial
			operations:
			  - AddFieldNotValid:
			      model_name: pony
			      name: rider
			      field: {type: ForeignKey, to: stables.rider, on_delete: CASCADE, null: true}
			""";

	static final String VALIDATE = """
			dependencies:
			  - stables.0002_pony_rider_not_valid
			operations:
			  - ValidateConstraint:
			      model_name: pony
			      name: %s
			""".formatted(FOREIGN_KEY);

	@TempDir
	Path migrationsDir;

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "H2", "MARIADB", "SQLITE" })
	void theForeignKeyIsAddedNotValidThenValidatedOnPostgreSqlAndPlainElsewhere(Vendor vendor) throws Exception {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations v1 = migrations(database, io.github.migrations.safeforms.fk.v1.Pony.class,
					io.github.migrations.safeforms.fk.v1.Rider.class);
			run(v1, "makemigrations");
			run(v1, "migrate");
			update(database, "INSERT INTO stables_rider (name) VALUES ('Ann')");
			update(database, "INSERT INTO stables_pony (name) VALUES ('Rosie')");
			Migrations v2 = migrations(database, Pony.class, Rider.class);
			String made = run(v2, "makemigrations", "--safe", "--database-vendor", "postgresql");
			System.out.println("[safeforms-fk] makemigrations --safe\n" + made);
			assertThat(made).isEqualTo("""
					Migrations for 'stables':
					  %1$s/stables/0002_pony_rider_not_valid.yaml
					    + Add field rider to pony with a not valid foreign key
					  %1$s/stables/0003_pony_validate_%2$s.yaml
					    ~ Validate constraint %2$s on model pony
					""".formatted(this.migrationsDir, FOREIGN_KEY));
			assertThat(body("0002_pony_rider_not_valid")).isEqualTo(NOT_VALID);
			assertThat(body("0003_pony_validate_" + FOREIGN_KEY)).isEqualTo(VALIDATE);
			String plan = run(v2, "migrate", "--plan");
			String sql = run(v2, "sqlmigrate", "stables", "0002") + run(v2, "sqlmigrate", "stables", "0003");
			System.out.println("[safeforms-fk] migrate --plan and sqlmigrate on " + vendor + "\n" + plan + sql);
			if (vendor == Vendor.POSTGRESQL) {
				assertThat(plan).doesNotContain("!");
				assertThat(sql).contains("ALTER TABLE \"stables_pony\" ADD COLUMN \"rider_id\" bigint NULL;",
						"ALTER TABLE \"stables_pony\" ADD CONSTRAINT \"" + FOREIGN_KEY
								+ "\" FOREIGN KEY (\"rider_id\") REFERENCES \"stables_rider\" (\"id\") DEFERRABLE INITIALLY DEFERRED NOT VALID;",
						"CREATE INDEX CONCURRENTLY \"",
						"ALTER TABLE \"stables_pony\" VALIDATE CONSTRAINT \"" + FOREIGN_KEY + "\";");
			}
			else {
				assertThat(sql).doesNotContain("CONCURRENTLY", "NOT VALID", "VALIDATE");
				assertThat(plan).contains(vendor == Vendor.MARIADB ? "! adding-foreign-key-constraint (error)" : "")
					.doesNotContain("adding-index-non-concurrently");
			}
			assertThat(run(v2, "migrate", "stables", "0002")).contains("Applying stables.0002_pony_rider_not_valid... OK");
			if (vendor == Vendor.POSTGRESQL) {
				assertThat(query(database, validatedSql())).as("after the first step").containsExactly("f");
				assertThat(query(database, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
						+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
						+ " AND c.relname LIKE 'stables_pony_rider_id_%'")).containsExactly("t");
			}
			assertThat(run(v2, "migrate")).contains("Applying stables.0003_pony_validate_" + FOREIGN_KEY + "... OK");
			if (vendor == Vendor.POSTGRESQL) {
				assertThat(query(database, validatedSql())).as("after the second step").containsExactly("t");
			}
			assertThat(foreignKeys(database)).isNotEmpty();
			assertThat(indexes(database)).isNotEmpty();
			assertThat(rejected(database, "INSERT INTO stables_pony (name, rider_id) VALUES ('Lost', 999)")).isTrue();
			update(database, "UPDATE stables_pony SET rider_id = (SELECT id FROM stables_rider)");
			assertThat(run(v2, "makemigrations", "--check")).startsWith("No changes detected");
			String revert = run(v2, "migrate", "stables", "0001", "--plan");
			assertThat(revert).contains("Undo Add field rider to pony with a not valid foreign key",
					"! dropping-column (error): Revert: Column stables_pony.rider_id is dropped");
			run(v2, "migrate", "stables", "0001");
			assertThat(foreignKeys(database)).isEmpty();
		}
	}

	private static String validatedSql() {
		return "SELECT convalidated FROM pg_constraint WHERE conname = '" + FOREIGN_KEY + "'";
	}

	private Migrations migrations(TestDatabase database, Class<?>... models) {
		return SafeFormsEndToEndTests.migrations(this.migrationsDir, database, models);
	}

	private String body(String name) throws Exception {
		return SafeFormsEndToEndTests.body(this.migrationsDir, name);
	}

	private static List<String> foreignKeys(TestDatabase database) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			return List.copyOf(Introspector.foreignKeyNames(connection, "stables_pony", "rider_id"));
		}
	}

	private static List<String> indexes(TestDatabase database) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			return Introspector.indexNames(connection, "stables_pony", "rider_id")
				.stream()
				.map((name) -> name.toLowerCase(Locale.ROOT))
				.toList();
		}
	}

	private static boolean rejected(TestDatabase database, String insert) {
		try {
			update(database, insert);
			return false;
		}
		catch (SQLException ex) {
			return true;
		}
	}

}
