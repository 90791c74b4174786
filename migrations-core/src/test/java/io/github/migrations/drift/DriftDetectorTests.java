package io.github.migrations.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.migrations.schema.BaseSchemaEditor;
import io.github.migrations.schema.IndexNames;
import io.github.migrations.schema.Introspector;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelOptions;
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
 * The detector against every field type, option, index and constraint the schema editors create,
 * on the real databases: a schema created by the editor from a state reports no difference with
 * that state, and changes made behind the engine's back are each reported.
 */
public class DriftDetectorTests {

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void schemaCreatedFromEveryFieldTypeAndOptionHasNoDifferences(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			ProjectState state = everything();
			create(connection, state);
			assertThat(new DriftDetector(Set.of()).detect(connection, state)).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void engineAndIgnoredTablesAreNeverUnexpected(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			execute(connection, "CREATE TABLE migrations_history (id integer PRIMARY KEY)");
			execute(connection, "CREATE TABLE legacy_audit (id integer PRIMARY KEY)");
			assertThat(new DriftDetector(Set.of("MIGRATIONS_HISTORY")).detect(connection, ProjectState.empty()))
				.containsExactly(new Difference.UnexpectedTable(null, stored(connection, "legacy_audit")));
			assertThat(new DriftDetector(Set.of("migrations_history", "legacy_audit")).detect(connection,
					ProjectState.empty()))
				.isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB" })
	void changesBehindTheEnginesBackAreEachReported(Vendor vendor) throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			ProjectState state = everything();
			create(connection, state);
			boolean mariadb = vendor == Vendor.MARIADB;
			execute(connection, "ALTER TABLE drift_thing ADD COLUMN note varchar(20)");
			execute(connection, "ALTER TABLE drift_thing DROP COLUMN url");
			execute(connection, mariadb ? "DROP INDEX thing_name_idx ON drift_thing" : "DROP INDEX thing_name_idx");
			execute(connection, "CREATE INDEX extra_big_idx ON drift_thing (big)");
			execute(connection, switch (vendor) {
				case POSTGRESQL -> "ALTER TABLE drift_thing ALTER COLUMN name TYPE varchar(120)";
				case MARIADB -> "ALTER TABLE drift_thing MODIFY name varchar(120) NOT NULL";
				default -> "ALTER TABLE drift_thing ALTER COLUMN name SET DATA TYPE varchar(120)";
			});
			execute(connection, mariadb ? "ALTER TABLE drift_thing MODIFY big bigint NULL"
					: "ALTER TABLE drift_thing ALTER COLUMN big DROP NOT NULL");
			execute(connection, "ALTER TABLE drift_thing ALTER COLUMN count SET DEFAULT 8");
			execute(connection, "ALTER TABLE drift_thing DROP CONSTRAINT thing_price_positive");
			String foreignKey = Introspector.foreignKeyNames(connection, "drift_thing", "other_code").iterator().next();
			execute(connection, "ALTER TABLE drift_thing DROP " + (mariadb ? "FOREIGN KEY " : "CONSTRAINT ")
					+ foreignKey);
			execute(connection, "ALTER TABLE drift_thing ADD CONSTRAINT extra_unique UNIQUE (big, count)");
			execute(connection, "DROP TABLE drift_thing_targets");
			execute(connection, "CREATE TABLE drift_extra (id integer PRIMARY KEY)");

			List<String> reported = reported(connection, state);
			assertThat(reported).contains("unexpected-column: unexpected column drift_thing.note (varchar(20) null)"
					.replace("varchar(20)", (vendor == Vendor.H2) ? "character varying(20)"
							: (vendor == Vendor.POSTGRESQL) ? "character varying(20)" : "varchar(20)"),
					"missing-column: missing column drift_thing.url (varchar(200) null)",
					"missing-index: missing index thing_name_idx on drift_thing (name, price)",
					"unexpected-index: unexpected index extra_big_idx on drift_thing (big)",
					"nullability-differs: column drift_thing.big is null, the migrations say not null",
					"missing-constraint: missing check constraint thing_price_positive on drift_thing",
					"missing-constraint: missing foreign key constraint "
							+ IndexNames.create("drift_thing", List.of("other_code"), "_fk_drift_target_table_code",
									mariadb ? 64 : 63)
							+ " on drift_thing (other_code -> drift_target_table.code)",
					"unexpected-constraint: unexpected unique constraint extra_unique on drift_thing (big, count)",
					"missing-table: missing table drift_thing_targets (model thing.targets)",
					"unexpected-table: unexpected table drift_extra");
			assertThat(reported).anySatisfy((line) -> assertThat(line)
				.startsWith("column-type-differs: column drift_thing.name has type ")
				.contains("120")
				.endsWith("the migrations say varchar(100)"));
			assertThat(reported).anySatisfy((line) -> assertThat(line)
				.startsWith("default-differs: column drift_thing.count has default ")
				.contains("8")
				.endsWith("the migrations say 7"));
			if (mariadb) {
				// the index MariaDB made for the foreign key stays when the key is dropped
				assertThat(reported).contains("unexpected-index: unexpected index " + foreignKey.toLowerCase(Locale.ROOT)
						+ " on drift_thing (other_code)");
			}
			assertThat(reported).hasSize(12 + (mariadb ? 1 : 0));
		}
	}

