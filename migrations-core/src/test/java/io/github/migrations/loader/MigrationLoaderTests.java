package io.github.migrations.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.BadMigrationException;
import io.github.migrations.CircularDependencyException;
import io.github.migrations.CommandException;
import io.github.migrations.InconsistentMigrationHistoryException;
import io.github.migrations.NodeNotFoundException;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationLoader}, using the fixture folders under {@code fixtures/}.
 */
class MigrationLoaderTests {

	/**
	 * <pre>
	 * shop:  0001_initial <-- 0002_product_price
	 *              ^                  ^
	 *              | (__first__)      | (__latest__)
	 * blog:  0001_initial <------ 0002_post_title
	 * </pre>
	 */
	@Test
	void loadsFilesAndResolvesFirstAndLatest() {
		MigrationLoader loader = load("basic", null);
		assertThat(loader.migratedApps()).containsExactly("blog", "shop");
		assertThat(loader.diskMigrations()).containsOnlyKeys(keys("blog.0001_initial", "blog.0002_post_title",
				"shop.0001_initial", "shop.0002_product_price"));
		assertThat(loader.graph().parents(key("blog.0001_initial"))).containsExactly(keys("shop.0001_initial"));
		assertThat(loader.graph().parents(key("blog.0002_post_title")))
			.containsExactly(keys("blog.0001_initial", "shop.0002_product_price"));
		assertThat(loader.graph().forwardsPlan(key("blog.0002_post_title"))).containsExactly(keys(
				"shop.0001_initial", "shop.0002_product_price", "blog.0001_initial", "blog.0002_post_title"));
		assertThat(loader.graph().leafNodes()).containsExactly(keys("blog.0002_post_title", "shop.0002_product_price"));
		assertThat(loader.detectConflicts()).isEmpty();
		assertThat(loader.graph().isFrozen()).isTrue();
		assertThat(loader.diskMigrations().get(key("shop.0001_initial")).source())
			.endsWith("fixtures/basic/shop/0001_initial.yaml".replace('/', java.io.File.separatorChar));
	}

	@Test
	void projectStateReplaysEveryLeaf() {
		MigrationLoader loader = load("basic", null);
		ProjectState state = loader.projectState();
		assertThat(state.model("shop", "product").fields()).containsOnlyKeys("id", "name", "price");
		assertThat(state.model("shop", "product").field("price").defaultValue()).isNull();
		assertThat(state.model("blog", "post").fields()).containsOnlyKeys("id", "product", "headline");
		assertThat(state.model("blog", "post").field("headline"))
			.isEqualTo(FieldState.of(new FieldType.CharField(200)).withDefault("Untitled"));
		ProjectState before = loader.projectState(key("blog.0002_post_title"), false);
		assertThat(before.model("blog", "post").fields()).containsOnlyKeys("id", "product");
		ProjectState after = loader.projectState(key("shop.0001_initial"), true);
		assertThat(after.models()).hasSize(1);
	}

	@Test
	void readsADirectoryOnDiskLikeTheClasspath() {
		MigrationLoader fromDisk = MigrationLoader
			.load(new DirectoryMigrationSource(Path.of("src/test/resources/fixtures/basic")), null);
		MigrationLoader fromClasspath = load("basic", null);
		assertThat(fromDisk.graph().nodes()).isEqualTo(fromClasspath.graph().nodes());
		assertThat(fromDisk.projectState()).isEqualTo(fromClasspath.projectState());
	}

	@Test
	void loadingWithoutChecksumsGivesTheSameMigrationsWithoutTheirChecksums() {
		DirectoryMigrationSource source = new DirectoryMigrationSource(Path.of("src/test/resources/fixtures/basic"));
		MigrationLoader with = MigrationLoader.load(source, null);
		MigrationLoader without = MigrationLoader.loadWithoutChecksums(source);
		assertThat(with.diskMigrations().values()).allSatisfy((migration) -> assertThat(migration.checksum()).isNotNull());
		assertThat(without.diskMigrations().values()).allSatisfy((migration) -> assertThat(migration.checksum()).isNull());
		assertThat(without.diskMigrations().keySet()).isEqualTo(with.diskMigrations().keySet());
		with.diskMigrations().forEach((key, migration) -> assertThat(without.diskMigrations().get(key))
			.isEqualTo(migration.withSource(migration.source(), null)));
		assertThat(without.graph().nodes()).isEqualTo(with.graph().nodes());
		assertThat(without.projectState()).isEqualTo(with.projectState());
	}

