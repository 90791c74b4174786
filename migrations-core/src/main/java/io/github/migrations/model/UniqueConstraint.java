package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Values of these fields must be unique together (Django's {@code UniqueConstraint}); with a
 * condition, only among rows where it holds (PostgreSQL, SQLite).
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UniqueConstraints.class)
public @interface UniqueConstraint {

	/**
	 * The constraint name.
	 * @return the name
	 */
	String name();

	/**
	 * The fields (Java or snake-case names).
	 * @return the fields
	 */
	String[] fields();

	/**
	 * A SQL condition, empty for none.
	 * @return the condition
	 */
	String condition() default "";

}
