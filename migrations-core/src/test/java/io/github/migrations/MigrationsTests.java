package io.github.migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.migrations.lock.MigrationLock;
import io.github.migrations.lock.MigrationLocks;
import io.github.migrations.model.CharField;
import io.github.migrations.model.Model;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.testsupport.MigrationFiles.SHOP_INITIAL;
import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the reporting side of {@link Migrations}: status with checksum states, unmigrated
 * model changes and the lock holder.
 */
class MigrationsTests {

	@TempDir
	Path dir;

	private TestDatabase database;

	private Migrations migrations;

	@BeforeEach
	void setUp() throws IOException {
		this.database = TestDatabases.h2();
		this.migrations = Migrations.configure()
			.dataSource(this.database.dataSource())
			.directory(this.dir)
			.modelClasses(List.of(Product.class))
			.load();
		// the shop's first migration, with the name field the Product class declares
		write(this.dir, "shop/0001_initial.yaml", SHOP_INITIAL + "        name: {type: CharField, max_length: 50}\n");
		write(this.dir, "shop/0002_add_sku.yaml", """
				dependencies:
				  - shop.0001_initial
				operations:
				  - AddField:
				      model_name: product
				      name: sku
				      field: {type: CharField, max_length: 20, default: ''}
				""");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void statusTellsAppliedFromPendingAndChecksThePendingHaveNoChecksumState() {
		this.migrations.migrate("shop", "0001", this.migrations.plan("shop", "0001").token());
		List<MigrationStatus> shop = shop();
		assertThat(shop).extracting(MigrationStatus::name).containsExactly("0001_initial", "0002_add_sku");
		assertThat(shop.get(0).applied()).isTrue();
		assertThat(shop.get(0).appliedAt()).isNotNull();
		assertThat(shop.get(0).checksumState()).isEqualTo(ChecksumState.OK);
		assertThat(shop.get(1).applied()).isFalse();
		assertThat(shop.get(1).checksumState()).isNull();
	}

	@Test
	void statusReportsChangedMissingAndUnrecordedChecksums() throws IOException, SQLException {
		this.migrations.migrate();
		write(this.dir, "shop/0001_initial.yaml", Files.readString(this.dir.resolve("shop/0001_initial.yaml")) + "# edited\n");
		Files.delete(this.dir.resolve("shop/0002_add_sku.yaml"));
		execute("INSERT INTO migrations_history (app, name, applied) VALUES ('legacy', '0001_initial', CURRENT_TIMESTAMP)");
		List<MigrationStatus> shop = shop();
		assertThat(shop).extracting(MigrationStatus::name, MigrationStatus::checksumState)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("0001_initial", ChecksumState.CHANGED),
					org.assertj.core.groups.Tuple.tuple("0002_add_sku", ChecksumState.FILE_MISSING));
		assertThat(shop.get(1).checksum()).isNull();
		assertThat(shop.get(1).applied()).isTrue();
		AppStatus legacy = this.migrations.status().get(0);
		assertThat(legacy.app()).isEqualTo("legacy");
		assertThat(legacy.migrations()).singleElement()
			.extracting(MigrationStatus::checksumState)
			.isEqualTo(ChecksumState.FILE_MISSING);
		write(this.dir, "shop/0002_add_sku.yaml", """
				dependencies:
				  - shop.0001_initial
				operations:
				  - AddField:
				      model_name: product
				      name: sku
				      field: {type: CharField, max_length: 20, default: ''}
				""");
		execute("UPDATE migrations_history SET checksum = NULL WHERE name = '0002_add_sku'");
		assertThat(shop().get(1).checksumState()).isEqualTo(ChecksumState.NOT_RECORDED);
	}

	@Test
	void unmigratedChangesListTheOperationsMakemigrationsWouldWrite() throws IOException {
		assertThat(this.migrations.unmigratedChanges()).isEmpty();
		Files.delete(this.dir.resolve("shop/0002_add_sku.yaml"));
		assertThat(this.migrations.unmigratedChanges())
			.isEqualTo(Map.of("shop", List.of("+ Add field sku to product")));
		assertThat(this.migrations.appsWithUnmigratedChanges()).containsExactly("shop");
	}

	@Test
	void modelClassesFromASupplierAreFoundOnlyWhenTheModelsAreNeededAndOnce() {
		AtomicInteger scans = new AtomicInteger();
		Migrations lazy = Migrations.configure()
			.dataSource(this.database.dataSource())
			.directory(this.dir)
			.modelClasses(() -> {
				scans.incrementAndGet();
				return List.of(Product.class);
			})
			.load();
		assertThat(lazy.migrate().applied()).hasSize(2);
		assertThat(scans).hasValue(0);
		assertThat(lazy.appsWithUnmigratedChanges()).isEmpty();
		assertThat(lazy.configuration().modelClasses()).containsExactly(Product.class);
		assertThat(scans).hasValue(1);
	}

	@Test
	void restartWithEverythingAppliedStillRefusesAnAppliedFileThatChanged() throws IOException {
		assertThat(this.migrations.migrate().applied()).hasSize(2);
		assertThat(this.migrations.migrate().applied()).isEmpty();
		Path file = this.dir.resolve("shop/0002_add_sku.yaml");
		Files.writeString(file, Files.readString(file).replace("max_length: 20", "max_length: 30"));
		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(this.migrations::migrate)
			.withMessageContaining("Migration shop.0002_add_sku was changed after it was applied");
	}

	@Test
	void restartWithEverythingAppliedStillRefusesTwoAppliedLeavesOfAnApp() throws IOException {
		Path sku = this.dir.resolve("shop/0002_add_sku.yaml");
		String skuContent = Files.readString(sku);
		Files.delete(sku);
		write(this.dir, "shop/0002_other.yaml", "dependencies:\n  - shop.0001_initial\noperations: []\n");
		assertThat(this.migrations.migrate().applied()).hasSize(2);
		Files.delete(this.dir.resolve("shop/0002_other.yaml"));
		Files.writeString(sku, skuContent);
		assertThat(this.migrations.migrate().applied()).hasSize(1);
		write(this.dir, "shop/0002_other.yaml", "dependencies:\n  - shop.0001_initial\noperations: []\n");
		assertThatExceptionOfType(ConflictingMigrationsException.class).isThrownBy(this.migrations::migrate)
			.withMessageContaining("0002_add_sku, 0002_other in shop");
	}

	@Test
	void lockHolderNamesTheProcessThatMigrates() {
		assertThat(this.migrations.lockHolder()).isEmpty();
		try (MigrationLock lock = MigrationLocks.acquire(this.database.dataSource(), "migrations_history",
				Duration.ofSeconds(1))) {
			assertThat(this.migrations.lockHolder()).get().asString().startsWith(lock.owner());
		}
	}

	private List<MigrationStatus> shop() {
		return this.migrations.status()
			.stream()
			.filter((app) -> app.app().equals("shop"))
			.findFirst()
			.orElseThrow()
			.migrations();
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Model(app = "shop")
	static class Product {

		@CharField(maxLength = 50)
		String name;

		@CharField(maxLength = 20, defaultValue = "")
		String sku;

	}

}
