package io.github.migrations.e2e.shop.v2;

import java.util.List;

import io.github.migrations.model.CharField;
import io.github.migrations.model.ManyToManyField;
import io.github.migrations.model.Model;
import io.github.migrations.model.OneToOneField;
import io.github.migrations.state.OnDelete;

/**
 * A shelf holding products (many-to-many) with one optional tag (one-to-one).
 */
@Model(app = "shop")
public class Shelf {

	@CharField(maxLength = 50)
	String name;

	@ManyToManyField(to = Product.class)
	List<Long> products;

	@OneToOneField(to = Label.class, onDelete = OnDelete.SET_NULL, nullable = true)
	Long tag;

}
