package io.github.migrations.model;

/**
 * Constants shared by the field annotations.
 *
 * @since 0.1
 */
public final class Fields {

	/** Marker for "no default value" (Django's {@code NOT_PROVIDED}). */
	public static final String NOT_PROVIDED = "\u0000NOT_PROVIDED";

	private Fields() {
	}

}
