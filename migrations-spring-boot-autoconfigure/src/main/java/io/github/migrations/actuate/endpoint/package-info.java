/**
 * Actuator endpoint: status, plans with their SQL, and guarded migrate.
 */
@NullMarked
package io.github.migrations.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
