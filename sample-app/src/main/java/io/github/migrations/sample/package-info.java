/**
 * Sample application for the migrations starter.
 */
@NullMarked
package io.github.migrations.sample;

import org.jspecify.annotations.NullMarked;
