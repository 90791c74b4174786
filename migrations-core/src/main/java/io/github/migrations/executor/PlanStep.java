package io.github.migrations.executor;

import io.github.migrations.migration.Migration;

/**
 * One step of a plan: a migration and the direction to run it in.
 *
 * @param migration the migration
 * @param backwards {@code true} to unapply it
 * @since 0.1
 */
public record PlanStep(Migration migration, boolean backwards) {
}
