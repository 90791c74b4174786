package io.github.migrations;

/**
 * Raised, before anything runs, when a reviewed plan's token no longer matches the plan the
 * database state gives now (another process migrated, a file changed). Carries the current plan
 * so that it can be reviewed instead.
 *
 * @since 0.1
 */
public class StalePlanException extends MigrationException {

	private final MigrationPlan currentPlan;

	public StalePlanException(String message, MigrationPlan currentPlan) {
		super(message);
		this.currentPlan = currentPlan;
	}

	/**
	 * Return the plan as it is now, with its token.
	 * @return the current plan
	 */
	public MigrationPlan currentPlan() {
		return this.currentPlan;
	}

}
