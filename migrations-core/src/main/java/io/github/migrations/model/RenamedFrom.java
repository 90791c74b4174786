package io.github.migrations.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a field (or a model class) was renamed, so makemigrations writes a
 * {@code RenameField} or {@code RenameModel} (keeping the data) instead of removing the old one
 * and adding a new one. Deterministic in CI and
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
@Target({ ElementType.FIELD, ElementType.TYPE })
public @interface RenamedFrom {

	/**
	 * The previous name: for a field its Java or snake-case name, for a model its class name.
	 * @return the old name
	 */
	String value();

}