	@Test
	void ignoresFilesStartingWithUnderscoreOrTildeAndOtherExtensions() {
		MigrationLoader loader = load("ignored", null);
		assertThat(loader.diskMigrations()).containsOnlyKeys(key("shop.0001_initial"));
	}

	@Test
	void detectsConflictingLeaves() {
		MigrationLoader loader = load("conflict", null);
		assertThat(loader.detectConflicts()).isEqualTo(Map.of("shop", List.of("0002_first", "0002_second")));
	}

	/**
	 * <pre>
	 * shop:  0001_initial <-- 0002_second <-- 0003_third
	 *        0001_squashed_0002_second (replaces 0001_initial, 0002_second)
	 * blog:  0001_initial --> shop.0001_initial
	 * </pre>
	 */
	@Test
	void squashIsUsedWithoutADatabase() {
		MigrationLoader loader = load("squashed", null);
		assertThat(loader.graph().nodes())
			.containsExactly(keys("blog.0001_initial", "shop.0001_squashed_0002_second", "shop.0003_third"));
		assertThat(loader.graph().forwardsPlan(key("shop.0003_third")))
			.containsExactly(keys("shop.0001_squashed_0002_second", "shop.0003_third"));
		assertThat(loader.graph().parents(key("blog.0001_initial")))
			.containsExactly(keys("shop.0001_squashed_0002_second"));
		assertThat(loader.appliedMigrations()).isEmpty();
		assertThat(loader.replacements()).containsOnlyKeys(key("shop.0001_squashed_0002_second"));
		assertThat(loader.projectState().model("shop", "product").fields()).containsOnlyKeys("id", "sku", "stock");
	}

	@Test
	void squashIsUsedWhenNoneOfTheReplacedMigrationsIsApplied() {
		MigrationLoader loader = load("squashed", Set.of(key("shop.0001_squashed_0002_second")));
		assertThat(loader.graph().contains(key("shop.0001_squashed_0002_second"))).isTrue();
		assertThat(loader.graph().contains(key("shop.0001_initial"))).isFalse();
		assertThat(loader.appliedMigrations()).isEmpty();
	}

	@Test
	void squashIsUsedAndCountsAsAppliedWhenAllReplacedMigrationsAreApplied() {
		MigrationLoader loader = load("squashed", Set.of(key("shop.0001_initial"), key("shop.0002_second")));
		assertThat(loader.graph().nodes())
			.containsExactly(keys("blog.0001_initial", "shop.0001_squashed_0002_second", "shop.0003_third"));
		assertThat(loader.appliedMigrations())
			.containsExactly(keys("shop.0001_initial", "shop.0001_squashed_0002_second", "shop.0002_second"));
	}

	@Test
	void replacedMigrationsAreUsedWhenTheSquashIsPartiallyApplied() {
		MigrationLoader loader = load("squashed", Set.of(key("shop.0001_initial")));
		assertThat(loader.graph().nodes()).containsExactly(
				keys("blog.0001_initial", "shop.0001_initial", "shop.0002_second", "shop.0003_third"));
		assertThat(loader.graph().forwardsPlan(key("shop.0003_third")))
			.containsExactly(keys("shop.0001_initial", "shop.0002_second", "shop.0003_third"));
		assertThat(loader.graph().parents(key("blog.0001_initial"))).containsExactly(keys("shop.0001_initial"));
		assertThat(loader.appliedMigrations()).containsExactly(keys("shop.0001_initial"));
	}

