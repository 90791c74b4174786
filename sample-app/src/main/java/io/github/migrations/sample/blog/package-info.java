/**
 * The {@code blog} app: the tutorial's {@code Blog} model, whose history is
 * {@code 0001_initial}, {@code 0002_add_description} and {@code 0003_add_subscribers}, and its REST
 * API.
 */
@NullMarked
package io.github.migrations.sample.blog;

import org.jspecify.annotations.NullMarked;
