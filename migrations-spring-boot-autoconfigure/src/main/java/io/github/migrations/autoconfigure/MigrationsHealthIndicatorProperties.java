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

	/**
	 * Health status reported while the database differs from the schema of the applied
	 * migrations (drift), such as 'UP', 'OUT_OF_SERVICE' or 'DOWN'.
	 */
	private String driftStatus = "UP";

	/**
	 * Whether the health check compares the database with the schema of the applied migrations
	 * (drift). Reads the schema's metadata on every check; switch it off for very large schemas
	 * polled often.
	 */
	private boolean driftEnabled = true;

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

	public String getDriftStatus() {
		return this.driftStatus;
	}

	public void setDriftStatus(String driftStatus) {
		this.driftStatus = driftStatus;
	}

	public boolean isDriftEnabled() {
		return this.driftEnabled;
	}

	public void setDriftEnabled(boolean driftEnabled) {
		this.driftEnabled = driftEnabled;
	}

}
