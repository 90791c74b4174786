package io.github.migrations.drift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.schema.IndexNames;
import io.github.migrations.schema.LiveSchema;
import io.github.migrations.schema.SchemaEditors;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.FieldState;
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
 * Foreign keys added by hand on columns of plain fields, and dropped join tables, adopted on the
 * real databases: a plain field becomes a relation to the model whose key it references (a unique
 * one a one-to-one), keeping its column and, where the database has it, its index; a key to a
 * table adopted in the same run follows the table's {@code CreateModel}; an {@code ON DELETE}
 * rule becomes the relation's database-level {@code on_delete}; a key to a table of no app and a
 * key whose column has another type than the target's key are left with their reasons; the adopted table's own foreign key becomes a relation as well. A
 * dropped automatic join table is a {@code RemoveField}; a dropped {@code through} table is
 * refused, naming the many-to-many field.
 */
class AdoptedForeignKeyTests {

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void foreignKeysOnPlainFieldsBecomeRelationsAndTheRestIsExplained(Vendor vendor) throws SQLException {
		ProjectState state = kennel(vendor);
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			DriftDetectorTests.create(connection, state);
			DriftDetector detector = new DriftDetector(Set.of());
			assertThat(detector.detect(connection, state)).isEmpty();
			addForeignKeysByHand(connection, vendor);
			List<Difference> differences = detector.detect(connection, state);
			assertThat(differences).extracting(Difference::code)
				.containsOnly("unexpected-constraint", "unexpected-table")
				.hasSize((vendor == Vendor.MARIADB) ? 7 : 8);
			DriftAdoption adoption = DriftAdoption.of(differences, new DriftAdoption.Source(state,
					LiveSchema.read(connection), SchemaEditors.create(connection, true), detector, null));
			boolean ownIndex = vendor == Vendor.MARIADB;
			ModelState pet = state.model("fk", "pet");
			List<Operation> operations = adoption.operations().get("fk");
			assertThat(operations).first().isInstanceOf(CreateModel.class);
			assertThat(operations.subList(1, operations.size())).containsExactlyInAnyOrder(
					new AlterField("pet", "owner_ref", relation(pet, "owner_ref", "fk.owner", OnDelete.DB_SET_NULL)
						.withDbColumn("owner_ref"), true),
					new AlterField("pet", "walker", relation(pet, "walker", "fk.owner", OnDelete.DO_NOTHING)
						.withDbColumn(null)
						.withDbIndex(ownIndex), true),
					new AlterField("pet", "keeper", StateColumns.withType(pet.field("keeper"),
							new FieldType.OneToOneField("fk.owner", OnDelete.DB_CASCADE))
						.withUnique(false)
						.withDbIndex(true)
						.withDbColumn(null), true),
					new AlterField("pet", "legacy", relation(pet, "legacy", "fk.legacy", OnDelete.DO_NOTHING)
						.withDbColumn(null)
						.withDbIndex(ownIndex), true),
					new AlterField("legacy", "owner_id", StateColumns
						.withType(plain(), new FieldType.ForeignKey("fk.owner", OnDelete.DO_NOTHING))
						.withDbColumn("owner_id")
						.withDbIndex(ownIndex), true));
			assertThat(adoption.leftOver()).extracting((notWritten) -> (notWritten.difference().code() + ": "
					+ notWritten.difference().table() + ": " + notWritten.reason()).toLowerCase(Locale.ROOT))
				.anySatisfy((line) -> assertThat(line).startsWith("unexpected-constraint: fk_pet: no model of the applied"
						+ " migrations has the table outside_registry: adopt the table (drift --write, with --table-app app"
						+ " for a table of no app) and run drift --write again, or drop it: "))
				.anySatisfy((line) -> assertThat(line).startsWith("unexpected-table: outside_registry: a table of no app"))
				.noneSatisfy((line) -> assertThat(line).startsWith("on-delete-differs"));
			if (vendor != Vendor.MARIADB) {
				assertThat(adoption.leftOver()).anySatisfy((notWritten) -> assertThat(notWritten.reason())
					.startsWith("the field counter would become a relation to Owner, whose column takes the type of"
							+ " Owner's key, ")
					.contains(", but the column is "));
			}
			assertThat(adoption.leftOver()).hasSize((vendor == Vendor.MARIADB) ? 2 : 3);
			assertThat(adoption.modelChanges()).contains(
					"fk.Pet.owner_ref: @ForeignKey(to = Owner.class, onDelete = OnDelete.DB_SET_NULL, nullable = true,"
							+ " dbColumn = \"owner_ref\") Long owner_ref;",
					"fk.Pet.walker: @ForeignKey(to = Owner.class, onDelete = OnDelete.DO_NOTHING, nullable = true"
							+ (ownIndex ? "" : ", dbIndex = false") + ") Long walker;",
					"fk.Pet.keeper: @OneToOneField(to = Owner.class, onDelete = OnDelete.DB_CASCADE, nullable = true)"
							+ " Long keeper;",
					"fk.Legacy.owner_id: @ForeignKey(to = Owner.class, onDelete = OnDelete.DO_NOTHING, nullable = true"
							+ (ownIndex ? "" : ", dbIndex = false") + ", dbColumn = \"owner_id\") Long owner_id;");
			assertThat(detector.detect(connection, adoption.state())).extracting(Difference::code)
				.containsExactlyInAnyOrderElementsOf(leftOver(vendor));
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void droppedJoinTableIsRemovedAndADroppedThroughTableIsRefusedNamingItsField(Vendor vendor) throws SQLException {
		ProjectState state = club();
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			DriftDetectorTests.create(connection, state);
			DriftDetector detector = new DriftDetector(Set.of());
			assertThat(detector.detect(connection, state)).isEmpty();
			DriftDetectorTests.execute(connection, "DROP TABLE fk_club_owners");
			DriftDetectorTests.execute(connection, "DROP TABLE fk_membership");
			List<Difference> differences = detector.detect(connection, state);
			assertThat(differences).extracting(Difference::describe)
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.containsExactlyInAnyOrder("missing table fk_club_owners (model club.owners)",
						"missing table fk_membership (model membership)");
			DriftAdoption adoption = DriftAdoption.of(differences, new DriftAdoption.Source(state,
					LiveSchema.read(connection), SchemaEditors.create(connection, true), detector, null));
			assertThat(adoption.operations().get("fk")).containsExactly(new RemoveField("club", "owners"));
			assertThat(adoption.modelChanges()).containsExactly("fk.Club: remove the field owners");
			assertThat(adoption.leftOver()).singleElement().satisfies((notWritten) -> {
				assertThat(notWritten.difference().code()).isEqualTo("missing-table");
				assertThat(notWritten.reason()).isEqualTo("the relation fk.Club.members point at model Membership:"
						+ " remove or change it first and run drift --write again, or create the table again");
			});
		}
	}

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void onDeleteRulesBecomeDatabaseLevelOnDeleteWhereTheColumnCanFollowThemAndTheRestIsExplained(Vendor vendor)
			throws SQLException {
		boolean mariadb = vendor == Vendor.MARIADB;
		boolean ruleKept = vendor == Vendor.POSTGRESQL || vendor == Vendor.SQLITE;
		Map<String, FieldState> owner = new LinkedHashMap<>();
		owner.put("id", FieldState.of(new FieldType.BigAutoField()));
		Map<String, FieldState> pet = new LinkedHashMap<>();
		pet.put("id", FieldState.of(new FieldType.BigAutoField()));
		pet.put("sitter", rule(OnDelete.CASCADE).withNullable(true));
		pet.put("nurse", rule(OnDelete.DB_CASCADE));
		if (!mariadb) {
			pet.put("walker", rule(OnDelete.CASCADE));
			pet.put("keeper", rule(OnDelete.CASCADE).withDbDefault("1"));
			pet.put("groomer", rule(OnDelete.CASCADE).withNullable(true));
		}
		if (ruleKept) {
			pet.put("vet", rule(OnDelete.PROTECT));
		}
		ModelState petModel = new ModelState("fk", "Pet", pet, null);
		ProjectState state = ProjectState.of(List.of(new ModelState("fk", "Owner", owner, null), petModel));
		try (TestDatabase database = TestDatabases.of(vendor);
				Connection connection = database.dataSource().getConnection()) {
			DriftDetectorTests.create(connection, state);
			DriftDetector detector = new DriftDetector(Set.of());
			assertThat(detector.detect(connection, state)).isEmpty();
			Map<String, String> rules = new LinkedHashMap<>();
			rules.put("sitter_id", " ON DELETE SET NULL");
			rules.put("nurse_id", null);
			if (!mariadb) {
				rules.put("walker_id", " ON DELETE SET NULL");
				rules.put("keeper_id", " ON DELETE SET DEFAULT");
				rules.put("groomer_id", " ON DELETE SET DEFAULT");
			}
			if (ruleKept) {
				rules.put("vet_id", " ON DELETE RESTRICT");
			}
			changeRules(connection, vendor, rules);
			List<Difference> differences = detector.detect(connection, state);
			DriftAdoption adoption = DriftAdoption.of(differences, new DriftAdoption.Source(state,
					LiveSchema.read(connection), SchemaEditors.create(connection, true), detector, null));
			List<Operation> expected = new ArrayList<>(List.of(new AlterField("pet", "sitter",
					rule(OnDelete.DB_SET_NULL).withNullable(true), true)));
			if (!mariadb) {
				expected.add(new AlterField("pet", "keeper", rule(OnDelete.DB_SET_DEFAULT).withDbDefault("1"), true));
			}
			assertThat(adoption.operations().get("fk")).containsExactlyInAnyOrderElementsOf(expected);
			List<String> reasons = adoption.leftOver()
				.stream()
				.map((notWritten) -> notWritten.difference().code() + " " + notWritten.difference().describe() + ": "
						+ notWritten.reason())
				.toList();
			// MariaDB keeps the index of the dropped key (explained as the index kept for it)
			assertThat(reasons).hasSize((mariadb ? 2 : 3) + (ruleKept ? 1 : 0))
				.anySatisfy((line) -> assertThat(line).startsWith("missing-constraint ")
					.contains("(nurse_id -> fk_owner.id): on_delete = DB_CASCADE is kept by the foreign key, which a"
							+ " relation without it (db_constraint=False) cannot have: create the key again: ")
					.contains("ON DELETE CASCADE; or change on_delete to the application's CASCADE"));
			if (!mariadb) {
				assertThat(reasons)
					.anySatisfy((line) -> assertThat(line).containsIgnoringCase("(walker_id) has ON DELETE SET NULL")
						.contains(": ON DELETE SET NULL on a column that is NOT NULL: DB_SET_NULL needs null=True;"
								+ " create it again without the rule: "))
					.anySatisfy((line) -> assertThat(line).containsIgnoringCase("(groomer_id) has ON DELETE SET DEFAULT")
						.contains(": ON DELETE SET DEFAULT on a column without a db_default: DB_SET_DEFAULT needs one"));
			}
			if (ruleKept) {
				assertThat(reasons).anySatisfy((line) -> assertThat(line).contains("(vet_id) has ON DELETE RESTRICT")
					.contains(": Django has no database-level RESTRICT (on_delete = RESTRICT is the application's);"
							+ " create it again without the rule: "));
			}
			assertThat(adoption.modelChanges())
				.contains("fk.Pet.sitter: @ForeignKey(to = Owner.class, onDelete = OnDelete.DB_SET_NULL, nullable = true)");
		}
	}

