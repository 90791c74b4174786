package io.github.migrations.sample.blog;

import io.github.migrations.model.CharField;
import io.github.migrations.model.IntegerField;
import io.github.migrations.model.Model;
import io.github.migrations.model.TextField;

/**
 * A blog; table {@code blog_blog}.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@Model
public class Blog {

	@CharField(maxLength = 200)
	String title;

	@TextField
	String body;

	@CharField(maxLength = 255, defaultValue = "")
	String description;

	@IntegerField(defaultValue = "0")
	int subscribers;

}
