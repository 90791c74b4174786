package io.github.migrations.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier annotation for a {@link javax.sql.DataSource} to be injected into the migrations
 * engine instead of the application's main one, for example one whose user may run DDL. Declare
 * such a bean with {@code @Bean(defaultCandidate = false)} to keep the main auto-configured
 * DataSource as well.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface MigrationsDataSource {

}