	private static FieldState rule(OnDelete onDelete) {
		return FieldState.of(new FieldType.ForeignKey("fk.owner", onDelete));
	}

	/**
	 * Give the foreign keys of {@code fk_pet}'s columns another {@code ON DELETE} rule, or drop
	 * them ({@code null}).
	 */
	private static void changeRules(Connection connection, Vendor vendor, Map<String, String> rules)
			throws SQLException {
		if (vendor == Vendor.SQLITE) {
			String sql;
			try (java.sql.Statement statement = connection.createStatement();
					java.sql.ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'fk_pet'")) {
				rows.next();
				sql = rows.getString(1);
			}
			String changed = sql;
			for (Map.Entry<String, String> entry : rules.entrySet()) {
				int start = changed.indexOf("\"" + entry.getKey() + "\"");
				int references = changed.indexOf(" REFERENCES", start);
				int deferrable = changed.indexOf(" DEFERRABLE", start);
				changed = (entry.getValue() == null)
						? changed.substring(0, references) + changed.substring(deferrable + " DEFERRABLE INITIALLY DEFERRED".length())
						: changed.substring(0, deferrable) + entry.getValue() + changed.substring(deferrable);
			}
			DriftDetectorTests.editDefinition(connection, "fk_pet", sql, changed);
			return;
		}
		String drop = (vendor == Vendor.MARIADB) ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ";
		for (Map.Entry<String, String> entry : rules.entrySet()) {
			String column = entry.getKey();
			for (String name : io.github.migrations.schema.Introspector.foreignKeyNames(connection,
					DriftDetectorTests.stored(connection, "fk_pet"), DriftDetectorTests.stored(connection, column))) {
				DriftDetectorTests.execute(connection, "ALTER TABLE fk_pet" + drop + name);
			}
			if (entry.getValue() != null) {
				DriftDetectorTests.execute(connection, "ALTER TABLE fk_pet ADD CONSTRAINT fk_pet_" + column + "_rule"
						+ " FOREIGN KEY (" + column + ") REFERENCES fk_owner (id)" + entry.getValue());
			}
		}
	}

