package io.github.migrations.maven;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AbstractMigrationsMojoTests {

	@Test
	void commandsThatOnlyReadModelsAndFilesNeedNoDatabase() {
		assertThat(AbstractMigrationsMojo.needsDatabase("makemigrations")).isFalse();
		assertThat(AbstractMigrationsMojo.needsDatabase("squashmigrations")).isFalse();
		assertThat(AbstractMigrationsMojo.needsDatabase("optimizemigration")).isFalse();
	}

	@Test
	void commandsThatReadTheHistoryNeedADatabase() {
		assertThat(AbstractMigrationsMojo.needsDatabase("migrate")).isTrue();
		assertThat(AbstractMigrationsMojo.needsDatabase("showmigrations")).isTrue();
		assertThat(AbstractMigrationsMojo.needsDatabase("sqlmigrate")).isTrue();
		assertThat(AbstractMigrationsMojo.needsDatabase("drift")).isTrue();
	}

}
