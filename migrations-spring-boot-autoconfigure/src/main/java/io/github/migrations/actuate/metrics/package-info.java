/**
 * Micrometer metrics of migration runs and of the wait for the migration lock.
 */
@NullMarked
package io.github.migrations.actuate.metrics;

import org.jspecify.annotations.NullMarked;
