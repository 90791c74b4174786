package io.github.migrations.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.migrations.Migrations;
import io.github.migrations.drift.Difference;
import io.github.migrations.drift.DriftDetectorTests;
import io.github.migrations.drift.kennel.Ghost;
import io.github.migrations.drift.kennel.Owner;
import io.github.migrations.drift.kennel.Pet;
import io.github.migrations.drift.kennel.Team;
import io.github.migrations.e2e.AbstractEndToEndWorkflowTests.Result;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drift --write} on the differences beyond columns and indexes, on the real databases: a
 * foreign key pointed at another table, a dropped foreign key, an {@code ON DELETE} rule, a
 * foreign key on a plain field, a dropped table, a check the database names itself, and expression defaults (the kennel models).
 */
class DriftAdoptionEndToEndTests {

	/** How the SQLite editor writes {@code db_default = "now"} for a date-time. */
	private static final String SQLITE_NOW = "(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))";

	@TempDir
	Path migrationsDir;

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void writeAdoptsForeignKeyTargetsDroppedTablesUnnamedChecksAndNowAndExplainsTheRest(Vendor vendor)
			throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations kennel = migrations(database, Owner.class, Team.class, Ghost.class, Pet.class);
			assertThat(run(kennel, "makemigrations").code()).isZero();
			assertThat(run(kennel, "migrate").code()).isZero();
			try (Connection connection = database.dataSource().getConnection()) {
				changeBehindTheEnginesBack(connection, vendor);
			}
			List<Difference> differences = kennel.drift();
			assertThat(differences).extracting(Difference::code).containsExactlyInAnyOrder(expectedCodes(vendor));
			String checkName = checkName(vendor, differences);
			Result written = run(kennel, "drift", "--write");
			String output = written.output();
			assertThat(written.code()).as(output).isOne();
			assertThat(output).as(output)
				.contains("    - Delete model Ghost (state only)\n", "    - Remove field members from team (state only)\n",
						"  kennel.Team: remove the field members\n", "    ~ Alter field owner on pet (state only)\n",
						"    + Create constraint " + checkName + " on model pet (state only)\n",
						"  kennel.Ghost: remove the class (its table is gone), or keep it and run makemigrations:"
								+ " its CreateModel creates the table again\n",
						"  kennel.Pet.owner: @ForeignKey(to = Team.class, onDelete = OnDelete.CASCADE)\n",
						"    ~ Alter field walker on pet (state only)\n",
						"  kennel.Pet.walker: @ForeignKey(to = Owner.class, onDelete = OnDelete.DO_NOTHING, nullable = true)"
								+ " Long walker;\n",
						"  kennel.Pet: add @CheckConstraint(name = \"" + checkName + "\", check = ",
						"    ~ Alter field sitter on pet (state only)\n",
						"  kennel.Pet.sitter: @ForeignKey(to = Owner.class, onDelete = OnDelete.CASCADE, dbConstraint = false,"
								+ " nullable = true" + ((vendor == Vendor.MARIADB) ? ", dbIndex = false" : "") + ")\n",
						"    ~ Alter field vet on pet (state only)\n",
						"  kennel.Pet.vet: @ForeignKey(to = Owner.class, onDelete = OnDelete.DB_CASCADE, nullable = true)\n",
						"the migrations say none: db_default holds a value (or now for dates and times), not an"
								+ " expression such as ");
			assertThat(output.substring(output.indexOf("Not written"))).as(output)
				.doesNotContain("Missing table", "Unexpected check", "Unexpected foreign key");
			boolean nowDiffers = vendor == Vendor.POSTGRESQL || vendor == Vendor.SQLITE;
			assertThat(output.contains("    ~ Alter field born on pet (state only)\n")).isNotEqualTo(nowDiffers);
			assertThat(this.migrationsDir.resolve("kennel/0002_adopt_drift.yaml")).content()
				.contains("SeparateDatabaseAndState", "state_operations", "DeleteModel", "AlterField", "AddConstraint");
			assertThat(run(kennel, "migrate").code()).isZero();
			try (Connection connection = database.dataSource().getConnection()) {
				if (vendor == Vendor.POSTGRESQL) {
					assertThat(output).contains("db_default \"now\" is (STATEMENT_TIMESTAMP()) on PostgreSQL, not now():"
							+ " give the column that default (ALTER TABLE kennel_pet ALTER COLUMN born SET DEFAULT"
							+ " (STATEMENT_TIMESTAMP())) and run drift --write again");
					execute(connection, "ALTER TABLE kennel_pet ALTER COLUMN born SET DEFAULT (STATEMENT_TIMESTAMP())");
				}
				if (vendor == Vendor.SQLITE) {
					assertThat(output).contains("db_default \"now\" is " + SQLITE_NOW + " on SQLite, not CURRENT_TIMESTAMP:"
							+ " give the column that default (remake the table with DEFAULT " + SQLITE_NOW + ")");
					DriftDetectorTests.editDefinition(connection, "kennel_pet", "DEFAULT CURRENT_TIMESTAMP",
							"DEFAULT " + SQLITE_NOW);
				}
			}
			if (nowDiffers) {
				Result again = run(kennel, "drift", "--write");
				assertThat(again.output()).as(again.output()).contains("kennel/0003_adopt_drift.yaml\n"
						+ "    ~ Alter field born on pet (state only)\n");
				assertThat(run(kennel, "migrate").code()).isZero();
			}
			List<String> left = new ArrayList<>(List.of("default-differs"));
			if (vendor == Vendor.MARIADB) {
				assertThat(output).contains("Unexpected index kennel_pet_sitter_id_c993204f_fk_kennel_owner_id on"
						+ " kennel_pet (sitter_id): the index MariaDB kept when the foreign key of sitter_id was dropped,"
						+ " which the relation without it (db_constraint=False) does not have: drop it (DROP INDEX"
						+ " kennel_pet_sitter_id_c993204f_fk_kennel_owner_id ON kennel_pet)");
				left.add("unexpected-index");
			}
			assertThat(kennel.drift()).extracting(Difference::code).containsExactlyInAnyOrderElementsOf(left);
			try (Connection connection = database.dataSource().getConnection()) {
				applyTheFixes(connection, vendor, output);
			}
			assertThat(kennel.drift()).isEmpty();
			Migrations changed = migrations(database, io.github.migrations.drift.kennel.adopted.Owner.class,
					io.github.migrations.drift.kennel.adopted.Team.class,
					io.github.migrations.drift.kennel.adopted.Pet.class);
			String dryRun = run(changed, "makemigrations", "--dry-run").output();
			assertThat(dryRun).contains("    - Remove constraint " + checkName + " from model pet\n")
				.doesNotContain("Ghost", "owner", "born", "walker", "vet");
			if (vendor != Vendor.MARIADB) {
				// MariaDB's relation without constraint was adopted without the index the class gives it
				assertThat(dryRun).doesNotContain("sitter");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void missingTableThatRelationsPointAtIsNotWrittenAndTheyAreNamed(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations kennel = migrations(database, Owner.class, Team.class, Ghost.class, Pet.class);
			assertThat(run(kennel, "makemigrations").code()).isZero();
			assertThat(run(kennel, "migrate").code()).isZero();
			try (Connection connection = database.dataSource().getConnection()) {
				switch (vendor) {
					case MARIADB -> {
						execute(connection, "SET FOREIGN_KEY_CHECKS = 0");
						execute(connection, "DROP TABLE kennel_owner");
						execute(connection, "SET FOREIGN_KEY_CHECKS = 1");
					}
					case SQLITE -> execute(connection, "DROP TABLE kennel_owner");
					default -> execute(connection, "DROP TABLE kennel_owner CASCADE");
				}
			}
			Result written = run(kennel, "drift", "--write");
			assertThat(written.code()).as(written.output()).isOne();
			assertThat(written.output()).as(written.output())
				.contains("Missing table kennel_owner (model Owner): the relations kennel.Pet.owner, kennel.Pet.sitter,"
						+ " kennel.Pet.vet, kennel.Team.members point at model Owner: remove or change them first and run drift --write again,"
						+ " or create the table again")
				.doesNotContain("Delete model");
		}
	}