	@Test
	void changesBehindTheEnginesBackAreEachReportedOnSqlite() throws SQLException {
		try (TestDatabase database = TestDatabases.of(Vendor.SQLITE)) {
			ProjectState state = everything();
			try (Connection connection = database.dataSource().getConnection()) {
				create(connection, state);
				execute(connection, "ALTER TABLE drift_thing ADD COLUMN note varchar(20)");
				execute(connection, "ALTER TABLE drift_thing DROP COLUMN url");
				execute(connection, "DROP INDEX thing_name_idx");
				execute(connection, "DROP INDEX thing_live_name_uniq");
				execute(connection, "CREATE INDEX extra_big_idx ON drift_thing (big)");
				// SQLite indexes no foreign key by itself: a second index on one is drift
				execute(connection, "CREATE INDEX extra_parent_idx ON drift_thing (parent_id)");
				execute(connection, "CREATE UNIQUE INDEX extra_unique ON drift_thing (big, count)");
				execute(connection, "DROP TABLE drift_thing_targets");
				execute(connection, "CREATE TABLE drift_extra (id integer PRIMARY KEY)");
				// what SQLite's ALTER TABLE cannot do, done by editing the table's definition
				editDefinition(connection, "drift_thing", "\"name\" varchar(100)", "\"name\" varchar(120)",
						"\"big\" bigint NOT NULL", "\"big\" bigint NULL", "DEFAULT 7", "DEFAULT 8",
						", CONSTRAINT \"thing_price_positive\" CHECK (price >= 0)", "",
						"\"other_code\" smallint NULL REFERENCES \"drift_target_table\" (\"code\") DEFERRABLE INITIALLY DEFERRED",
						"\"other_code\" smallint NULL", "\"positive_small\" smallint unsigned NOT NULL CHECK (\"positive_small\" >= 0)",
						"\"positive_small\" smallint unsigned NOT NULL",
						"\"parent_id\" bigint NULL", "\"parent_id\" bigint NULL CHECK (\"parent_id\" > 0)",
						"note varchar(20)", "note varchar(20), CONSTRAINT \"extra_check\" CHECK (\"big\" > 0)");
			}
			try (Connection connection = database.dataSource().getConnection()) {
				List<String> reported = reported(connection, state);
				assertThat(reported).containsExactlyInAnyOrder(
						"unexpected-column: unexpected column drift_thing.note (varchar(20) null)",
						"missing-column: missing column drift_thing.url (varchar(200) null)",
						"column-type-differs: column drift_thing.name has type varchar(120), the migrations say varchar(100)",
						"nullability-differs: column drift_thing.big is null, the migrations say not null",
						"default-differs: column drift_thing.count has default 8, the migrations say 7",
						"missing-index: missing index thing_name_idx on drift_thing (name, price)",
						"unexpected-index: unexpected index extra_big_idx on drift_thing (big)",
						"unexpected-index: unexpected index extra_parent_idx on drift_thing (parent_id)",
						"missing-constraint: missing unique constraint thing_live_name_uniq on drift_thing (name)",
						"unexpected-constraint: unexpected unique constraint extra_unique on drift_thing (big, count)",
						"missing-constraint: missing check constraint thing_price_positive on drift_thing",
						"missing-constraint: missing check constraint on drift_thing (positive_small)",
						"unexpected-constraint: unexpected check constraint extra_check on drift_thing (big)",
						"unexpected-constraint: unexpected check constraint check (\"parent_id\" > 0) on drift_thing (parent_id)",
						"missing-constraint: missing foreign key constraint "
								+ IndexNames.create("drift_thing", List.of("other_code"), "_fk_drift_target_table_code", 200)
									.toLowerCase(Locale.ROOT)
								+ " on drift_thing (other_code -> drift_target_table.code)",
						"missing-table: missing table drift_thing_targets (model thing.targets)",
						"unexpected-table: unexpected table drift_extra");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB" })
	void changedCheckExpressionsOnDeleteRulesIndexConditionsAndCommentsAreReported(Vendor vendor)
			throws SQLException {
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			ProjectState state = everything();
			create(connection, state);
			String foreignKey = changeCheckForeignKeyAndComment(connection, vendor);
			if (vendor == Vendor.POSTGRESQL) {
				execute(connection, "DROP INDEX thing_live_idx");
				execute(connection, "CREATE INDEX thing_live_idx ON drift_thing (status) WHERE status = 'DRAFT'");
			}
			List<String> reported = reported(connection, state);
			assertThat(reported).contains("on-delete-differs: foreign key " + foreignKey.toLowerCase(Locale.ROOT)
					+ " on drift_thing (target_id) has on delete cascade, the migrations say no action",
					"comment-differs: column drift_thing.text has comment 'changed', the migrations say 'a comment'");
			assertThat(reported).anySatisfy((line) -> assertThat(line)
				.startsWith("check-differs: check constraint thing_big_range on drift_thing is (")
				.contains("999")
				.endsWith("the migrations say (big between 0 and 1000000)"));
			if (vendor == Vendor.POSTGRESQL) {
				assertThat(reported).contains("condition-differs: index thing_live_idx on drift_thing has condition"
						+ " (((status)::text = 'draft'::text)), the migrations say (status = 'live')");
			}
			assertThat(reported).hasSize((vendor == Vendor.POSTGRESQL) ? 4 : 3);
		}
	}

	@Test
	void changedCheckExpressionsOnDeleteRulesAndIndexConditionsAreReportedOnSqlite() throws SQLException {
		try (TestDatabase database = TestDatabases.of(Vendor.SQLITE)) {
			ProjectState state = everything();
			try (Connection connection = database.dataSource().getConnection()) {
				create(connection, state);
				execute(connection, "DROP INDEX thing_live_idx");
				execute(connection, "CREATE INDEX thing_live_idx ON drift_thing (status) WHERE status = 'DRAFT'");
				editDefinition(connection, "drift_thing", "big BETWEEN 0 AND 1000000", "big BETWEEN 0 AND 999",
						"\"target_id\" smallint NOT NULL REFERENCES \"drift_target_table\" (\"code\")",
						"\"target_id\" smallint NOT NULL REFERENCES \"drift_target_table\" (\"code\") ON DELETE CASCADE");
			}
			try (Connection connection = database.dataSource().getConnection()) {
				List<String> reported = reported(connection, state);
				assertThat(reported).containsExactlyInAnyOrder(
						"check-differs: check constraint thing_big_range on drift_thing is (big between 0 and 999),"
								+ " the migrations say (big between 0 and 1000000)",
						"on-delete-differs: foreign key references of target_id on drift_thing (target_id) has on delete"
								+ " cascade, the migrations say no action",
						"condition-differs: index thing_live_idx on drift_thing has condition (status = 'draft'),"
								+ " the migrations say (status = 'live')");
			}
		}
	}

	/**
	 * Change a SQLite table's {@code CREATE TABLE} statement in place (SQLite's documented way
	 * for changes {@code ALTER TABLE} cannot make); each pair is a text and its replacement, each
	 * of which must occur.
	 */
	public static void editDefinition(Connection connection, String table, String... replacements) throws SQLException {
		String sql;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE name = '" + table + "'")) {
			sql = rows.next() ? rows.getString(1) : "";
		}
		for (int i = 0; i < replacements.length; i += 2) {
			assertThat(sql).contains(replacements[i]);
			sql = sql.replace(replacements[i], replacements[i + 1]);
		}
		int version;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("PRAGMA schema_version")) {
			rows.next();
			version = rows.getInt(1);
		}
		execute(connection, "PRAGMA writable_schema = ON");
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?")) {
			update.setString(1, sql);
			update.setString(2, table);
			update.executeUpdate();
		}
		execute(connection, "PRAGMA schema_version = " + (version + 1));
		execute(connection, "PRAGMA writable_schema = OFF");
	}

	/**
	 * Change the condition of {@code thing_big_range}, give the foreign key of {@code target_id}
	 * {@code ON DELETE CASCADE} and change the comment of {@code text}, as statements by hand.
	 * @return the foreign key's name
	 */
	static String changeCheckForeignKeyAndComment(Connection connection, Vendor vendor) throws SQLException {
		boolean mariadb = vendor == Vendor.MARIADB;
		execute(connection, "ALTER TABLE drift_thing DROP CONSTRAINT thing_big_range");
		execute(connection, "ALTER TABLE drift_thing ADD CONSTRAINT thing_big_range CHECK (big BETWEEN 0 AND 999)");
		String foreignKey = Introspector.foreignKeyNames(connection, "drift_thing", "target_id").iterator().next();
		execute(connection, "ALTER TABLE drift_thing DROP " + (mariadb ? "FOREIGN KEY " : "CONSTRAINT ") + foreignKey);
		execute(connection, "ALTER TABLE drift_thing ADD CONSTRAINT " + foreignKey
				+ " FOREIGN KEY (target_id) REFERENCES drift_target_table (code) ON DELETE CASCADE");
		execute(connection, mariadb ? "ALTER TABLE drift_thing MODIFY text longtext NULL COMMENT 'Changed'"
				: "COMMENT ON COLUMN drift_thing.text IS 'Changed'");
		return foreignKey;
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void databaseLevelOnDeleteAndRelationsWithoutConstraintAreNoDriftButTheirOppositesAre(Vendor vendor)
			throws SQLException {
		Map<String, FieldState> owner = new LinkedHashMap<>();
		owner.put("id", field(new FieldType.BigAutoField()));
		Map<String, FieldState> pet = new LinkedHashMap<>();
		pet.put("id", field(new FieldType.BigAutoField()));
		pet.put("owner", field(new FieldType.ForeignKey("drift.owner", OnDelete.DB_CASCADE)));
		pet.put("walker", field(new FieldType.ForeignKey("drift.owner", OnDelete.DB_SET_NULL)).withNullable(true));
		pet.put("vet", field(new FieldType.ForeignKey("drift.owner", OnDelete.DO_NOTHING, false)));
		if (vendor != Vendor.MARIADB) {
			pet.put("keeper", field(new FieldType.ForeignKey("drift.owner", OnDelete.DB_SET_DEFAULT)).withDbDefault("1"));
		}
		ModelState ownerModel = new ModelState("drift", "Owner", owner, null);
		ProjectState state = ProjectState.of(List.of(ownerModel, new ModelState("drift", "Pet", pet, null)));
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			create(connection, state);
			assertThat(reported(connection, state)).isEmpty();
			Map<String, FieldState> applicationLevel = new LinkedHashMap<>(pet);
			applicationLevel.put("owner", field(new FieldType.ForeignKey("drift.owner", OnDelete.CASCADE)));
			applicationLevel.put("vet", field(new FieldType.ForeignKey("drift.owner", OnDelete.DO_NOTHING)));
			List<String> reported = reported(connection,
					ProjectState.of(List.of(ownerModel, new ModelState("drift", "Pet", applicationLevel, null))));
			// MariaDB indexes a foreign key's column itself: the relation without constraint has Django's
			assertThat(reported).hasSize((vendor == Vendor.MARIADB) ? 3 : 2)
				.anySatisfy((line) -> assertThat(line).startsWith("on-delete-differs: ")
					.endsWith("on drift_pet (owner_id) has on delete cascade, the migrations say no action"))
				.anySatisfy((line) -> assertThat(line).startsWith("missing-constraint: ").contains("vet_id"));
		}
	}

	/**
	 * Return each difference as {@code code: description}, in lower case.
	 */
	private static List<String> reported(Connection connection, ProjectState state) {
		return new DriftDetector(Set.of()).detect(connection, state)
			.stream()
			.map((difference) -> difference.code() + ": " + difference.describe().toLowerCase(Locale.ROOT))
			.toList();
	}

	static ProjectState everything() {
		Map<String, FieldState> target = new LinkedHashMap<>();
		target.put("code", FieldState.of(new FieldType.SmallAutoField()));
		target.put("name", field(new FieldType.CharField(40)).withUnique(true));
		ModelState targetModel = new ModelState("drift", "Target", target, "drift_target_table");

		Map<String, FieldState> fields = new LinkedHashMap<>();
		fields.put("id", FieldState.of(new FieldType.BigAutoField()));
		fields.put("name", field(new FieldType.CharField(100)));
		fields.put("text", field(new FieldType.TextField()).withNullable(true).withDbComment("A comment"));
		fields.put("slug", field(new FieldType.SlugField(50)).withDbIndex(true));
		fields.put("email", field(new FieldType.EmailField(254)).withUnique(true));
		fields.put("url", field(new FieldType.URLField(200)).withNullable(true));
		fields.put("small", field(new FieldType.SmallIntegerField()).withDbDefault("-3"));
		fields.put("positive", field(new FieldType.PositiveIntegerField()).withDbDefault("0"));
		fields.put("positive_small", field(new FieldType.PositiveSmallIntegerField()));
		fields.put("positive_big", field(new FieldType.PositiveBigIntegerField()).withNullable(true));
		fields.put("ratio", field(new FieldType.FloatField()).withDbDefault("1.5"));
		fields.put("at_time", field(new FieldType.TimeField()).withNullable(true));
		fields.put("duration", field(new FieldType.DurationField()).withNullable(true));
		fields.put("reference", field(new FieldType.UUIDField()).withNullable(true).withUnique(true));
		fields.put("blob", field(new FieldType.BinaryField(null)).withNullable(true));
		fields.put("document", field(new FieldType.JSONField()).withNullable(true));
		fields.put("count", field(new FieldType.IntegerField()).withDbDefault("7").withDbIndex(true));
		fields.put("big", field(new FieldType.BigIntegerField()));
		fields.put("active", field(new FieldType.BooleanField()).withDbDefault("true"));
		fields.put("price", field(new FieldType.DecimalField(10, 2)).withDbDefault("1.50"));
		fields.put("day", field(new FieldType.DateField()).withDbDefault("now"));
		fields.put("created", field(new FieldType.DateTimeField()).withDbDefault("now"));
		fields.put("status", field(new FieldType.CharField(10)).withDbDefault("DRAFT"));
		fields.put("target", field(new FieldType.ForeignKey("drift.target", OnDelete.CASCADE)));
		fields.put("other", field(new FieldType.ForeignKey("drift.target", OnDelete.SET_NULL)).withNullable(true)
			.withDbColumn("other_code"));
		fields.put("single", field(new FieldType.OneToOneField("drift.target", OnDelete.CASCADE)).withNullable(true));
		fields.put("parent", field(new FieldType.ForeignKey("drift.thing", OnDelete.CASCADE)).withNullable(true));
		fields.put("targets", field(new FieldType.ManyToManyField("drift.target", null)));
		fields.put("siblings", field(new FieldType.ManyToManyField("drift.thing", null)));
		List<IndexState> indexes = List.of(new IndexState("thing_name_idx", List.of("name", "-price"), null),
				new IndexState("thing_live_idx", List.of("status"), "status = 'LIVE'"));
		List<ConstraintState> constraints = List.of(
				new ConstraintState.Unique("thing_name_slug_uniq", List.of("name", "slug"), null),
				new ConstraintState.Unique("thing_live_name_uniq", List.of("name"), "status = 'LIVE'"),
				new ConstraintState.Check("thing_price_positive", "price >= 0"),
				new ConstraintState.Check("thing_status_known", "status IN ('DRAFT', 'LIVE')"),
				new ConstraintState.Check("thing_big_range", "big BETWEEN 0 AND 1000000"),
				new ConstraintState.Check("thing_name_pattern", "name LIKE '_%' AND name <> 'x'"),
				new ConstraintState.Check("thing_time_or_text", "at_time IS NOT NULL OR text IS NULL"),
				new ConstraintState.Check("thing_slug_length", "length(slug) > 0"),
				new ConstraintState.Check("thing_small_floor", "NOT (small < -100)"),
				new ConstraintState.Check("thing_price_double", "price * 2 <= 100000 AND count != 13"));
		ModelState thing = new ModelState("drift", "Thing", fields, null, indexes, constraints, ModelOptions.NONE);
		return ProjectState.of(List.of(targetModel, thing));
	}

	private static FieldState field(FieldType type) {
		return FieldState.of(type);
	}

	static void create(Connection connection, ProjectState state) {
		try (BaseSchemaEditor editor = SchemaEditors.create(connection, false)) {
			editor.setProjectState(state);
			state.models().values().forEach(editor::createModel);
		}
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static String stored(Connection connection, String name) throws SQLException {
		return connection.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(java.util.Locale.ROOT) : name;
	}

}
