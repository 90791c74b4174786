package io.github.migrations.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MigrationsSettingsTests {

	@TempDir
	Path module;

	@Test
	void datasourceSettingsAreUsedWhenNoDedicatedOnesAreSet() throws IOException {
		MigrationsSettings settings = settings("""
				spring.datasource.url=jdbc:postgresql://localhost/app
				spring.datasource.username=app
				spring.datasource.password=secret
				""", Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost/app");
		assertThat(settings.user()).isEqualTo("app");
		assertThat(settings.password()).isEqualTo("secret");
		assertThat(settings.urlOrigin()).isEqualTo("spring.datasource.url from application.properties");
	}

	@Test
	void dedicatedMigrationsCredentialsWinOverTheDatasource() throws IOException {
		MigrationsSettings settings = settings("""
				spring.datasource.url=jdbc:postgresql://localhost/app
				spring.datasource.username=app
				spring.datasource.password=secret
				migrations.url=jdbc:postgresql://localhost/app?ddl
				migrations.user=owner
				migrations.password=owner-secret
				""", Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost/app?ddl");
		assertThat(settings.user()).isEqualTo("owner");
		assertThat(settings.password()).isEqualTo("owner-secret");
	}

	@Test
	void environmentVariableMigrationsUrlOverridesTheFile() throws IOException {
		MigrationsSettings settings = settings("spring.datasource.url=jdbc:h2:mem:x\n",
				Map.of("MIGRATIONS_URL", "jdbc:postgresql://db/app"));
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://db/app");
		assertThat(settings.urlOrigin()).isEqualTo("migrations.url from environment variables");
	}

	@Test
	void relativeH2FileIsResolvedAgainstTheModuleFolder() throws IOException {
		MigrationsSettings settings = settings("spring.datasource.url=jdbc:h2:file:./data/blog;MODE=PostgreSQL\n",
				Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:h2:file:" + slashes(this.module.resolve("data/blog")) + ";MODE=PostgreSQL");
	}

	@Test
	void engineSettingsAreReadWithTheirDefaultsLeftToTheEngine() throws IOException {
		MigrationsSettings configured = settings("""
				migrations.model-packages=com.example.blog,com.example.shop
				migrations.table=schema_history
				migrations.lock-timeout=2m
				migrations.validate-checksums=false
				migrations.lint=fail
				""", Map.of());
		assertThat(configured.modelPackages()).containsExactly("com.example.blog", "com.example.shop");
		assertThat(configured.table()).isEqualTo("schema_history");
		assertThat(configured.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(configured.validateChecksums()).isFalse();
		assertThat(configured.lint()).isEqualTo(io.github.migrations.lint.LintMode.FAIL);
		MigrationsSettings defaults = settings("", Map.of());
		assertThat(defaults.url()).isNull();
		assertThat(defaults.modelPackages()).isEmpty();
		assertThat(defaults.table()).isNull();
		assertThat(defaults.lockTimeout()).isNull();
		assertThat(defaults.validateChecksums()).isNull();
		assertThat(defaults.lint()).isNull();
	}

	@Test
	void durationsWithoutUnitAreSecondsLikeTheStarterProperty() {
		assertThat(MigrationsSettings.parseDuration("45")).isEqualTo(Duration.ofSeconds(45));
		assertThat(MigrationsSettings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(MigrationsSettings.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(MigrationsSettings.parseDuration("PT90S")).isEqualTo(Duration.ofSeconds(90));
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationsSettings.parseDuration("soon"))
			.withMessageContaining("'soon' is not a duration");
	}

	private MigrationsSettings settings(String properties, Map<String, String> environment) throws IOException {
		Path resources = Files.createDirectories(this.module.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.properties"), properties);
		return MigrationsSettings.from(ApplicationConfig.load(resources, null, environment, Map.of()), this.module);
	}

	private static String slashes(Path path) {
		return path.toAbsolutePath().normalize().toString().replace('\\', '/');
	}

}
