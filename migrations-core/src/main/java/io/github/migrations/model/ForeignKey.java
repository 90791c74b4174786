package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-one relation to another model ({@code Long} holding the id, or the target model's type); its column is {@code <field>_id}. Django's {@code ForeignKey}.
 * Options follow Django's field options: {@code nullable} (Django's {@code null}),
 * {@code defaultValue} (Django's {@code default}, written as text), {@code unique},
 * {@code dbIndex} and {@code dbColumn}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {

	/**
	 * The referenced model class (annotated with {@link Model}).
	 * @return the target model
	 */
	Class<?> to();

	/**
	 * What happens to referencing rows when the target row is deleted.
	 * @return the on-delete behaviour
	 */
	io.github.migrations.state.OnDelete onDelete();

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