	private static String[] expectedCodes(Vendor vendor) {
		List<String> codes = new ArrayList<>(List.of("missing-table", "missing-table", "default-differs", "default-differs",
				"missing-constraint", "missing-constraint", "on-delete-differs", "unexpected-constraint",
				"unexpected-constraint", "unexpected-constraint"));
		if (vendor == Vendor.MARIADB) {
			codes.add("unexpected-index");
		}
		return codes.toArray(String[]::new);
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void secondForeignKeyOnARelationsColumnIsNotTakenForANewTarget(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			Migrations kennel = migrations(database, Owner.class, Team.class, Ghost.class, Pet.class);
			assertThat(run(kennel, "makemigrations").code()).isZero();
			assertThat(run(kennel, "migrate").code()).isZero();
			try (Connection connection = database.dataSource().getConnection()) {
				if (vendor == Vendor.SQLITE) {
					DriftDetectorTests.editDefinition(connection, "kennel_pet", " DEFERRABLE INITIALLY DEFERRED)",
							" DEFERRABLE INITIALLY DEFERRED, FOREIGN KEY (\"owner_id\") REFERENCES \"kennel_team\" (\"id\"))");
				}
				else {
					execute(connection, "ALTER TABLE kennel_pet ADD CONSTRAINT kennel_pet_owner_team FOREIGN KEY"
							+ " (owner_id) REFERENCES kennel_team (id)");
				}
			}
			Result written = run(kennel, "drift", "--write");
			assertThat(written.code()).as(written.output()).isOne();
			assertThat(written.output().toLowerCase(Locale.ROOT)).as(written.output())
				.contains("(owner_id -> kennel_team.id): the column has the foreign key of its relation to owner as well;"
						+ " or drop it: ")
				.doesNotContain("Alter field owner");
		}
	}

