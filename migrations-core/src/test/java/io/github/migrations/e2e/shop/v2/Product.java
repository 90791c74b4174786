package io.github.migrations.e2e.shop.v2;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.github.migrations.model.BooleanField;
import io.github.migrations.model.CharField;
import io.github.migrations.model.DateTimeField;
import io.github.migrations.model.DecimalField;
import io.github.migrations.model.Index;
import io.github.migrations.model.IntegerField;
import io.github.migrations.model.Model;
import io.github.migrations.model.PositiveIntegerField;
import io.github.migrations.model.RenamedFrom;
import io.github.migrations.model.SlugField;
import io.github.migrations.model.TextField;
import io.github.migrations.model.UUIDField;
import io.github.migrations.model.UniqueConstraint;

/**
 * The product, second version: a field renamed, an index renamed, a check dropped, a field
 * added, the ordering changed.
 */
@Model(app = "shop", ordering = "-created")
@Index(name = "product_title_idx", fields = "title")
@UniqueConstraint(name = "product_unique_name_sku", fields = { "title", "sku" })
public class Product {

	/** Product states, stored by name. */
	public enum Status {

		/** Not shown yet. */
		DRAFT,

		/** Shown. */
		LIVE

	}

	@RenamedFrom("name")
	@CharField(maxLength = 100)
	String title;

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

	@IntegerField(defaultValue = "1")
	int weight;

}
