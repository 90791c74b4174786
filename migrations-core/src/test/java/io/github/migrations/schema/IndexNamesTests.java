package io.github.migrations.schema;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IndexNames}; expected values were produced by Django 5.2.17's
 * {@code _create_index_name}.
 */
class IndexNamesTests {

	@Test
	void shortNameMatchesDjango() {
		assertThat(IndexNames.create("blog_post", List.of("product_id"), "", 63))
			.isEqualTo("blog_post_product_id_8a285923");
	}

	@Test
	void foreignKeyNameMatchesDjango() {
		assertThat(IndexNames.create("shop_book", List.of("author_id"), "_fk_shop_author_id", 63))
			.isEqualTo("shop_book_author_id_82b8ab51_fk_shop_author_id");
	}

	@Test
	void longNameIsShortenedAsDjangoDoes() {
		assertThat(IndexNames.create("inventory_warehouse_location_assignment",
				List.of("very_long_column_name_for_testing"), "_fk_inventory_warehouse_location_assignment_id", 63))
			.isEqualTo("inventory_warehouse__very_long_column_nam_bec3bdc6_fk_inventory");
		assertThat(IndexNames.create("inventory_warehouse_location_assignment",
				List.of("very_long_column_name_for_testing"), "_uniq", 63))
			.isEqualTo("inventory_warehouse_loca_very_long_column_name_fo_bec3bdc6_uniq");
	}

	@Test
	void shortenedNameStartingWithUnderscoreGetsPrefix() {
		assertThat(IndexNames.create("_averyveryverylongtablename", List.of("acolumn"), "_uniq", 30))
			.isEqualTo("D_averyver_acolumn_848c6bd3_");
		assertThat(IndexNames.create("_x", List.of("a"), "_uniq", 63)).isEqualTo("_x_a_bb471854_uniq");
	}

}
