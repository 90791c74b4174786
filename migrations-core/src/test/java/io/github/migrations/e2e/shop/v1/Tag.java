package io.github.migrations.e2e.shop.v1;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;

/**
 * A label that shelves can carry.
 */
@Model(app = "shop")
public class Tag {

	@CharField(maxLength = 30, unique = true)
	String label;

}
