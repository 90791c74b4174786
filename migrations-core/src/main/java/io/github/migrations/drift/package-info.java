/**
 * Drift: differences between the schema the applied migrations should have produced and the live
 * database, found by introspection ({@link io.github.migrations.drift.DriftDetector}).
 */
@NullMarked
package io.github.migrations.drift;

import org.jspecify.annotations.NullMarked;
