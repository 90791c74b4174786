/**
 * The unsafe-change linter: flags operations that lock a live table or break the instances of
 * the application still running while a migration is applied, with per-vendor rules in the
 * spirit of squawk and strong_migrations. See {@link io.github.migrations.lint.MigrationLinter}.
 */
@NullMarked
package io.github.migrations.lint;

import org.jspecify.annotations.NullMarked;
