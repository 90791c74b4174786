package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relation ({@code List}, {@code Set} or {@code Collection} of ids or of the target
 * type). Without {@link #through()} a join table {@code <table>_<field>} is created with
 * {@code id}, {@code <model>_id} and {@code <target>_id}; with it, the join model is yours.
 * Django's {@code ManyToManyField}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToManyField {

	/**
	 * The referenced model class (annotated with {@link Model}).
	 * @return the target model
	 */
	Class<?> to();

	/**
	 * The join model (annotated with {@link Model}), or {@code void.class} for an automatic join
	 * table.
	 * @return the through model
	 */
	Class<?> through() default void.class;

	/**
	 * Whether the automatic join table's two foreign keys get their constraints: {@code true} by
	 * default; {@code false} as Django's {@code db_constraint=False}, which Django passes to both.
	 * Nothing changes for a {@link #through()} model, whose own relations say it.
	 * @return {@code false} to create the join table without foreign key constraints
	 */
	boolean dbConstraint() default true;

}
