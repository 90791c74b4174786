package io.github.migrations.e2e.shop.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.github.migrations.model.BooleanField;
import io.github.migrations.model.CharField;
import io.github.migrations.model.CheckConstraint;
import io.github.migrations.model.DateTimeField;
import io.github.migrations.model.DecimalField;
import io.github.migrations.model.Index;
import io.github.migrations.model.Model;
import io.github.migrations.model.PositiveIntegerField;
import io.github.migrations.model.SlugField;
import io.github.migrations.model.TextField;
import io.github.migrations.model.UUIDField;
import io.github.migrations.model.UniqueConstraint;

/**
 * A model using much of the vocabulary: choices, db defaults, comments, indexes, constraints.
 */
@Model(app = "shop", ordering = "name")
@Index(name = "product_name_idx", fields = "name")
@UniqueConstraint(name = "product_unique_name_sku", fields = { "name", "sku" })
@CheckConstraint(name = "product_price_positive", check = "price >= 0")
public class Product {

	/** Product states, stored by name. */
	public enum Status {

		/** Not shown yet. */
		DRAFT,

		/** Shown. */
		LIVE

	}

	@CharField(maxLength = 100)
	String name;

	@SlugField
	String sku;

	@DecimalField(maxDigits = 10, decimalPlaces = 2)
	BigDecimal price;

	@PositiveIntegerField(dbDefault = "0")
	int stock;

	@BooleanField(defaultValue = "true")
	boolean active;

	@UUIDField(nullable = true)
	UUID reference;

	@DateTimeField(dbDefault = "now")
	Instant created;

	@CharField(maxLength = 10, defaultValue = "DRAFT")
	Status status;

	@TextField(nullable = true, dbComment = "Shown on the product page")
	String description;

}
