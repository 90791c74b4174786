package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 64-bit integer ({@code long} or {@code Long}); Django's {@code BigIntegerField}.
 * Options follow Django's field options: {@code nullable} (Django's {@code null}),
 * {@code defaultValue} (Django's {@code default}, written as text), {@code unique},
 * {@code dbIndex} and {@code dbColumn}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BigIntegerField {

	/**
	 * Whether the column accepts NULL.
	 * @return {@code true} for a nullable column
	 */
	boolean nullable() default false;

	/**
	 * Default value as text, used for new rows and to fill existing rows when the column is
	 * added; {@link Fields#NOT_PROVIDED} for none.
	 * @return the default
	 */
	String defaultValue() default Fields.NOT_PROVIDED;

	/**
	 * Whether values must be unique.
	 * @return {@code true} for a unique column
	 */
	boolean unique() default false;

	/**
	 * Whether to create an index on the column.
	 * @return {@code true} to index the column
	 */
	boolean dbIndex() default false;

	/**
	 * Column name; empty for the field name in snake case.
	 * @return the column name
	 */
	String dbColumn() default "";

}