	/**
	 * The name the check added without one is adopted under: the name PostgreSQL, MariaDB and H2
	 * gave it (in lower case where the database keeps it in upper case); SQLite keeps none, and the
	 * adoption names it as PostgreSQL does.
	 */
	private static String checkName(Vendor vendor, List<Difference> differences) {
		if (vendor == Vendor.SQLITE) {
			return "kennel_pet_legs_check";
		}
		String name = differences.stream()
			.filter(Difference.UnexpectedConstraint.class::isInstance)
			.map(Difference.UnexpectedConstraint.class::cast)
			.filter((constraint) -> constraint.kind() == Difference.ConstraintKind.CHECK)
			.map(Difference.UnexpectedConstraint::name)
			.findFirst()
			.orElseThrow();
		if (vendor == Vendor.POSTGRESQL) {
			assertThat(name).isEqualTo("kennel_pet_legs_check");
		}
		return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
	}

	/**
	 * Apply what {@code drift --write} printed for what it did not write: drop the expression
	 * default, and on MariaDB the index InnoDB kept for the dropped foreign key.
	 */
	private static void applyTheFixes(Connection connection, Vendor vendor, String output) throws SQLException {
		if (vendor == Vendor.SQLITE) {
			assertThat(output).contains("(remake the table without it)");
			DriftDetectorTests.editDefinition(connection, "kennel_pet", " DEFAULT (lower(hex(randomblob(16))))", "");
			return;
		}
		String dropDefault = "ALTER TABLE kennel_pet ALTER COLUMN chip DROP DEFAULT";
		assertThat(output).contains("(" + dropDefault + ")");
		execute(connection, dropDefault);
		if (vendor == Vendor.MARIADB) {
			execute(connection, "DROP INDEX kennel_pet_sitter_id_c993204f_fk_kennel_owner_id ON kennel_pet");
		}
	}

