package io.github.migrations.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModelKey}'s equality, written out instead of generated.
 */
class ModelKeyTests {

	@Test
	void equalKeysAreEqualAndHashAlike() {
		ModelKey key = new ModelKey("shop", "order");
		assertThat(key).isEqualTo(new ModelKey("shop", "order")).hasSameHashCodeAs(new ModelKey("shop", "order"));
		assertThat(key).isNotEqualTo(new ModelKey("shop", "item")).isNotEqualTo(new ModelKey("blog", "order"))
			.isNotEqualTo("shop.order")
			.isNotEqualTo(null);
	}

	@Test
	void hashIsTheOneARecordGenerates() {
		// hash maps and sets of keys iterate in the same order as before the methods were written out
		assertThat(new ModelKey("shop", "order").hashCode()).isEqualTo(31 * "shop".hashCode() + "order".hashCode());
		assertThat(new ModelKey(null, "order").hashCode()).isEqualTo("order".hashCode());
		assertThat(new ModelKey(null, "order")).isEqualTo(new ModelKey(null, "order"));
	}

}