	@Test
	void squashAndReplacedMigrationsAreBothKeptWhenReplacingIsOff() {
		MigrationLoader loader = MigrationLoader.load(source("squashed"), null, false);
		assertThat(loader.graph().nodes()).hasSize(5);
		assertThat(loader.detectConflicts())
			.isEqualTo(Map.of("shop", List.of("0001_squashed_0002_second", "0003_third")));
	}

	@Test
	void squashReplacingADeletedMigrationRepointsItsDependents() {
		MigrationLoader loader = load("squashed_gone", null);
		assertThat(loader.graph().forwardsPlan(key("inv.0004_next")))
			.containsExactly(keys("inv.0001_squashed_0003_final", "inv.0004_next"));
		assertThat(loader.projectState().model("inv", "item").fields()).containsOnlyKeys("id", "code");
	}

	@Test
	void partiallyAppliedSquashOfADeletedMigrationExplainsWhy() {
		assertThatExceptionOfType(NodeNotFoundException.class)
			.isThrownBy(() -> load("squashed_gone", Set.of(key("inv.0001_initial"))))
			.withMessage("Migration inv.0004_next depends on nonexistent node ('inv', '0003_final'). Django tried to"
					+ " replace migration inv.0003_final with any of [inv.0001_squashed_0003_final] but wasn't able"
					+ " to because some of the replaced migrations are already applied.");
	}

	@Test
	void missingDependencyIsReportedWithDjangosMessage() {
		assertThatExceptionOfType(NodeNotFoundException.class).isThrownBy(() -> load("missing", null))
			.withMessage("Migration blog.0002_bad dependencies reference nonexistent parent node ('shop', '0009_missing')");
	}

	@Test
	void firstOfAnUnknownAppIsReported() {
		assertThatExceptionOfType(NodeNotFoundException.class).isThrownBy(() -> load("unknown_app", null))
			.withMessage("Dependency on unknown app: nosuchapp");
	}

	@Test
	void cycleIsReported() {
		assertThatExceptionOfType(CircularDependencyException.class).isThrownBy(() -> load("cycle", null))
			.withMessage("blog.0002_bad, blog.0003_bad");
	}

	@Test
	void twoFilesForTheSameMigrationAreRejected() {
		String content = "dependencies: []\noperations: []\n";
		MigrationSource source = () -> List.of(
				new MigrationResource("shop", "0001_initial", "a/shop/0001_initial.yaml", content), new MigrationResource("shop", "0001_initial", "b/shop/0001_initial.yaml", content));
		assertThatExceptionOfType(BadMigrationException.class).isThrownBy(() -> MigrationLoader.load(source, null))
			.withMessage("Migration shop.0001_initial is defined twice: in a/shop/0001_initial.yaml and in"
					+ " b/shop/0001_initial.yaml. Remove or rename one of the files.");
	}

	@Test
	void badFileStopsLoadingWithItsMessage() {
		MigrationSource source = () -> List
			.of(new MigrationResource("shop", "0001_initial", "db/shop/0001_initial.yaml", "operations: []\n"));
		assertThatExceptionOfType(BadMigrationException.class).isThrownBy(() -> MigrationLoader.load(source, null))
			.withMessageStartingWith("Migration file db/shop/0001_initial.yaml (line 1, column 1): ");
	}

	@Test
	void consistentHistoryPasses() {
		MigrationLoader loader = load("basic", null);
		loader.checkConsistentHistory(Set.of(key("shop.0001_initial"), key("blog.0001_initial")), "default");
		loader.checkConsistentHistory(Set.of(key("shop.0001_initial"), key("gone.0001_initial")), "default");
		loader.checkConsistentHistory(Set.of(), "default");
	}

	@Test
	void migrationAppliedBeforeItsDependencyIsInconsistent() {
		MigrationLoader loader = load("basic", null);
		assertThatExceptionOfType(InconsistentMigrationHistoryException.class)
			.isThrownBy(() -> loader.checkConsistentHistory(Set.of(key("blog.0001_initial")), "default"))
			.withMessage("Migration blog.0001_initial is applied before its dependency shop.0001_initial on database"
					+ " 'default'.");
	}

