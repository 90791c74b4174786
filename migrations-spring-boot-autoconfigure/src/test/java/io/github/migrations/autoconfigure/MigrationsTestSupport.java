package io.github.migrations.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.migrations.AppStatus;
import io.github.migrations.MigrationStatus;

/**
 * Helpers shared by the auto-configuration tests.
 *
 * @author Migrations contributors
 */
final class MigrationsTestSupport {

	static final String FIXTURES = "io.github.migrations.autoconfigure.fixtures";

	private MigrationsTestSupport() {
	}

	static String uniqueH2Url() {
		return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	static List<String> names(List<AppStatus> status, boolean applied) {
		List<String> names = new ArrayList<>();
		for (AppStatus app : status) {
			for (MigrationStatus migration : app.migrations()) {
				if (migration.applied() == applied) {
					names.add(app.app() + "." + migration.name());
				}
			}
		}
		return names;
	}

}
