package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check every row must satisfy (Django's {@code CheckConstraint}), written in SQL with column
 * names, for example {@code @CheckConstraint(name = "price_positive", check = "price >= 0")}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(CheckConstraints.class)
public @interface CheckConstraint {

	/**
	 * The constraint name.
	 * @return the name
	 */
	String name();

	/**
	 * The SQL condition.
	 * @return the condition
	 */
	String check();

}
