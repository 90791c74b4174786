package io.github.migrations.schema;

import io.github.migrations.state.FieldType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SqlLiterals}.
 */
class SqlLiteralsTests {

	@Test
	void stringsAreQuotedWithDoubledQuotes() {
		assertThat(SqlLiterals.literal(new FieldType.CharField(10), "it's", false, true)).isEqualTo("'it''s'");
		assertThat(SqlLiterals.literal(new FieldType.TextField(), "a\\b", true, true)).isEqualTo("'a\\\\b'");
	}

	@Test
	void numbersAndBooleansAreValidatedLiterals() {
		assertThat(SqlLiterals.literal(new FieldType.IntegerField(), " 42 ", false, true)).isEqualTo("42");
		assertThat(SqlLiterals.literal(new FieldType.DecimalField(5, 2), "1.50", false, true)).isEqualTo("1.50");
		assertThat(SqlLiterals.literal(new FieldType.BooleanField(), "True", false, true)).isEqualTo("true");
		assertThat(SqlLiterals.literal(new FieldType.BooleanField(), "0", false, true)).isEqualTo("false");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SqlLiterals.literal(new FieldType.IntegerField(), "1; DROP TABLE x", false, true))
			.withMessageContaining("not a whole number");
	}

	@Test
	void datesAndDateTimesAreIsoLiterals() {
		assertThat(SqlLiterals.literal(new FieldType.DateField(), "2024-05-01", false, true)).isEqualTo("'2024-05-01'");
		assertThat(SqlLiterals.literal(new FieldType.DateTimeField(), "2024-05-01T10:00:00Z", false, true))
			.isEqualTo("'2024-05-01 10:00:00.000000+00:00'");
		assertThat(SqlLiterals.literal(new FieldType.DateTimeField(), "2024-05-01T12:00:00+02:00", false, false))
			.isEqualTo("'2024-05-01 10:00:00.000000'");
		assertThat(SqlLiterals.literal(new FieldType.DateTimeField(), "now", false, true)).isEqualTo("CURRENT_TIMESTAMP");
	}

}
