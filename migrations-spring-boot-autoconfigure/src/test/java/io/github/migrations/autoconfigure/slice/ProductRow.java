package io.github.migrations.autoconfigure.slice;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A Spring Data JDBC entity mapped to the table that the {@code shop} app's migrations create.
 * Spring Data quotes the name as written; on H2, whose unquoted names fold to upper case, the
 * migrations created {@code SHOP_PRODUCT}.
 *
 * @param id the generated primary key
 * @param name the product name
 * @param stock the stock
 * @param sku the stock-keeping unit, added by {@code shop.0002_add_sku}
 * @author Migrations contributors
 */
@Table("SHOP_PRODUCT")
record ProductRow(@Id Long id, String name, int stock, String sku) {

}
