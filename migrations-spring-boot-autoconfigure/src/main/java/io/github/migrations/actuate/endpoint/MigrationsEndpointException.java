package io.github.migrations.actuate.endpoint;

/**
 * Raised by the {@link MigrationsEndpoint} for a request it refuses before asking the engine.
 *
 * @author Migrations contributors
 * @since 0.1
 */
public class MigrationsEndpointException extends RuntimeException {

	private final Reason reason;

	/**
	 * Create a new instance.
	 * @param reason why the request is refused
	 * @param message the message for the caller
	 */
	public MigrationsEndpointException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Return why the request is refused.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why a request is refused.
	 */
	public enum Reason {

		/** The migrate operation is not enabled. */
		MIGRATE_DISABLED,

		/** A migrate request sends no token, or a blank one. */
		MISSING_TOKEN,

		/** No {@code Migrations} bean has the requested name. */
		UNKNOWN_BEAN,

		/** There are several {@code Migrations} beans and the request names none. */
		AMBIGUOUS_BEAN

	}

}
