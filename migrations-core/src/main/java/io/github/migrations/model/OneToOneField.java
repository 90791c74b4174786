package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-to-one relation to another model ({@code Long} holding the id, or the target model's type): a unique foreign key, column {@code <field>_id}. Django's {@code OneToOneField}.
 * Options follow Django's field options: {@code nullable} (Django's {@code null}),
 * {@code defaultValue} (Django's {@code default}, written as text), {@code dbDefault} (a default
 * kept in the schema), {@code unique}, {@code dbIndex}, {@code dbConstraint}, {@code dbColumn}, {@code dbComment} and
 * {@code primaryKey}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOneField {

	/**
	 * The referenced model class (annotated with {@link Model}).
	 * @return the to
	 */
	Class<?> to();

	/**
	 * What happens to referencing rows when the target row is deleted: the application's rule
	 * ({@code CASCADE}, {@code PROTECT}, ...; the constraint is created without {@code ON DELETE},
	 * as Django), or the database's ({@code DB_CASCADE}, {@code DB_SET_NULL} with
	 * {@code nullable = true}, {@code DB_SET_DEFAULT} with a {@code dbDefault}: the constraint is
	 * created with {@code ON DELETE CASCADE}, {@code SET NULL} or {@code SET DEFAULT}).
	 * @return the onDelete
	 */
	io.github.migrations.state.OnDelete onDelete();

	/**
	 * Whether the database gets the foreign key constraint: {@code true} by default; {@code false}
	 * for a relation the database does not check (Django's {@code db_constraint=False}), for
	 * example to rows another system may delete. The column and its index are created as usual.
	 * A database-level {@code onDelete} ({@code DB_CASCADE}, {@code DB_SET_NULL},
	 * {@code DB_SET_DEFAULT}) needs the constraint.
	 * @return {@code false} to create no foreign key constraint
	 */
	boolean dbConstraint() default true;

	/**
	 * Whether the column accepts NULL.
	 * @return {@code true} for a nullable column
	 */
	boolean nullable() default false;

	/**
	 * Default value as text, used to fill existing rows when the column is added (not kept in the
	 * schema, as in Django); {@link Fields#NOT_PROVIDED} for none.
	 * @return the default
	 */
	String defaultValue() default Fields.NOT_PROVIDED;

	/**
	 * Default value kept in the schema (Django's {@code db_default}), as text; {@code now} for the
	 * current date or time on date and time fields; {@link Fields#NOT_PROVIDED} for none.
	 * @return the database default
	 */
	String dbDefault() default Fields.NOT_PROVIDED;

	/**
	 * Whether values must be unique.
	 * @return {@code true} for a unique column
	 */
	boolean unique() default false;

	/**
	 * Whether to index the column: {@code true} by default, as Django's {@code OneToOneField}
	 * (a {@code ForeignKey}); the column is unique, so it never gets an index besides its unique
	 * constraint, and {@code false} (Django's {@code db_index=False}) only changes the state.
	 * @return {@code false} as Django's {@code db_index=False}
	 */
	boolean dbIndex() default true;

	/**
	 * Column name; empty for the field name in snake case.
	 * @return the column name
	 */
	String dbColumn() default "";

	/**
	 * Column comment; empty for none.
	 * @return the comment
	 */
	String dbComment() default "";

	/**
	 * Whether this field is the primary key (then the model gets no implicit {@code id}).
	 * @return {@code true} for the primary key
	 */
	boolean primaryKey() default false;

}
