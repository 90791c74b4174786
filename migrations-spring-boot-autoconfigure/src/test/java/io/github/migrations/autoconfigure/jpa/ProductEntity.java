package io.github.migrations.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A JPA entity on the table that the {@code shop} fixtures migrate, without the {@code sku}
 * column of {@code 0002_add_sku}: Hibernate creating the schema would leave that column out.
 *
 * @author Migrations contributors
 */
@Entity
@Table(name = "shop_product")
public class ProductEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	String name;

	int stock;

}