	/**
	 * Databases migrated before relations kept Django's index on MariaDB have it besides the
	 * foreign key; InnoDB uses it as the key's index, so it is no difference, whether the relation
	 * says {@code db_index} or not.
	 */
	@Test
	void explicitForeignKeyIndexOfAnOldMariaDbDatabaseIsNoDifference() throws SQLException {
		ProjectState state = kennel(Vendor.MARIADB);
		ModelState pet = state.model("fk", "pet");
		state = state.withModel(pet.withField("walker", relation(pet, "walker", "fk.owner", OnDelete.CASCADE)
			.withDbColumn(null)
			.withDbIndex(true))
			.withField("keeper", relation(pet, "keeper", "fk.owner", OnDelete.CASCADE).withUnique(false)
				.withDbColumn(null)
				.withDbIndex(false)));
		try (TestDatabase database = TestDatabases.mariadb();
				Connection connection = database.dataSource().getConnection()) {
			DriftDetectorTests.create(connection, state);
			DriftDetector detector = new DriftDetector(Set.of());
			assertThat(detector.detect(connection, state)).isEmpty();
			for (String column : List.of("walker_id", "keeper_id")) {
				String index = IndexNames.create("fk_pet", List.of(column), "", 64);
				DriftDetectorTests.execute(connection, "CREATE INDEX " + index + " ON fk_pet (" + column + ")");
			}
			assertThat(detector.detect(connection, state)).isEmpty();
		}
	}

