package io.github.migrations.autodetect;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.AddConstraint;
import io.github.migrations.operation.AddConstraintNotValid;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AddFieldNotValid;
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AddIndexConcurrently;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.AlterModelTable;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.ValidateConstraint;
import io.github.migrations.schema.IndexNames;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafeForms}, the rewrite behind {@code makemigrations --safe}; the whole command
 * on real databases is in {@code SafeFormsEndToEndTests}.
 */
class SafeFormsTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 21, 5);

	private static final MigrationKey INITIAL = new MigrationKey("stables", "0001_initial");

	private static final IndexState WEIGHT_INDEX = new IndexState("pony_weight_idx", List.of("weight"), null);

	private static final FieldState INTEGER = FieldState.of(new FieldType.IntegerField());

	private static final ProjectState NONE = ProjectState.empty();

	private static final FieldState RIDER = FieldState.of(new FieldType.ForeignKey("stables.rider", OnDelete.CASCADE))
		.withNullable(true);

	@Test
	void aMigrationThatOnlyAddsAnIndexBecomesTheNonAtomicOneInItsPlace() {
		Changes changes = SafeForms.apply(changes(migration("0002_pony_pony_weight_idx", List.of(INITIAL),
				new AddIndex("pony", WEIGHT_INDEX))), NONE, null, NOW);
		Migration only = changes.migrations().get("stables").get(0);
		assertThat(changes.migrations().get("stables")).hasSize(1);
		assertThat(only.key()).isEqualTo(new MigrationKey("stables", "0002_pony_pony_weight_idx"));
		assertThat(only.atomic()).isFalse();
		assertThat(only.dependencies()).containsExactly(INITIAL);
		assertThat(only.operations()).containsExactly(new AddIndexConcurrently("pony", WEIGHT_INDEX));
	}

	@Test
	void anIndexRemovalStaysPlainWhereAFieldOfTheModelChangesInTheSameRun() {
		Operation alter = new AlterField("pony", "weight", INTEGER.withNullable(true), true);
		Changes changes = SafeForms.apply(changes(migration("0002_remove_pony_pony_name_idx_alter_pony_weight",
				List.of(INITIAL), new RemoveIndex("pony", "pony_name_idx"), alter)), NONE, null, NOW);
		assertThat(changes.migrations().get("stables")).singleElement()
			.satisfies((migration) -> assertThat(migration.operations())
				.containsExactly(new RemoveIndex("pony", "pony_name_idx"), alter));
	}

	@Test
	void aCheckBecomesNotValidAndIsValidatedInTheNextMigrationWhileAUniqueConstraintStaysPlain() {
		ConstraintState check = new ConstraintState.Check("pony_weight_gte_0", "weight >= 0");
		ConstraintState unique = new ConstraintState.Unique("pony_name_uniq", List.of("name"), null);
		Operation addField = new AddField("pony", "age", INTEGER.withDefault("0"), false);
		Changes changes = SafeForms.apply(changes(migration("0002_pony_age_and_more", List.of(INITIAL), addField,
				new AddConstraint("pony", check), new AddConstraint("pony", unique))), NONE, null, NOW);
		List<Migration> migrations = changes.migrations().get("stables");
		assertThat(migrations).extracting(Migration::name)
			.containsExactly("0002_pony_age_pony_pony_weight_gte_0_not_valid_and_more",
					"0003_pony_validate_pony_weight_gte_0");
		assertThat(migrations.get(0).operations()).containsExactly(addField,
				new AddConstraintNotValid("pony", check), new AddConstraint("pony", unique));
		assertThat(migrations.get(0).atomic()).isTrue();
		assertThat(migrations.get(1).operations()).containsExactly(new ValidateConstraint("pony", "pony_weight_gte_0"));
		assertThat(migrations.get(1).atomic()).isTrue();
		assertThat(migrations.get(1).dependencies()).containsExactly(migrations.get(0).key());
	}

	@Test
	void aRenamedMigrationIsRenamedInTheDependenciesOfOtherApps() {
		Map<String, List<Migration>> byApp = new LinkedHashMap<>();
		Operation addField = new AddField("pony", "age", INTEGER.withDefault("0"), false);
		byApp.put("stables", List.of(migration("0002_pony_age_pony_pony_weight_idx", List.of(INITIAL), addField,
				new AddIndex("pony", WEIGHT_INDEX))));
		MigrationKey renamed = new MigrationKey("stables", "0002_pony_age_pony_pony_weight_idx");
		byApp.put("riders", List.of(Migration.of(new MigrationKey("riders", "0002_rider_pony"), List.of(renamed),
				List.of(new AddField("rider", "weight", INTEGER.withDefault("0"), false)), false)));
		Changes changes = SafeForms.apply(new Changes(byApp, List.of()), NONE, null, NOW);
		assertThat(changes.migrations().get("stables")).extracting(Migration::name)
			.containsExactly("0002_pony_age", "0003_pony_pony_weight_idx");
		assertThat(changes.migrations().get("riders").get(0).dependencies())
			.containsExactly(new MigrationKey("stables", "0002_pony_age"));
		assertThat(changes.migrations().get("stables").get(1).dependencies())
			.containsExactly(new MigrationKey("stables", "0002_pony_age"));
	}

	@Test
	void aNameGivenWithDashNIsKeptForEveryMigration() {
		Operation addField = new AddField("pony", "age", INTEGER.withDefault("0"), false);
		Changes changes = SafeForms.apply(changes(migration("0002_weights", List.of(INITIAL), addField,
				new AddIndex("pony", WEIGHT_INDEX))), NONE, "weights", NOW);
		assertThat(changes.migrations().get("stables")).extracting(Migration::name)
			.containsExactly("0002_weights", "0003_weights");
	}

	@Test
	void changesWithoutIndexesOrChecksOfExistingModelsAreLeftAlone() {
		Changes changes = changes(migration("0002_pony_age", List.of(INITIAL),
				new AddField("pony", "age", INTEGER.withDefault("0"), false)));
		assertThat(SafeForms.apply(changes, NONE, null, NOW)).isEqualTo(changes);
	}

	@Test
	void aRelationWithoutConstraintHasNoForeignKeyToAddNotValidAndStaysPlain() {
		FieldState loose = FieldState.of(new FieldType.ForeignKey("stables.rider", OnDelete.CASCADE, false))
			.withNullable(true);
		Changes changes = changes(migration("0002_pony_rider", List.of(INITIAL), new AddField("pony", "rider", loose, true)));
		assertThat(SafeForms.apply(changes, stables(), null, NOW)).isEqualTo(changes);
	}

	@Test
	void aForeignKeyOnAnExistingModelIsAddedNotValidWithoutATransactionAndValidatedByTheNameTheEditorGivesIt() {
		Operation addField = new AddField("pony", "rider", RIDER, true);
		Changes changes = SafeForms.apply(changes(migration("0002_pony_rider", List.of(INITIAL), addField)), stables(), null,
				NOW);
		List<Migration> migrations = changes.migrations().get("stables");
		AddFieldNotValid notValid = new AddFieldNotValid("pony", "rider", RIDER, true);
		String name = IndexNames.create("stables_pony", List.of("rider_id"), "_fk_stables_rider_id", 63);
		assertThat(notValid.constraintName("stables", stables())).isEqualTo(name);
		assertThat(migrations).extracting(Migration::name)
			.containsExactly("0002_pony_rider_not_valid", "0003_pony_validate_" + name);
		assertThat(migrations.get(0).operations()).containsExactly(notValid);
		assertThat(migrations.get(0).atomic()).isFalse();
		assertThat(migrations.get(0).dependencies()).containsExactly(INITIAL);
		assertThat(migrations.get(1).operations()).containsExactly(new ValidateConstraint("pony", name));
		assertThat(migrations.get(1).atomic()).isTrue();
	}

	@Test
	void anIndexOnTheNewForeignKeyMovesWithItInItsOrder() {
		Operation addField = new AddField("pony", "rider", RIDER, true);
		IndexState index = new IndexState("pony_rider_weight_idx", List.of("rider", "weight"), null);
		Changes changes = SafeForms.apply(changes(migration("0002_pony_rider_and_more", List.of(INITIAL), addField,
				new AddIndex("pony", index))), stables(), null, NOW);
		assertThat(changes.migrations().get("stables").get(0).operations()).containsExactly(
				new AddFieldNotValid("pony", "rider", RIDER, true), new AddIndexConcurrently("pony", index));
	}

	@Test
	void aForeignKeyStaysPlainWhenAnOperationLeftBehindUsesItOrItsModelIsNew() {
		Operation addField = new AddField("pony", "rider", RIDER, true);
		Operation alter = new AlterField("pony", "rider", RIDER.withNullable(false), true);
		Changes used = changes(migration("0002_pony_rider", List.of(INITIAL), addField, alter));
		assertThat(SafeForms.apply(used, stables(), null, NOW)).isEqualTo(used);
		Changes table = changes(migration("0002_pony_rider_alter_pony_table", List.of(INITIAL), addField,
				new AlterModelTable("pony", "ponies")));
		assertThat(SafeForms.apply(table, stables(), null, NOW)).isEqualTo(table);
		Changes created = changes(migration("0002_horse", List.of(INITIAL),
				new CreateModel("Horse", Map.of("id", FieldState.of(new FieldType.BigAutoField())), null),
				new AddField("horse", "rider", RIDER, true)));
		assertThat(SafeForms.apply(created, stables(), null, NOW)).isEqualTo(created);
	}

	private static ProjectState stables() {
		Map<String, FieldState> rider = new LinkedHashMap<>();
		rider.put("id", FieldState.of(new FieldType.BigAutoField()));
		Map<String, FieldState> pony = new LinkedHashMap<>();
		pony.put("id", FieldState.of(new FieldType.BigAutoField()));
		pony.put("weight", INTEGER);
		return ProjectState.of(List.of(new ModelState("stables", "Rider", rider, null),
				new ModelState("stables", "Pony", pony, null)));
	}

	private static Changes changes(Migration migration) {
		return new Changes(Map.of("stables", List.of(migration)), List.of());
	}

	private static Migration migration(String name, List<MigrationKey> dependencies, Operation... operations) {
		return Migration.of(new MigrationKey("stables", name), dependencies, List.of(operations), false);
	}

}
