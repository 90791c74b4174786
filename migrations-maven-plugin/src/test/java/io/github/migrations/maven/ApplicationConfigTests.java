package io.github.migrations.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApplicationConfigTests {

	@TempDir
	Path resources;

	@Test
	void nestedYamlKeysAreReadAsDottedNames() throws IOException {
		write("application.yml", """
				spring:
				  datasource:
				    url: jdbc:h2:mem:app
				    username: sa
				migrations:
				  lock-timeout: 5
				""");
		ApplicationConfig config = load(null, Map.of(), Map.of());
		assertThat(config.get("spring.datasource.url")).hasValue("jdbc:h2:mem:app");
		assertThat(config.get("spring.datasource.username")).hasValue("sa");
		assertThat(config.get("migrations.lock-timeout")).hasValue("5");
	}

	@Test
	void yamlListsAreReadAsIndexedNamesAndAsAList() throws IOException {
		write("application.yaml", """
				migrations:
				  model-packages:
				    - com.example.blog
				    - com.example.shop
				""");
		ApplicationConfig config = load(null, Map.of(), Map.of());
		assertThat(config.get("migrations.model-packages[1]")).hasValue("com.example.shop");
		assertThat(config.getList("migrations.model-packages")).containsExactly("com.example.blog", "com.example.shop");
	}

	@Test
	void commaSeparatedListsAreSplitAndTrimmed() throws IOException {
		write("application.properties", "migrations.model-packages=com.example.blog, com.example.shop ,\n");
		assertThat(load(null, Map.of(), Map.of()).getList("migrations.model-packages"))
			.containsExactly("com.example.blog", "com.example.shop");
	}

	@Test
	void propertiesFileWinsOverYamlFileInTheSameFolder() throws IOException {
		write("application.properties", "spring.datasource.url=jdbc:from-properties\n");
		write("application.yml", "spring.datasource.url: jdbc:from-yaml\nspring.datasource.username: yaml-user\n");
		ApplicationConfig config = load(null, Map.of(), Map.of());
		assertThat(config.get("spring.datasource.url")).hasValue("jdbc:from-properties");
		assertThat(config.get("spring.datasource.username")).hasValue("yaml-user");
	}

	@Test
	void relaxedNamesInFilesMatchTheCanonicalName() throws IOException {
		write("application.properties", "migrations.lockTimeout=7\nmigrations.model_packages=com.example\n");
		ApplicationConfig config = load(null, Map.of(), Map.of());
		assertThat(config.get("migrations.lock-timeout")).hasValue("7");
		assertThat(config.getList("migrations.model-packages")).containsExactly("com.example");
	}

	@Test
	void explicitProfileFileOverridesTheBaseFile() throws IOException {
		write("application.yml", "spring.datasource.url: jdbc:h2:mem:base\nspring.datasource.username: sa\n");
		write("application-postgres.properties", "spring.datasource.url=jdbc:postgresql://localhost/app\n");
		ApplicationConfig config = load("postgres", Map.of(), Map.of());
		assertThat(config.profiles()).containsExactly("postgres");
		assertThat(config.get("spring.datasource.url")).hasValue("jdbc:postgresql://localhost/app");
		assertThat(config.get("spring.datasource.username")).hasValue("sa");
	}

	@Test
	void activeProfilesComeFromSpringProfilesActiveWhenNoneIsGiven() throws IOException {
		write("application.properties", "spring.profiles.active=dev\nspring.datasource.url=jdbc:base\n");
		write("application-dev.yml", "spring.datasource.url: jdbc:dev\n");
		write("application-prod.yml", "spring.datasource.url: jdbc:prod\n");
		assertThat(load(null, Map.of(), Map.of()).get("spring.datasource.url")).hasValue("jdbc:dev");
		assertThat(load(null, Map.of("SPRING_PROFILES_ACTIVE", "prod"), Map.of()).get("spring.datasource.url"))
			.hasValue("jdbc:prod");
	}

	@Test
	void laterProfilesOverrideEarlierOnes() throws IOException {
		write("application-a.properties", "migrations.table=table_a\nmigrations.url=jdbc:a\n");
		write("application-b.properties", "migrations.table=table_b\n");
		ApplicationConfig config = load("a,b", Map.of(), Map.of());
		assertThat(config.get("migrations.table")).hasValue("table_b");
		assertThat(config.get("migrations.url")).hasValue("jdbc:a");
	}

	@Test
	void yamlDocumentsForAnActiveProfileOverrideTheFirstDocument() throws IOException {
		write("application.yml", """
				spring.datasource.url: jdbc:base
				---
				spring:
				  config.activate.on-profile: mariadb
				  datasource.url: jdbc:mariadb://localhost/app
				""");
		assertThat(load(null, Map.of(), Map.of()).get("spring.datasource.url")).hasValue("jdbc:base");
		assertThat(load("mariadb", Map.of(), Map.of()).get("spring.datasource.url"))
			.hasValue("jdbc:mariadb://localhost/app");
	}

	@Test
	void environmentVariablesWithRelaxedNamesOverrideFiles() throws IOException {
		write("application-dev.properties", "spring.datasource.url=jdbc:dev\nmigrations.lock-timeout=9\n");
		ApplicationConfig config = load("dev",
				Map.of("SPRING_DATASOURCE_URL", "jdbc:env", "MIGRATIONS_LOCKTIMEOUT", "3"), Map.of());
		assertThat(config.get("spring.datasource.url")).hasValue("jdbc:env");
		assertThat(config.get("migrations.lock-timeout")).hasValue("3");
		assertThat(config.origin("spring.datasource.url")).hasValue("environment variables");
	}

	@Test
	void systemPropertiesOverrideEnvironmentVariables() throws IOException {
		write("application.properties", "spring.datasource.url=jdbc:file\n");
		ApplicationConfig config = load(null, Map.of("SPRING_DATASOURCE_URL", "jdbc:env"),
				Map.of("spring.datasource.url", "jdbc:system"));
		assertThat(config.get("spring.datasource.url")).hasValue("jdbc:system");
		assertThat(config.origin("spring.datasource.url")).hasValue("system properties");
	}

	@Test
	void placeholdersAreResolvedAcrossSourcesWithDefaults() throws IOException {
		write("application.properties", "app.db=shop\nspring.datasource.url=jdbc:h2:file:${app.dir:./data}/${app.db}\n");
		assertThat(load(null, Map.of(), Map.of()).get("spring.datasource.url")).hasValue("jdbc:h2:file:./data/shop");
		assertThat(load(null, Map.of("APP_DIR", "/var/db"), Map.of()).get("spring.datasource.url"))
			.hasValue("jdbc:h2:file:/var/db/shop");
	}

	@Test
	void unresolvablePlaceholderNamesTheKey() throws IOException {
		write("application.properties", "spring.datasource.url=jdbc:${missing.host}/db\n");
		ApplicationConfig config = load(null, Map.of(), Map.of());
		assertThatIllegalStateException().isThrownBy(() -> config.get("spring.datasource.url"))
			.withMessageContaining("'missing.host'");
	}

	@Test
	void missingFilesLeaveEveryKeyAbsent() {
		ApplicationConfig config = load(null, Map.of(), Map.of());
		assertThat(config.get("spring.datasource.url")).isEmpty();
		assertThat(config.getList("migrations.model-packages")).isEmpty();
		assertThat(config.profiles()).isEmpty();
	}

	private ApplicationConfig load(String profile, Map<String, String> environment, Map<String, String> system) {
		return ApplicationConfig.load(this.resources, profile, environment, system);
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.resources.resolve(name), content);
	}

}
