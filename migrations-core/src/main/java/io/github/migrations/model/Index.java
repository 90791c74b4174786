package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named index over one or more fields of a model (Django's {@code Meta.indexes}).
 * <pre>
 * &#64;Model
 * &#64;Index(name = "post_published_idx", fields = { "published", "-created" })
 * public class Post { … }
 * </pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {

	/**
	 * The index name: at most 30 characters, not starting with a digit or underscore (Django's rule).
	 * @return the name
	 */
	String name();

	/**
	 * The fields (Java or snake-case names); a leading {@code -} means descending.
	 * @return the fields
	 */
	String[] fields();

	/**
	 * A SQL condition for a partial index (PostgreSQL, SQLite; other databases skip such an index
	 * as Django does); empty for none.
	 * @return the condition
	 */
	String condition() default "";

}
