package io.github.migrations.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loose spelling of conditions against what each database shows for what the migrations
 * wrote (the spellings are those the servers gave back in {@code DriftDetectorTests}).
 */
class ExpressionsTests {

	@Test
	void postgreSqlCastsParenthesesAndAnyArrayEqualTheWrittenCondition() {
		assertThat(Expressions.same("status IN ('DRAFT', 'LIVE')",
				"(((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'LIVE'::character varying])::text[])))"))
			.isTrue();
		assertThat(Expressions.same("price >= 0", "((price >= (0)::numeric))")).isTrue();
		assertThat(Expressions.same("NOT (small < -100)", "((NOT (small < '-100'::integer)))")).isTrue();
		assertThat(Expressions.same("big BETWEEN 0 AND 1000000", "((big >= 0) AND (big <= 1000000))")).isTrue();
		assertThat(Expressions.same("name LIKE '_%'", "((name)::text ~~ '_%'::text)")).isTrue();
	}

	@Test
	void mariaDbAndH2RewritesEqualTheWrittenCondition() {
		assertThat(Expressions.same("NOT (small < -100)", "`small` >= -100")).isTrue();
		assertThat(Expressions.same("length(slug) > 0", "octet_length(`slug`) > 0")).isTrue();
		assertThat(Expressions.same("price >= 0", "\"PRICE\" >= CAST(0 AS NUMERIC(1))")).isTrue();
		assertThat(Expressions.same("price * 2 <= 100000 AND count != 13",
				"(\"COUNT\" <> 13)\n    AND ((\"PRICE\" * 2) <= 100000)")).isTrue();
	}

	@Test
	void changedOperatorsConstantsAndColumnsAreDifferent() {
		assertThat(Expressions.same("price >= 0", "((price > (0)::numeric))")).isFalse();
		assertThat(Expressions.same("big BETWEEN 0 AND 1000000", "big BETWEEN 0 AND 999")).isFalse();
		assertThat(Expressions.same("status IN ('DRAFT', 'LIVE')", "status IN ('DRAFT')")).isFalse();
		assertThat(Expressions.same("price >= 0", "cost >= 0")).isFalse();
		assertThat(Expressions.same("name = 'A'", "name = 'a'")).isFalse();
	}

}
