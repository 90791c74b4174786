/**
 * Failure analyzers that turn the engine's errors at startup into Spring Boot's "Description /
 * Action" report.
 */
@NullMarked
package io.github.migrations.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