	private static void changeBehindTheEnginesBack(Connection connection, Vendor vendor) throws SQLException {
		execute(connection, "DROP TABLE kennel_ghost");
		execute(connection, "DROP TABLE kennel_team_members");
		if (vendor == Vendor.SQLITE) {
			DriftDetectorTests.editDefinition(connection, "kennel_pet",
					"\"owner_id\" bigint NOT NULL REFERENCES \"kennel_owner\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
					"\"owner_id\" bigint NOT NULL REFERENCES \"kennel_team\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
					"\"sitter_id\" bigint NULL REFERENCES \"kennel_owner\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
					"\"sitter_id\" bigint NULL",
					"\"vet_id\" bigint NULL REFERENCES \"kennel_owner\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
					"\"vet_id\" bigint NULL REFERENCES \"kennel_owner\" (\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED",
					"\"legs\" integer NOT NULL", "\"legs\" integer NOT NULL CHECK (\"legs\" >= 0)",
					"\"born\" datetime NULL", "\"born\" datetime DEFAULT CURRENT_TIMESTAMP NULL",
					"\"chip\" char(32) NULL", "\"chip\" char(32) DEFAULT (lower(hex(randomblob(16)))) NULL",
					"\"walker_id\" bigint NULL", "\"walker_id\" bigint NULL REFERENCES \"kennel_owner\" (\"id\")");
			return;
		}
		boolean mariadb = vendor == Vendor.MARIADB;
		String drop = mariadb ? "DROP FOREIGN KEY " : "DROP CONSTRAINT ";
		execute(connection, "ALTER TABLE kennel_pet " + drop + foreignKey(connection, "owner_id"));
		execute(connection, "ALTER TABLE kennel_pet ADD CONSTRAINT kennel_pet_owner_team FOREIGN KEY (owner_id)"
				+ " REFERENCES kennel_team (id)");
		execute(connection, "ALTER TABLE kennel_pet " + drop + foreignKey(connection, "sitter_id"));
		execute(connection, "ALTER TABLE kennel_pet " + drop + foreignKey(connection, "vet_id"));
		execute(connection, "ALTER TABLE kennel_pet ADD CONSTRAINT kennel_pet_vet_cascade FOREIGN KEY (vet_id)"
				+ " REFERENCES kennel_owner (id) ON DELETE CASCADE");
		execute(connection, "ALTER TABLE kennel_pet ADD CHECK (legs >= 0)");
		execute(connection, "ALTER TABLE kennel_pet ADD CONSTRAINT kennel_pet_walker_by_hand FOREIGN KEY (walker_id)"
				+ " REFERENCES kennel_owner (id)");
		switch (vendor) {
			case POSTGRESQL -> {
				execute(connection, "ALTER TABLE kennel_pet ALTER COLUMN born SET DEFAULT now()");
				execute(connection, "ALTER TABLE kennel_pet ALTER COLUMN chip SET DEFAULT gen_random_uuid()");
			}
			case MARIADB -> {
				execute(connection, "ALTER TABLE kennel_pet ALTER COLUMN born SET DEFAULT CURRENT_TIMESTAMP(6)");
				execute(connection, "ALTER TABLE kennel_pet ALTER COLUMN chip SET DEFAULT (replace(uuid(), '-', ''))");
			}
			default -> {
				execute(connection, "ALTER TABLE kennel_pet ALTER COLUMN born SET DEFAULT CURRENT_TIMESTAMP");
				execute(connection, "ALTER TABLE kennel_pet ALTER COLUMN chip SET DEFAULT RANDOM_UUID()");
			}
		}
	}

	private static String foreignKey(Connection connection, String column) throws SQLException {
		String table = connection.getMetaData().storesUpperCaseIdentifiers() ? "KENNEL_PET" : "kennel_pet";
		try (ResultSet keys = connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(),
				table)) {
			while (keys.next()) {
				if (keys.getString("FKCOLUMN_NAME").equalsIgnoreCase(column)) {
					return keys.getString("FK_NAME");
				}
			}
		}
		throw new IllegalStateException("no foreign key on " + column);
	}

	private Migrations migrations(TestDatabase database, Class<?>... models) {
		return DriftEndToEndTests.migrations(database, this.migrationsDir, models);
	}

	private static Result run(Migrations migrations, String... args) {
		return DriftEndToEndTests.run(migrations, args);
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		DriftEndToEndTests.execute(connection, sql);
	}

}