	@Test
	void unappliedSquashWhoseReplacedMigrationsAreAppliedIsConsistent() {
		Set<MigrationKey> applied = Set.of(key("shop.0001_initial"), key("shop.0002_second"), key("blog.0001_initial"));
		MigrationLoader loader = load("squashed", applied);
		loader.checkConsistentHistory(applied, "default");
		MigrationLoader withoutDatabase = load("squashed", null);
		assertThatExceptionOfType(InconsistentMigrationHistoryException.class)
			.isThrownBy(() -> withoutDatabase.checkConsistentHistory(Set.of(key("blog.0001_initial")), "other"))
			.withMessage("Migration blog.0001_initial is applied before its dependency"
					+ " shop.0001_squashed_0002_second on database 'other'.");
	}

	@Test
	void migrationByPrefixFindsUniqueAndExactMatches() {
		MigrationLoader loader = load("prefixes", null);
		assertThat(loader.migrationByPrefix("shop", "0001").key()).isEqualTo(key("shop.0001_initial"));
		assertThat(loader.migrationByPrefix("shop", "0002_a").key()).isEqualTo(key("shop.0002_a"));
		assertThat(loader.migrationByPrefix("shop", "0002_a_").key()).isEqualTo(key("shop.0002_a_b"));
		assertThat(loader.migrationByPrefix("shop", "0003_merge").key()).isEqualTo(key("shop.0003_merge"));
	}

	@Test
	void migrationByPrefixReportsNoneAndAmbiguousMatches() {
		MigrationLoader loader = load("prefixes", null);
		assertThatExceptionOfType(CommandException.class).isThrownBy(() -> loader.migrationByPrefix("shop", "0009"))
			.withMessage("Cannot find a migration matching '0009' from app 'shop'.");
		assertThatExceptionOfType(CommandException.class).isThrownBy(() -> loader.migrationByPrefix("blog", "0001"))
			.withMessage("Cannot find a migration matching '0001' from app 'blog'.");
		assertThatExceptionOfType(CommandException.class).isThrownBy(() -> loader.migrationByPrefix("shop", "0002"))
			.withMessage("More than one migration matches '0002' in app 'shop'. Please be more specific.");
	}

	@Test
	void emptySourceGivesAnEmptyGraph() {
		MigrationLoader loader = MigrationLoader.load(new DirectoryMigrationSource(Path.of("does-not-exist")), null);
		assertThat(loader.graph().nodes()).isEmpty();
		assertThat(loader.migratedApps()).isEmpty();
		assertThat(loader.projectState()).isEqualTo(ProjectState.empty());
	}

	@Test
	void loadIfUnchangedBuildsTheGraphTheFullLoadBuildsWithoutReadingOperations() {
		for (String fixture : List.of("basic", "squashed", "conflict")) {
			MigrationLoader full = load(fixture, null);
			Map<MigrationKey, String> checksums = new java.util.HashMap<>();
			full.diskMigrations().forEach((key, migration) -> checksums.put(key, migration.checksum()));
			MigrationLoader quick = MigrationLoader.loadIfUnchanged(source(fixture), checksums);
			MigrationLoader reference = load(fixture, checksums.keySet());
			assertThat(quick).as(fixture).isNotNull();
			assertThat(quick.graph().nodes()).isEqualTo(reference.graph().nodes());
			for (MigrationKey node : reference.graph().nodes()) {
				assertThat(quick.graph().parents(node)).isEqualTo(reference.graph().parents(node));
			}
			assertThat(quick.graph().leafNodes()).isEqualTo(reference.graph().leafNodes());
			assertThat(quick.appliedMigrations()).isEqualTo(reference.appliedMigrations());
			assertThat(quick.detectConflicts()).isEqualTo(reference.detectConflicts());
			assertThat(quick.replacements().keySet()).isEqualTo(reference.replacements().keySet());
			assertThat(quick.diskMigrations().values()).allSatisfy((migration) -> assertThat(migration.operations()).isEmpty());
		}
	}

