package io.github.migrations.autodetect;

import java.time.LocalDateTime;
import java.util.List;

import io.github.migrations.operation.AddField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationNamerTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 9, 1);

	@Test
	void numberComesFromLeadingDigitsOrTheSquashedEnd() {
		assertThat(MigrationNamer.parseNumber("0002_product_sku")).isEqualTo(2);
		assertThat(MigrationNamer.parseNumber("0001_squashed_0004_merge")).isEqualTo(4);
		assertThat(MigrationNamer.parseNumber("custom")).isZero();
	}

	@Test
	void initialMigrationIsNamedInitial() {
		assertThat(MigrationNamer.suggestName(List.of(), true, NOW)).isEqualTo("initial");
	}

	@Test
	void emptyMigrationGetsATimestampName() {
		assertThat(MigrationNamer.suggestName(List.of(), false, NOW)).isEqualTo("auto_20261124_0901");
	}

	@Test
	void fragmentsAreJoinedUntilFiftyTwoCharactersThenAndMore() {
		FieldState field = FieldState.of(new FieldType.IntegerField()).withNullable(true);
		List<Operation> operations = List.of(new AddField("person", "first_field_name", field, true),
				new AddField("person", "second_field_name", field, true),
				new AddField("person", "third", field, true));
		assertThat(MigrationNamer.suggestName(operations, false, NOW))
			.isEqualTo("person_first_field_name_person_second_field_name_and_more");
		assertThat(MigrationNamer.suggestName(List.of(new CreateModel("Pony", java.util.Map.of(), null)), false, NOW))
			.isEqualTo("pony");
	}

	@Test
	void nameIsTheNumberPaddedToFourDigits() {
		assertThat(MigrationNamer.name(2, "add_description")).isEqualTo("0002_add_description");
	}

}
