package io.github.migrations.loader;

/**
 * The text of one migration file and where it came from.
 *
 * @param app the app label (the file's folder name)
 * @param name the migration name (the file name without {@code .yaml})
 * @param location a human-readable location for messages (path or classpath URL)
 * @param content the file's text
 * @since 0.1
 */
public record MigrationResource(String app, String name, String location, String content) {
}