	@Test
	void loadIfUnchangedGivesUpWhenAFileIsPendingChangedOrHasNoRecordedChecksum() {
		MigrationLoader full = load("basic", null);
		Map<MigrationKey, String> checksums = new java.util.HashMap<>();
		full.diskMigrations().forEach((key, migration) -> checksums.put(key, migration.checksum()));
		Map<MigrationKey, String> pending = new java.util.HashMap<>(checksums);
		pending.remove(key("blog.0002_post_title"));
		assertThat(MigrationLoader.loadIfUnchanged(source("basic"), pending)).isNull();
		Map<MigrationKey, String> changed = new java.util.HashMap<>(checksums);
		changed.put(key("shop.0001_initial"), "0".repeat(64));
		assertThat(MigrationLoader.loadIfUnchanged(source("basic"), changed)).isNull();
		Map<MigrationKey, String> unknown = new java.util.HashMap<>(checksums);
		unknown.put(key("shop.0001_initial"), null);
		assertThat(MigrationLoader.loadIfUnchanged(source("basic"), unknown)).isNull();
	}

	@Test
	void headersReadAheadCarryTheirGraphUnlessMigrationsAreSquashed() {
		assertThat(FileHeaders.read(source("basic")).graph()).isNotNull();
		assertThat(FileHeaders.read(source("conflict")).graph()).isNotNull();
		assertThat(FileHeaders.read(source("squashed")).graph()).isNull();
	}

	@Test
	void loadIfUnchangedWithTheGraphReadAheadTakesTheRecordedMigrationsAsApplied() {
		MigrationLoader full = load("basic", null);
		Map<MigrationKey, String> checksums = new java.util.HashMap<>();
		full.diskMigrations().forEach((key, migration) -> checksums.put(key, migration.checksum()));
		checksums.put(key("gone.0001_initial"), "f".repeat(64));
		FileHeaders headers = FileHeaders.read(source("basic"));
		MigrationLoader quick = MigrationLoader.loadIfUnchanged(headers, checksums);
		MigrationLoader reference = load("basic", checksums.keySet());
		assertThat(quick).isNotNull();
		assertThat(quick.graph()).isSameAs(headers.graph().graph());
		assertThat(quick.appliedMigrations()).isEqualTo(reference.appliedMigrations()).contains(key("gone.0001_initial"));
		assertThat(quick.diskMigrations().keySet()).isEqualTo(reference.diskMigrations().keySet());
		assertThat(quick.graph().leafNodes()).isEqualTo(reference.graph().leafNodes());
		assertThat(headers.graph().appliedMigrations()).doesNotContain(key("gone.0001_initial"));
	}

	@Test
	void loadIfUnchangedStillThrowsTheMissingDependencyTheGraphReadAheadCouldNotBuild(@TempDir Path root)
			throws Exception {
		Path file = root.resolve("shop/0001_initial.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "dependencies:\n  - blog.0001_initial\noperations: []\n");
		DirectoryMigrationSource source = new DirectoryMigrationSource(root);
		FileHeaders headers = FileHeaders.read(source);
		assertThat(headers.files()).singleElement().satisfies((entry) -> assertThat(entry.header()).isNotNull());
		assertThat(headers.graph()).isNull();
		Map<MigrationKey, String> checksums = Map.of(key("shop.0001_initial"), headers.files().get(0).checksum());
		assertThatExceptionOfType(NodeNotFoundException.class)
			.isThrownBy(() -> MigrationLoader.loadIfUnchanged(headers, checksums))
			.withMessageContaining("blog");
	}

	static MigrationSource source(String fixture) {
		return new ClasspathMigrationSource(MigrationLoaderTests.class.getClassLoader(), "fixtures/" + fixture);
	}

	private static MigrationLoader load(String fixture, Set<MigrationKey> applied) {
		return MigrationLoader.load(source(fixture), applied);
	}

	private static MigrationKey key(String text) {
		return MigrationKey.parse(text);
	}

	private static MigrationKey[] keys(String... texts) {
		return java.util.Arrays.stream(texts).map(MigrationKey::parse).toArray(MigrationKey[]::new);
	}

}
