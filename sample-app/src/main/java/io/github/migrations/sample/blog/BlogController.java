package io.github.migrations.sample.blog;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API over the {@code blog_blog} table, with plain SQL through {@link JdbcClient}.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@RestController
@RequestMapping("/api/blogs")
public class BlogController {

	private final JdbcClient jdbcClient;

	BlogController(JdbcClient jdbcClient) {
		this.jdbcClient = jdbcClient;
	}

	/**
	 * List every blog.
	 * @return the blogs, by id
	 */
	@GetMapping
	public List<BlogRow> list() {
		return this.jdbcClient.sql("select id, title, body, description, subscribers from blog_blog order by id")
			.query(BlogRow.class)
			.list();
	}

	/**
	 * Add a blog. A missing description or subscriber count takes the column's default.
	 * @param blog the blog (its id is ignored)
	 * @return the blogs, by id
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public List<BlogRow> add(@RequestBody BlogRow blog) {
		this.jdbcClient
			.sql("insert into blog_blog (title, body, description, subscribers) values (?, ?, ?, ?)")
			.params(blog.title(), blog.body(), (blog.description() != null) ? blog.description() : "",
					(blog.subscribers() != null) ? blog.subscribers() : 0)
			.update();
		return list();
	}

	/**
	 * A row of {@code blog_blog}.
	 *
	 * @param id the id, generated
	 * @param title the title
	 * @param body the text
	 * @param description the description (added by {@code 0002_add_description})
	 * @param subscribers the number of subscribers (added by {@code 0003_add_subscribers})
	 */
	public record BlogRow(@Nullable Long id, String title, String body, @Nullable String description,
			@Nullable Integer subscribers) {

	}

}
