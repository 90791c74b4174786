/**
 * Django-style migrations engine. Data flows one way: declared {@code model} classes become a
 * {@code state.ProjectState}; the {@code autodetect.Autodetector} compares it with the state the
 * migration files produce and emits {@code migration.Migration}s, written by the
 * {@code writer.MigrationWriter}; the {@code loader.MigrationLoader} reads files back into a
 * {@code graph.MigrationGraph}, and the {@code executor.MigrationExecutor} applies them through a
 * vendor {@code schema.SchemaEditor}, recording them with the {@code recorder.MigrationRecorder}.
 * Nothing in this module depends on Spring.
 */
@NullMarked
package io.github.migrations;

import org.jspecify.annotations.NullMarked;
