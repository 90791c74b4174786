/**
 * Testcontainers support: {@code @ServiceConnection} on a JDBC database container gives the
 * migrations engine its connection details.
 */
@NullMarked
package io.github.migrations.testcontainers;

import org.jspecify.annotations.NullMarked;