	/**
	 * An owner, and a pet whose plain fields get foreign keys by hand: {@code owner_ref} (indexed,
	 * its own column name), {@code walker} and {@code keeper} (unique) on {@code <field>_id},
	 * {@code legacy} to a table of the app made by hand, {@code outside} to a table of no app, and
	 * (but on MariaDB, which refuses a key between columns of other types) {@code counter}, an
	 * {@code integer} column, to the owner's {@code bigint} key.
	 */
	private static ProjectState kennel(Vendor vendor) {
		Map<String, FieldState> owner = new LinkedHashMap<>();
		owner.put("id", FieldState.of(new FieldType.BigAutoField()));
		owner.put("name", FieldState.of(new FieldType.CharField(30)));
		Map<String, FieldState> pet = new LinkedHashMap<>();
		pet.put("id", FieldState.of(new FieldType.BigAutoField()));
		pet.put("owner_ref", plain().withDbIndex(true));
		pet.put("walker", plain().withDbColumn("walker_id"));
		pet.put("keeper", plain().withDbColumn("keeper_id").withUnique(true));
		pet.put("legacy", plain().withDbColumn("legacy_id"));
		pet.put("outside", plain().withDbColumn("outside_id"));
		if (vendor != Vendor.MARIADB) {
			pet.put("counter", FieldState.of(new FieldType.IntegerField()).withNullable(true));
		}
		return ProjectState.of(List.of(new ModelState("fk", "Owner", owner, null),
				new ModelState("fk", "Pet", pet, null)));
	}

