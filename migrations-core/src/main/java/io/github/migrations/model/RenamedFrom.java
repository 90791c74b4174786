package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a field was renamed, so makemigrations writes a {@code RenameField} (keeping the
 * column's data) instead of removing the old field and adding a new one. Deterministic in CI and
 * on a laptop alike; remove it once the rename migration exists everywhere, or keep it: it is
 * ignored when the old name no longer appears in the migrations.
 * <pre>
 * &#64;RenamedFrom("name")
 * &#64;CharField(maxLength = 100) String fullName;
 * </pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface RenamedFrom {

	/**
	 * The previous field name (Java name or snake-case field name).
	 * @return the old name
	 */
	String value();

}
