package io.github.migrations.autoconfigure.slice;

import org.springframework.data.repository.CrudRepository;

/**
 * Spring Data JDBC repository of {@link ProductRow}.
 *
 * @author Migrations contributors
 */
interface ProductRows extends CrudRepository<ProductRow, Long> {

}
