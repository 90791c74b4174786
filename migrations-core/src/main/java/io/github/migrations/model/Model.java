package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plain Java class as a model: a table whose columns are the class's annotated fields.
 * Every model gets an implicit {@code id} big-integer auto primary key, as in Django.
 * <pre>
 * &#64;Model
 * public class Employee {
 *     &#64;CharField(maxLength = 100) String name;
 *     &#64;DecimalField(maxDigits = 10, decimalPlaces = 2) BigDecimal salary;
 * }
 * </pre>
 * The model belongs to an app (Django's app label): {@link #app()} if set, else the last segment of
 * the class's package ({@code com.example.payroll.Employee} is in app {@code payroll}). Its table
 * is {@code <app>_<modelname lower case>} unless {@link #table()} says otherwise.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Model {

	/**
	 * App label; empty for the last segment of the package name.
	 * @return the app label
	 */
	String app() default "";

	/**
	 * Table name; empty for Django's {@code <app>_<modelname>}.
	 * @return the table name
	 */
	String table() default "";

	/**
	 * Default ordering, field names with an optional leading {@code -} (state only, no SQL).
	 * @return the ordering
	 */
	String[] ordering() default {};

	/**
	 * Human-readable name (state only, no SQL); empty for none.
	 * @return the verbose name
	 */
	String verboseName() default "";

	/**
	 * Human-readable plural name (state only, no SQL); empty for none.
	 * @return the plural verbose name
	 */
	String verboseNamePlural() default "";

}
