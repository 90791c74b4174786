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
import io.github.migrations.operation.AddIndex;
import io.github.migrations.operation.AddIndexConcurrently;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.Operation;
import io.github.migrations.operation.RemoveIndex;
import io.github.migrations.operation.ValidateConstraint;
import io.github.migrations.state.ConstraintState;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.IndexState;
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

	@Test
	void aMigrationThatOnlyAddsAnIndexBecomesTheNonAtomicOneInItsPlace() {
		Changes changes = SafeForms.apply(changes(migration("0002_pony_pony_weight_idx", List.of(INITIAL),
				new AddIndex("pony", WEIGHT_INDEX))), null, NOW);
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
				List.of(INITIAL), new RemoveIndex("pony", "pony_name_idx"), alter)), null, NOW);
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
				new AddConstraint("pony", check), new AddConstraint("pony", unique))), null, NOW);
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
		Changes changes = SafeForms.apply(new Changes(byApp, List.of()), null, NOW);
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
				new AddIndex("pony", WEIGHT_INDEX))), "weights", NOW);
		assertThat(changes.migrations().get("stables")).extracting(Migration::name)
			.containsExactly("0002_weights", "0003_weights");
	}

	@Test
	void changesWithoutIndexesOrChecksOfExistingModelsAreLeftAlone() {
		Changes changes = changes(migration("0002_pony_age", List.of(INITIAL),
				new AddField("pony", "age", INTEGER.withDefault("0"), false)));
		assertThat(SafeForms.apply(changes, null, NOW)).isEqualTo(changes);
	}

	private static Changes changes(Migration migration) {
		return new Changes(Map.of("stables", List.of(migration)), List.of());
	}

	private static Migration migration(String name, List<MigrationKey> dependencies, Operation... operations) {
		return Migration.of(new MigrationKey("stables", name), dependencies, List.of(operations), false);
	}

}
