package io.github.migrations.autoconfigure;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.MigrateResult;
import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.command.Migrate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The {@link MigrationsStrategy} used when the application declares none: looks for unmigrated
 * model changes as {@code migrations.unmigrated-changes} says, then, unless
 * {@code migrations.migrate-on-startup} is false, migrates to {@code migrations.target} (every
 * app's latest migration by default), with {@code migrations.fake-initial}.
 *
 * @author Migrations contributors
 */
class PropertiesMigrationsStrategy implements MigrationsStrategy {

	private static final Log logger = LogFactory.getLog(MigrationsInitializer.class);

	private final MigrationsProperties.UnmigratedChanges unmigratedChanges;

	private final boolean migrateOnStartup;

	private final Migrate.Options options;

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
		checkUnmigratedChanges(migrations);
		if (!this.migrateOnStartup) {
			logger.info("Not migrating at startup (migrations.migrate-on-startup=false)");
			return;
		}
		log(migrations.migrate(this.options, silent()));
	}

	private void checkUnmigratedChanges(Migrations migrations) {
		if (this.unmigratedChanges == MigrationsProperties.UnmigratedChanges.IGNORE) {
			return;
		}
		Set<String> apps = migrations.appsWithUnmigratedChanges();
		if (apps.isEmpty()) {
			return;
		}
		if (this.unmigratedChanges == MigrationsProperties.UnmigratedChanges.FAIL) {
			throw new UnmigratedModelChangesException(apps);
		}
		logger.warn(UnmigratedModelChangesException.describe(apps)
				+ " Run 'makemigrations' to make new migrations, and then restart to apply them.");
	}

	private static void log(MigrateResult result) {
		if (result.applied().isEmpty() && result.unapplied().isEmpty()) {
			logger.info("No migrations to apply");
			return;
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
