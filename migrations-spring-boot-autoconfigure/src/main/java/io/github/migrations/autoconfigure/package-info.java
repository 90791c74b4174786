/**
 * Spring Boot auto-configuration for Django-style migrations: builds a
 * {@link io.github.migrations.Migrations} engine from {@code migrations.*} properties and applies
 * pending migrations before the application context is ready.
 */
@NullMarked
package io.github.migrations.autoconfigure;

import org.jspecify.annotations.NullMarked;
