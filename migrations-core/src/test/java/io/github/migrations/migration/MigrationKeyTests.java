package io.github.migrations.migration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationKey}'s equality, written out instead of generated.
 */
class MigrationKeyTests {

	@Test
	void equalKeysAreEqualAndHashAlike() {
		MigrationKey key = new MigrationKey("shop", "order");
		assertThat(key).isEqualTo(new MigrationKey("shop", "order")).hasSameHashCodeAs(new MigrationKey("shop", "order"));
		assertThat(key).isNotEqualTo(new MigrationKey("shop", "item")).isNotEqualTo(new MigrationKey("blog", "order"))
			.isNotEqualTo("shop.order")
			.isNotEqualTo(null);
	}

	@Test
	void hashIsTheOneARecordGenerates() {
		// hash maps and sets of keys iterate in the same order as before the methods were written out
		assertThat(new MigrationKey("shop", "order").hashCode()).isEqualTo(31 * "shop".hashCode() + "order".hashCode());
		assertThat(new MigrationKey(null, "order").hashCode()).isEqualTo("order".hashCode());
		assertThat(new MigrationKey(null, "order")).isEqualTo(new MigrationKey(null, "order"));
	}

}
