package io.github.migrations.state;

/**
 * What happens to rows that reference a deleted row, as Django's {@code on_delete}. The database
 * constraint is created without an action (as Django does); the behaviour is the application's.
 *
 * @since 0.1
 */
public enum OnDelete {

	CASCADE, PROTECT, RESTRICT, SET_NULL, SET_DEFAULT, DO_NOTHING

}
