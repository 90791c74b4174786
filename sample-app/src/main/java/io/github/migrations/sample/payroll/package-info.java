/**
 * The {@code payroll} app: the tutorial's {@code Employee} model and its REST API.
 */
@NullMarked
package io.github.migrations.sample.payroll;

import org.jspecify.annotations.NullMarked;
