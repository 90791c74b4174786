package io.github.migrations.autoconfigure;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.MigrationException;

/**
 * Raised at startup, with {@code migrations.unmigrated-changes=fail}, when models have changes
 * that no migration reflects yet, before anything is migrated.
 *
 * @author Migrations contributors
 * @since 0.1
 */
public class UnmigratedModelChangesException extends MigrationException {

	private final Set<String> apps;

	/**
	 * Create a new instance.
	 * @param apps the labels of the apps whose models have unmigrated changes
	 */
	public UnmigratedModelChangesException(Set<String> apps) {
		super(describe(apps) + " Nothing was migrated.");
		this.apps = Set.copyOf(apps);
	}

	/**
	 * Return the labels of the apps whose models have unmigrated changes.
	 * @return the app labels
	 */
	public Set<String> getApps() {
		return this.apps;
	}

	/**
	 * Describe unmigrated changes as Django's {@code migrate} does.
	 * @param apps the app labels
	 * @return the message
	 */
	static String describe(Set<String> apps) {
		String quoted = apps.stream().sorted().map((app) -> "'" + app + "'").collect(Collectors.joining(", "));
		return "Your models in app(s): " + quoted
				+ " have changes that are not yet reflected in a migration, and so won't be applied.";
	}

}
