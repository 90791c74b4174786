/**
 * See {@link io.github.migrations} for how this package fits the engine.
 */
@NullMarked
package io.github.migrations.optimize;

import org.jspecify.annotations.NullMarked;
