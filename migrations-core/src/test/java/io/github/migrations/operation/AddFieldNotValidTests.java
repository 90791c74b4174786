package io.github.migrations.operation;

import io.github.migrations.schema.IndexNames;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AddFieldNotValid}, the safe form of {@link AddField} for a foreign key (no
 * Django counterpart); on the databases in {@code SafeForeignKeyEndToEndTests}.
 */
class AddFieldNotValidTests extends AbstractOperationTests {

	private static final FieldState STABLE = foreignKey("test_app.stable").withNullable(true);

	private final AddFieldNotValid operation = new AddFieldNotValid("Pony", "stable", STABLE, true);

	@Test
	void describesItselfAsAddFieldWithANotValidForeignKeyAndNeedsANonAtomicMigration() {
		assertThat(this.operation.formattedDescription())
			.isEqualTo("+ Add field stable to Pony with a not valid foreign key");
		assertThat(this.operation.migrationNameFragment()).isEqualTo("pony_stable_not_valid");
		assertThat(this.operation.needsNonAtomicMigration()).isTrue();
		assertThat(this.operation.plain()).isEqualTo(new AddField("Pony", "stable", STABLE, true));
	}

	@Test
	void refusesAFieldThatIsNotARelationStoredInAColumn() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AddFieldNotValid("Pony", "size", INTEGER, true))
			.withMessageStartingWith("AddFieldNotValid.field must be a foreign key or a one-to-one field, not ");
	}

	@Test
	void changesTheStateAsAddFieldAndNamesItsConstraintAsTheSchemaEditorDoes() {
		assertThat(this.operation.stateForwards(APP, setUpTestModel()))
			.isEqualTo(this.operation.plain().stateForwards(APP, setUpTestModel()));
		assertThat(this.operation.constraintName(APP, setUpTestModel())).isEqualTo(
				IndexNames.create("test_app_pony", java.util.List.of("stable_id"), "_fk_test_app_stable_id", 63));
	}

	@Test
	void reducesAsAddFieldWhileItsConstraintKeepsItsNameAndIsFoldedIntoANewModel() {
		ProjectState state = setUpTestModel();
		assertReducesTo(state, this.operation, new RemoveField("Pony", "stable"));
		assertReducesTo(state, this.operation, new AlterField("Pony", "stable", STABLE.withNullable(false), true),
				new AddFieldNotValid("Pony", "stable", STABLE.withNullable(false), true));
		assertBlocked(this.operation, new RenameField("Pony", "stable", "barn"));
		assertBlocked(this.operation, new AlterField("Pony", "stable", INTEGER, true));
		assertThrough(this.operation, new AddField("Rider", "size", INTEGER, true));
		CreateModel horse = new CreateModel("Horse", fields("id", AUTO), null);
		assertThat(horse.reduce(new AddFieldNotValid("Horse", "stable", STABLE, true), APP))
			.isEqualTo(Reduction.replace(new CreateModel("Horse", fields("id", AUTO, "stable", STABLE), null)));
	}

}
