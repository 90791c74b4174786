package io.github.migrations.actuate.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.actuate.endpoint.MigrationsEndpointTests.NoMigrationAtStartupConfiguration;
import io.github.migrations.actuate.endpoint.MigrationsEndpointTests.Response;
import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.EXPOSED;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.MIGRATE_ENABLED;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.UNRESTRICTED;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.bean;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.columns;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.get;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.post;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.run;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.strings;
import static io.github.migrations.actuate.endpoint.MigrationsEndpointTests.tables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@link MigrationsEndpointWebExtension} refusals that come from the state of the
 * database or of the files, over real HTTP like {@link MigrationsEndpointTests}: a lock held by
 * another process (423), a changed applied file, an inconsistent history, conflicting leaves
 * and a half-applied migration (409), a migration that fails (500), an ambiguous target prefix
 * and a body that is not JSON (400); and the read fields that go with them
 * ({@code checksumState} {@code CHANGED} and {@code FILE_MISSING}, {@code lockHolder}). Each
 * refusal leaves the schema as it was.
 *
 * @author Migrations contributors
 */
class MigrationsEndpointRefusalTests {

	private static final String SHOP_MODELS = "io.github.migrations.autoconfigure.fixtures.shop";

	@TempDir
	Path dir;

	@Test
	void refusesWithLockedWhileAnotherProcessHoldsTheLockAndNamesTheHolder() {
		run(writable("migrations.lock-timeout=1s"), (client, context) -> {
			String token = get(client, "/actuator/migrations/shop/0001").body().path("token").asString();
			try (MigrationLock held = MigrationLocks.acquire(context.getBean(DataSource.class), "migrations_history",
					Duration.ofSeconds(5))) {
				assertThat(bean(get(client, "/actuator/migrations").body()).path("lockHolder").asString())
					.startsWith(held.owner())
					.contains("recorded in table migrations_history_lock");
				Response response = post(client, "/actuator/migrations/shop/0001", token);
				assertThat(response.status()).isEqualTo(423);
				assertThat(response.body().path("error").asString()).isEqualTo("lock-timeout");
				assertThat(response.body().path("message").asString()).contains(held.owner())
					.contains("migrations.lock-timeout");
			}
			assertThat(columns(context)).contains("SKU");
			assertThat(bean(get(client, "/actuator/migrations").body()).has("lockHolder")).isFalse();
			assertThat(post(client, "/actuator/migrations/shop/0001", token).status()).isEqualTo(200);
		});
	}

