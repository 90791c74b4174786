/**
 * Health indicator that reports pending migrations and unmigrated model changes.
 */
@NullMarked
package io.github.migrations.actuate.health;

import org.jspecify.annotations.NullMarked;
