package io.github.migrations.e2e.shop.v2;

import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;
import io.github.migrations.model.RenamedFrom;

/**
 * The tag, renamed: its table is renamed and the one-to-one pointing at it follows.
 */
@Model(app = "shop")
@RenamedFrom("Tag")
public class Label {

	@CharField(maxLength = 30, unique = true)
	String label;

}
