package io.github.migrations.drift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.schema.ExpectedSchema;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adopting what is compared beyond columns on the real databases: a changed check, a changed
 * comment, a changed partial index condition (PostgreSQL, SQLite), an extra column with a default
 * and an extra table with a unique column and a named check are adopted, and so is the foreign
 * key's {@code ON DELETE CASCADE} (as {@code DB_CASCADE}), so that the adopted state is the
 * database's.
 */
class DriftAdoptionTests {

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void adoptedStateDiffersOnlyInWhatIsNotWritten(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor)) {
			ProjectState state = DriftDetectorTests.everything();
			try (Connection connection = database.dataSource().getConnection()) {
				DriftDetectorTests.create(connection, state);
				change(connection, vendor);
			}
			try (Connection connection = database.dataSource().getConnection()) {
				DriftDetector detector = new DriftDetector(Set.of());
				List<Difference> differences = detector.detect(connection, state);
				assertThat(differences).extracting(Difference::code)
					.contains("check-differs", "on-delete-differs", "unexpected-column", "unexpected-table");
				LiveSchema live = LiveSchema.read(connection);
				DriftAdoption adoption = DriftAdoption.of(differences,
						new DriftAdoption.Source(state, live, SchemaEditors.create(connection, true), detector, "drift"));
				assertThat(adoption.leftOver()).isEmpty();
				ModelState thing = state.model("drift", "thing");
				assertThat(adoption.operations().get("drift")).contains(new AlterField("thing", "target",
						StateColumns.withType(thing.field("target"),
								new FieldType.ForeignKey("drift.target", OnDelete.DB_CASCADE)), true));
				assertThat(adoption.modelChanges()).contains("drift.Thing.target: @ForeignKey(to = Target.class,"
						+ " onDelete = OnDelete.DB_CASCADE)");
				assertThat(detector.detect(ExpectedSchema.of(adoption.state(), SchemaEditors.create(connection, true)),
						live)).isEmpty();
				assertThat(adoption.modelChanges()).contains("drift: add the model class",
						"    public class Extra {");
				assertThat(adoption.modelChanges()).anySatisfy((line) -> assertThat(line)
					.startsWith("drift.Thing: add @CheckConstraint(name = \"thing_big_range\", check = ")
					.contains("999"));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void foreignKeyWithoutItsIndexIsNoDriftAndADroppedOneIsAdoptedAsDbIndexFalse(Vendor vendor) throws SQLException {
		ProjectState everything = DriftDetectorTests.everything();
		ModelState thing = everything.model("drift", "thing");
		ProjectState state = everything
			.withModel(thing.withField("parent", thing.field("parent").withDbIndex(false)));
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			DriftDetectorTests.create(connection, state);
			DriftDetector detector = new DriftDetector(Set.of());
			assertThat(detector.detect(connection, state)).isEmpty();
			if (vendor == Vendor.MARIADB || vendor == Vendor.H2) {
				return; // the database's own index of the foreign key cannot be dropped while the key stands
			}
			for (String index : Introspector.indexNames(connection, "drift_thing", "target_id")) {
				DriftDetectorTests.execute(connection, "DROP INDEX \"" + index + "\"");
			}
			List<Difference> differences = detector.detect(connection, state);
			assertThat(differences).extracting(Difference::code).containsExactly("missing-index");
			DriftAdoption adoption = DriftAdoption.of(differences, new DriftAdoption.Source(state,
					LiveSchema.read(connection), SchemaEditors.create(connection, true), detector, "drift"));
			assertThat(adoption.leftOver()).isEmpty();
			assertThat(adoption.operations().get("drift")).containsExactly(
					new AlterField("thing", "target", thing.field("target").withDbIndex(false), true));
			assertThat(adoption.modelChanges()).anySatisfy((line) -> assertThat(line).startsWith("drift.Thing.target: ")
				.contains("dbIndex = false"));
			assertThat(detector.detect(connection, adoption.state())).isEmpty();
		}
	}

	@Test
	void sqliteTableWhoseKeyAcceptsNullIsAdoptedAndTheKeysNullabilityExplained() throws SQLException {
		try (TestDatabase database = TestDatabases.sqlite();
				Connection connection = database.dataSource().getConnection()) {
			execute(connection, "CREATE TABLE drift_loose (id bigint PRIMARY KEY, label varchar(10) NULL)");
			DriftDetector detector = new DriftDetector(Set.of());
			List<Difference> differences = detector.detect(connection, ProjectState.empty());
			DriftAdoption adoption = DriftAdoption.of(differences, new DriftAdoption.Source(ProjectState.empty(),
					LiveSchema.read(connection), SchemaEditors.create(connection, true), detector, "drift"));
			assertThat(adoption.operations().get("drift")).singleElement().isInstanceOf(CreateModel.class);
			assertThat(adoption.leftOver()).singleElement().satisfies((notWritten) -> {
				assertThat(notWritten.difference().describe())
					.isEqualTo("Column drift_loose.id is NULL, the migrations say NOT NULL");
				assertThat(notWritten.reason()).isEqualTo("a model's primary key is never NULL; SQLite lets a"
						+ " PRIMARY KEY column other than an INTEGER PRIMARY KEY hold NULL: remake the table with id NOT NULL");
			});
		}
	}

	private static void change(Connection connection, Vendor vendor) throws SQLException {
		execute(connection, "CREATE TABLE drift_extra (id integer PRIMARY KEY, code varchar(10) NOT NULL UNIQUE,"
				+ " CONSTRAINT extra_code_check CHECK (code <> ''))");
		execute(connection, "ALTER TABLE drift_thing ADD COLUMN extra integer DEFAULT 3 NOT NULL");
		if (vendor == Vendor.SQLITE || vendor == Vendor.POSTGRESQL) {
			execute(connection, "DROP INDEX thing_live_idx");
			execute(connection, "CREATE INDEX thing_live_idx ON drift_thing (status) WHERE status = 'DRAFT'");
		}
		if (vendor == Vendor.SQLITE) {
			DriftDetectorTests.editDefinition(connection, "drift_thing", "big BETWEEN 0 AND 1000000",
					"big BETWEEN 0 AND 999",
					"\"target_id\" smallint NOT NULL REFERENCES \"drift_target_table\" (\"code\")",
					"\"target_id\" smallint NOT NULL REFERENCES \"drift_target_table\" (\"code\") ON DELETE CASCADE");
			return;
		}
		DriftDetectorTests.changeCheckForeignKeyAndComment(connection, vendor);
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		DriftDetectorTests.execute(connection, sql);
	}

}
