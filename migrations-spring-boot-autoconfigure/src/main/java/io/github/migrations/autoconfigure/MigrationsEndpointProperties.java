package io.github.migrations.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@code migrations} actuator endpoint beyond Spring Boot's own
 * {@code management.endpoint.migrations.*}.
 *
 * @author Migrations contributors
 * @since 0.1
 */
@ConfigurationProperties("migrations.endpoint")
public class MigrationsEndpointProperties {

	private final Migrate migrate = new Migrate();

	public Migrate getMigrate() {
		return this.migrate;
	}

	/**
	 * The endpoint's migrate operation.
	 */
	public static class Migrate {

		/**
		 * Whether the endpoint may apply and revert migrations (POST
		 * /actuator/migrations/{app}/{target} with a plan token). Takes effect only when
		 * 'management.endpoint.migrations.access' is 'unrestricted'.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
