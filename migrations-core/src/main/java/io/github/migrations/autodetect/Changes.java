package io.github.migrations.autodetect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.migration.Migration;

/**
 * What the autodetector found: new migrations per app (apps sorted), and warnings to print.
 *
 * @param migrations the new migrations per app, each list in dependency order
 * @param warnings warnings for the user, such as a probable rename that will lose data
 * @since 0.1
 */
public record Changes(Map<String, List<Migration>> migrations, List<String> warnings) {

	public Changes {
		migrations = Collections.unmodifiableMap(new LinkedHashMap<>(migrations));
		warnings = List.copyOf(warnings);
	}

	/**
	 * Return whether nothing changed.
	 * @return {@code true} when there are no new migrations
	 */
	public boolean isEmpty() {
		return this.migrations.isEmpty();
	}

}
