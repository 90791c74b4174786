package io.github.migrations.autoconfigure;

import io.github.migrations.Migrations;
import io.github.migrations.MigrationsConfiguration;
import io.github.migrations.command.Migrate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsProperties}.
 *
 * @author Migrations contributors
 */
class MigrationsPropertiesTests {

	@Test
	void defaultValuesAreConsistentWithTheEngine() {
		MigrationsProperties properties = new MigrationsProperties();
		MigrationsConfiguration configuration = Migrations.configure().build();
		assertThat(properties.getTable()).isEqualTo(configuration.historyTable());
		assertThat(properties.getLockTimeout()).isEqualTo(configuration.lockTimeout());
		assertThat(properties.isValidateChecksums()).isEqualTo(configuration.validateChecksums());
		assertThat(properties.getLint()).isEqualTo(configuration.lint());
		assertThat(properties.getLocation()).isEqualTo("classpath:" + MigrationsConfiguration.DEFAULT_LOCATION);
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getModelPackages()).isEmpty();
		assertThat(properties.getUrl()).isNull();
		assertThat(properties.isMigrateOnStartup()).isTrue();
		assertThat(properties.isFakeInitial()).isEqualTo(Migrate.Options.all().fakeInitial());
		assertThat(properties.getTarget().getApp()).isEqualTo(Migrate.Options.all().app());
		assertThat(properties.getTarget().getMigration()).isEqualTo(Migrate.Options.all().target());
		assertThat(properties.getUnmigratedChanges()).isEqualTo(MigrationsProperties.UnmigratedChanges.WARN);
		assertThat(properties.getCommand()).isNull();
	}

}
