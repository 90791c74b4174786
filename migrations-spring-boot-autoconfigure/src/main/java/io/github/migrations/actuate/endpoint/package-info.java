/**
 * Actuator endpoint that reports which migrations are applied.
 */
@NullMarked
package io.github.migrations.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