	@Test
	void refusesToMigrateWhenAnAppliedFileChangedAndReportsItsChecksumAsChanged() {
		copyMigrations();
		run(writable(location()), (client, context) -> {
			String token = get(client, "/actuator/migrations/shop/0001").body().path("token").asString();
			edit("shop/0002_add_sku.yaml", "max_length: 20", "max_length: 30");
			JsonNode shop = bean(get(client, "/actuator/migrations").body()).path("apps").path("shop");
			assertThat(checksumStates(shop)).containsExactly("OK", "CHANGED");
			Response response = post(client, "/actuator/migrations/shop/0001", token);
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.body().path("error").asString()).isEqualTo("checksum-mismatch");
			assertThat(response.body().path("message").asString()).contains("shop.0002_add_sku");
			assertThat(get(client, "/actuator/migrations/shop/0001").status()).isEqualTo(409);
			assertThat(columns(context)).contains("SKU");
		});
	}

	@Test
	void reportsAnAppliedMigrationWhoseFileIsGoneAsFileMissing() {
		copyMigrations();
		write("shop/0003_note.yaml", """
				dependencies: [shop.0002_add_sku]
				operations:
				  - RunSql:
				      sql: [CREATE TABLE shop_note (id integer)]
				      reverse_sql: [DROP TABLE shop_note]
				""");
		run(List.of(EXPOSED, location()), (client, context) -> {
			assertThat(tables(context)).contains("SHOP_NOTE");
			delete("shop/0003_note.yaml");
			JsonNode shop = bean(get(client, "/actuator/migrations").body()).path("apps").path("shop");
			assertThat(checksumStates(shop)).containsExactly("OK", "OK", "FILE_MISSING");
			assertThat(shop.path("migrations").get(2).path("name").asString()).isEqualTo("0003_note");
			assertThat(shop.path("migrations").get(2).path("applied").asBoolean()).isTrue();
		});
	}

	@Test
	void refusesToMigrateAnInconsistentHistory() {
		run(writable(), (client, context) -> {
			String token = get(client, "/actuator/migrations/shop/0001").body().path("token").asString();
			JdbcClient.create(context.getBean(DataSource.class))
				.sql("DELETE FROM migrations_history WHERE app = 'shop' AND name = '0001_initial'")
				.update();
			Response response = post(client, "/actuator/migrations/shop/0001", token);
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.body().path("error").asString()).isEqualTo("inconsistent-migration-history");
			assertThat(response.body().path("message").asString()).contains("shop.0002_add_sku")
				.contains("shop.0001_initial");
			assertThat(columns(context)).contains("SKU");
		});
	}

	@Test
	void refusesToMigrateAnAppWithConflictingLeaves() {
		run(List.of(NoMigrationAtStartupConfiguration.class),
				writable("migrations.location=classpath:db/conflicting", "migrations.model-packages=" + SHOP_MODELS),
				(client, context) -> {
					Response response = post(client, "/actuator/migrations/shop/0001", "0".repeat(64));
					assertThat(response.status()).isEqualTo(409);
					assertThat(response.body().path("error").asString()).isEqualTo("conflicting-migrations");
					assertThat(response.body().path("message").asString()).contains("0002_add_sku")
						.contains("0002_product_code");
					assertThat(tables(context)).doesNotContain("SHOP_PRODUCT");
				});
	}

	@Test
	void answersAServerErrorWhenAMigrationFailsThenRefusesToMigratePastTheHalfAppliedMigration() {
		run(List.of(NoMigrationAtStartupConfiguration.class),
				writable("migrations.location=classpath:db/half-applied", "migrations.model-packages=" + SHOP_MODELS),
				(client, context) -> {
					JsonNode plan = get(client, "/actuator/migrations/shop/0002").body();
					assertThat(plan.path("steps").size()).isEqualTo(2);
					Response failed = post(client, "/actuator/migrations/shop/0002", plan.path("token").asString());
					assertThat(failed.status()).isEqualTo(500);
					assertThat(failed.body().path("error").asString()).isEqualTo("schema-edit");
					assertThat(failed.body().path("message").asString()).contains("shop.0002_add_sku")
						.contains("NO_SUCH_COLUMN");
					assertThat(strings(bean(get(client, "/actuator/migrations").body()).path("pending")))
						.containsExactly("shop.0002_add_sku");
					JsonNode retry = get(client, "/actuator/migrations/shop/0002").body();
					Response response = post(client, "/actuator/migrations/shop/0002", retry.path("token").asString());
					assertThat(response.status()).isEqualTo(409);
					assertThat(response.body().path("error").asString()).isEqualTo("half-applied-migration");
					assertThat(response.body().path("message").asString()).contains("shop.0002_add_sku")
						.contains("statement #3 was running");
				});
	}

	@Test
	void refusesATargetPrefixThatMatchesSeveralMigrations() {
		run(writable(), (client, context) -> {
			Response plan = get(client, "/actuator/migrations/shop/0");
			assertThat(plan.status()).isEqualTo(400);
			assertThat(plan.body().path("error").asString()).isEqualTo("invalid-request");
			assertThat(plan.body().path("message").asString())
				.isEqualTo("More than one migration matches '0' in app 'shop'. Please be more specific.");
			Response response = post(client, "/actuator/migrations/shop/0", "0".repeat(64));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body().path("error").asString()).isEqualTo("invalid-request");
			assertThat(columns(context)).contains("SKU");
		});
	}

	@Test
	void refusesABodyThatIsNotJson() {
		run(writable(), (client, context) -> {
			int status = client.post()
				.uri("/actuator/migrations/shop/0001")
				.contentType(MediaType.APPLICATION_JSON)
				.body("token=abc")
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(400);
			assertThat(columns(context)).contains("SKU");
		});
	}

	private static List<String> writable(String... properties) {
		List<String> all = new ArrayList<>(List.of(EXPOSED, UNRESTRICTED, MIGRATE_ENABLED));
		all.addAll(List.of(properties));
		return all;
	}

	private static List<String> checksumStates(JsonNode app) {
		List<String> states = new ArrayList<>();
		app.path("migrations").forEach((migration) -> states.add(migration.path("checksumState").asString()));
		return states;
	}

	private String location() {
		return "migrations.location=" + this.dir.toUri();
	}

	private void copyMigrations() {
		for (String file : List.of("crm/0001_initial.yaml", "shop/0001_initial.yaml", "shop/0002_add_sku.yaml")) {
			try (InputStream in = getClass().getResourceAsStream("/db/migrations/" + file)) {
				assertThat(in).isNotNull();
				write(file, new String(in.readAllBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void write(String file, String content) {
		try {
			Path path = this.dir.resolve(file);
			Files.createDirectories(path.getParent());
			Files.writeString(path, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void edit(String file, String from, String to) {
		try {
			String content = Files.readString(this.dir.resolve(file));
			assertThat(content).contains(from);
			write(file, content.replace(from, to));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void delete(String file) {
		try {
			Files.delete(this.dir.resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
