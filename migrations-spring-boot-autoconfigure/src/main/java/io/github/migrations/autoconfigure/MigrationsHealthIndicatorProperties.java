package io.github.migrations.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@code migrations} health indicator (which
 * 'management.health.migrations.enabled' switches off).
 *
 * @author Migrations contributors
 * @since 0.1
 */
@ConfigurationProperties("migrations.health")
public class MigrationsHealthIndicatorProperties {

	/**
	 * Health status reported while migrations are pending, such as 'OUT_OF_SERVICE', 'DOWN' or
	 * 'UP'.
	 */
	private String pendingStatus = "OUT_OF_SERVICE";

	/**
	 * Health status reported while models have changes that no migration reflects yet.
	 */
	private String unmigratedChangesStatus = "UP";

	public String getPendingStatus() {
		return this.pendingStatus;
	}

	public void setPendingStatus(String pendingStatus) {
		this.pendingStatus = pendingStatus;
	}

	public String getUnmigratedChangesStatus() {
		return this.unmigratedChangesStatus;
	}

	public void setUnmigratedChangesStatus(String unmigratedChangesStatus) {
		this.unmigratedChangesStatus = unmigratedChangesStatus;
	}

}