	private static FieldState plain() {
		return FieldState.of(new FieldType.BigIntegerField()).withNullable(true);
	}

	private static FieldState relation(ModelState model, String field, String to, OnDelete onDelete) {
		return StateColumns.withType(model.field(field), new FieldType.ForeignKey(to, onDelete));
	}

	private static void addForeignKeysByHand(Connection connection, Vendor vendor) throws SQLException {
		DriftDetectorTests.execute(connection, "CREATE TABLE fk_legacy (id bigint NOT NULL PRIMARY KEY,"
				+ " owner_id bigint NULL, FOREIGN KEY (owner_id) REFERENCES fk_owner (id))");
		DriftDetectorTests.execute(connection, "CREATE TABLE outside_registry (id bigint NOT NULL PRIMARY KEY)");
		if (vendor == Vendor.SQLITE) {
			DriftDetectorTests.editDefinition(connection, "fk_pet",
					"\"owner_ref\" bigint NULL",
					"\"owner_ref\" bigint NULL REFERENCES \"fk_owner\" (\"id\") ON DELETE SET NULL",
					"\"walker_id\" bigint NULL", "\"walker_id\" bigint NULL REFERENCES \"fk_owner\" (\"id\")",
					"\"keeper_id\" bigint NULL UNIQUE",
					"\"keeper_id\" bigint NULL UNIQUE REFERENCES \"fk_owner\" (\"id\") ON DELETE CASCADE",
					"\"legacy_id\" bigint NULL", "\"legacy_id\" bigint NULL REFERENCES \"fk_legacy\" (\"id\")",
					"\"outside_id\" bigint NULL", "\"outside_id\" bigint NULL REFERENCES \"outside_registry\" (\"id\")",
					"\"counter\" integer NULL", "\"counter\" integer NULL REFERENCES \"fk_owner\" (\"id\")");
			return;
		}
		addForeignKey(connection, "owner_ref", "fk_owner", " ON DELETE SET NULL");
		addForeignKey(connection, "walker_id", "fk_owner", "");
		addForeignKey(connection, "keeper_id", "fk_owner", " ON DELETE CASCADE");
		addForeignKey(connection, "legacy_id", "fk_legacy", "");
		addForeignKey(connection, "outside_id", "outside_registry", "");
		if (vendor != Vendor.MARIADB) {
			addForeignKey(connection, "counter", "fk_owner", "");
		}
	}

	private static void addForeignKey(Connection connection, String column, String table, String rule)
			throws SQLException {
		DriftDetectorTests.execute(connection, "ALTER TABLE fk_pet ADD CONSTRAINT fk_pet_" + column + "_by_hand"
				+ " FOREIGN KEY (" + column + ") REFERENCES " + table + " (id)" + rule);
	}

	private static List<String> leftOver(Vendor vendor) {
		List<String> codes = new ArrayList<>(List.of("unexpected-constraint", "unexpected-table"));
		if (vendor != Vendor.MARIADB) {
			codes.add("unexpected-constraint");
		}
		return codes;
	}

	/**
	 * An owner, and a club with an automatic many-to-many ({@code owners}) and one through a
	 * membership model ({@code members}).
	 */
	private static ProjectState club() {
		Map<String, FieldState> owner = new LinkedHashMap<>();
		owner.put("id", FieldState.of(new FieldType.BigAutoField()));
		Map<String, FieldState> club = new LinkedHashMap<>();
		club.put("id", FieldState.of(new FieldType.BigAutoField()));
		club.put("owners", FieldState.of(new FieldType.ManyToManyField("fk.owner", null)));
		club.put("members", FieldState.of(new FieldType.ManyToManyField("fk.owner", "fk.membership")));
		Map<String, FieldState> membership = new LinkedHashMap<>();
		membership.put("id", FieldState.of(new FieldType.BigAutoField()));
		membership.put("club", FieldState.of(new FieldType.ForeignKey("fk.club", OnDelete.CASCADE)));
		membership.put("owner", FieldState.of(new FieldType.ForeignKey("fk.owner", OnDelete.CASCADE)));
		return ProjectState.of(List.of(new ModelState("fk", "Owner", owner, null), new ModelState("fk", "Club", club, null),
				new ModelState("fk", "Membership", membership, null)));
	}

}
