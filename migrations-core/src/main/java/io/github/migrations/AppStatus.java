package io.github.migrations;

import java.util.List;

/**
 * The migrations of one app and whether each is applied, in plan order.
 *
 * @param app the app label
 * @param migrations the migrations
 * @since 0.1
 */
public record AppStatus(String app, List<MigrationStatus> migrations) {

	public AppStatus {
		migrations = List.copyOf(migrations);
	}

}
