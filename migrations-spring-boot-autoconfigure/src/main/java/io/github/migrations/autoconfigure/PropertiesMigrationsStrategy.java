package io.github.migrations.autoconfigure;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.MigrateResult;
import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import io.github.migrations.lint.Finding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The {@link MigrationsStrategy} used when the application declares none: unless
 * {@code migrations.migrate-on-startup} is false, migrates to {@code migrations.target} (every
 * app's latest migration by default), with {@code migrations.fake-initial}. Model changes that no
 * migration reflects yet are looked for as {@code migrations.unmigrated-changes} says: with
 * {@code fail} before migrating, so that nothing is applied; with {@code warn} (the default) after
 * migrating, on a background thread started once the application is ready (see
 * {@link MigrationsInitializer}), so that the warning costs the startup nothing.
 *
 * @author Migrations contributors
 */
class PropertiesMigrationsStrategy implements MigrationsStrategy {

	private static final Log logger = LogFactory.getLog(MigrationsInitializer.class);

	private final MigrationsProperties.UnmigratedChanges unmigratedChanges;

	private final boolean migrateOnStartup;

	private final Migrate.Options options;

	private volatile @Nullable Thread check;

	/** The engine whose look for unmigrated changes waits for {@link #startUnmigratedChangesCheck()}. */
	private volatile @Nullable Migrations pendingCheck;

	/** Whether the look waits for {@link #startUnmigratedChangesCheck()} instead of starting at once. */
	private volatile boolean deferCheck;

	PropertiesMigrationsStrategy(MigrationsProperties properties) {
		this.unmigratedChanges = properties.getUnmigratedChanges();
		this.migrateOnStartup = properties.isMigrateOnStartup();
		this.options = options(properties);
	}

	/**
	 * Return the strategy used when neither properties nor a strategy bean say otherwise.
	 * @return the default strategy
	 */
	static PropertiesMigrationsStrategy defaults() {
		return new PropertiesMigrationsStrategy(new MigrationsProperties());
	}

	private static Migrate.Options options(MigrationsProperties properties) {
		MigrationsProperties.Target target = properties.getTarget();
		if (target.getApp() == null && target.getMigration() != null) {
			throw new InvalidConfigurationPropertyValueException("migrations.target.migration", target.getMigration(),
					"A target migration needs its app: set 'migrations.target.app' as well.");
		}
		return new Migrate.Options(target.getApp(), target.getMigration(), false, false, false,
				properties.isFakeInitial());
	}

	@Override
	public void migrate(Migrations migrations) {
		if (this.unmigratedChanges == MigrationsProperties.UnmigratedChanges.FAIL) {
			failOnUnmigratedChanges(migrations);
		}
		if (this.migrateOnStartup) {
			log(migrations.migrate(this.options, silent()));
		}
		else {
			logger.info("Not migrating at startup (migrations.migrate-on-startup=false)");
		}
		if (this.unmigratedChanges == MigrationsProperties.UnmigratedChanges.WARN) {
			synchronized (this) {
				if (this.deferCheck) {
					this.pendingCheck = migrations;
				}
				else {
					warnOnUnmigratedChangesInBackground(migrations);
				}
			}
		}
	}

	/**
	 * Have the look for unmigrated changes ({@code warn}) wait for
	 * {@link #startUnmigratedChangesCheck()} instead of starting as soon as migrating is done.
	 */
	void deferUnmigratedChangesCheck() {
		this.deferCheck = true;
	}

	/**
	 * Start the look for unmigrated changes that migrating left waiting, if any; only once.
	 */
	synchronized void startUnmigratedChangesCheck() {
		Migrations migrations = this.pendingCheck;
		this.deferCheck = false;
		if (migrations != null) {
			this.pendingCheck = null;
			warnOnUnmigratedChangesInBackground(migrations);
		}
	}

	/**
	 * Wait for the background look for unmigrated changes, if one is running.
	 * @param timeout how long to wait at most
	 * @throws InterruptedException if interrupted while waiting
	 */
	void awaitUnmigratedChangesCheck(Duration timeout) throws InterruptedException {
		Thread thread = this.check;
		if (thread != null) {
			thread.join(Math.max(1, timeout.toMillis()));
		}
	}

	private void failOnUnmigratedChanges(Migrations migrations) {
		Set<String> apps = migrations.appsWithUnmigratedChanges();
		if (!apps.isEmpty()) {
			throw new UnmigratedModelChangesException(apps);
		}
	}

	/**
	 * Only a warning depends on the check, so it runs after migrating, on its own daemon thread:
	 * scanning the models, reading every migration file and running the autodetector is the
	 * largest part of a restart with nothing to apply, and the application need not wait for it.
	 */
	private void warnOnUnmigratedChangesInBackground(Migrations migrations) {
		Thread thread = new Thread(() -> warnOnUnmigratedChanges(migrations), "migrations-unmigrated-changes");
		thread.setDaemon(true);
		this.check = thread;
		thread.start();
	}

	private static void warnOnUnmigratedChanges(Migrations migrations) {
		try {
			Set<String> apps = migrations.appsWithUnmigratedChanges();
			if (!apps.isEmpty()) {
				logger.warn(UnmigratedModelChangesException.describe(apps)
						+ " Run 'makemigrations' to make new migrations, and then restart to apply them.");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look for model changes that no migration reflects yet: " + ex.getMessage(), ex);
		}
	}

	private static void log(MigrateResult result) {
		if (result.applied().isEmpty() && result.unapplied().isEmpty()) {
			logger.info("No migrations to apply");
			return;
		}
		for (Finding finding : result.findings()) {
			String line = "Unsafe operation " + finding.migration() + ", operation " + finding.operation() + " ("
					+ finding.operationDescription() + "): " + finding.code() + ": " + finding.message() + " Safe way: "
					+ finding.safeWay();
			if (finding.acknowledged()) {
				logger.info(line + " (acknowledged)");
			}
			else {
				logger.warn(line);
			}
		}
		if (!result.applied().isEmpty()) {
			logger.info("Applied " + result.applied().size() + " migration(s): "
					+ result.applied().stream().map(Object::toString).collect(Collectors.joining(", ")));
		}
		if (!result.unapplied().isEmpty()) {
			logger.info("Unapplied " + result.unapplied().size() + " migration(s): "
					+ result.unapplied().stream().map(Object::toString).collect(Collectors.joining(", ")));
		}
	}

	private static CommandOutput silent() {
		PrintWriter discard = new PrintWriter(Writer.nullWriter());
		return new CommandOutput(discard, discard, 0);
	}

}
