package io.github.migrations.executor;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.migrations.IrreversibleOperationException;
import io.github.migrations.Migrations;
import io.github.migrations.command.CommandOutput;
import io.github.migrations.loader.DirectoryMigrationSource;
import io.github.migrations.loader.MigrationLoader;
import io.github.migrations.migration.Migration;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.RunSql;
import io.github.migrations.recorder.MigrationRecorder;
import io.github.migrations.state.ModelKey;
import io.github.migrations.state.ProjectState;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.migrations.testsupport.MigrationFiles.SHOP_INITIAL;
import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Django's executor semantics across apps, on H2:
 *
 * <pre>
 * shop:  0001_initial &lt;-- 0002_price
 *            ^
 * blog:  0001_initial
 * </pre>
 */
class MigrationExecutorTests {

	@TempDir
	Path dir;

	private final JdbcDataSource dataSource = new JdbcDataSource();

	private Migrations migrations;

	@BeforeEach
	void setUp() throws IOException {
		this.dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.migrations = Migrations.configure().dataSource(this.dataSource).directory(this.dir).load();
		write(this.dir, "shop/0001_initial.yaml", SHOP_INITIAL);
		write(this.dir, "shop/0002_price.yaml", """
				dependencies:
				  - shop.0001_initial
				operations:
				  - AddField:
				      model_name: product
				      name: price
				      field: {type: IntegerField, null: true}
				""");
		write(this.dir, "blog/0001_initial.yaml", """
				initial: true
				dependencies:
				  - shop.0001_initial
				operations:
				  - CreateModel:
				      name: Post
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        product: {type: ForeignKey, to: shop.product, on_delete: CASCADE}
				""");
	}

	@Test
	void migrateAppliesInDependencyOrder() {
		String output = run("migrate");
		assertThat(output).contains("  Apply all migrations: blog, shop");
		assertThat(output.indexOf("Applying shop.0001_initial")).isLessThan(output.indexOf("Applying blog.0001_initial"));
	}

	@Test
	void zeroUnappliesDependantsInOtherApps() throws SQLException {
		run("migrate");
		String plan = run("migrate", "shop", "zero", "--plan");
		assertThat(plan).contains("Planned operations:", "blog.0001_initial\n    Undo Create model Post",
				"shop.0001_initial\n    Undo Create model Product");
		assertThat(plan.indexOf("blog.0001_initial")).isLessThan(plan.indexOf("shop.0001_initial"));
		run("migrate", "shop", "zero");
		assertThat(history()).isEmpty();
	}

	@Test
	void migratingBackToATargetKeepsTheTargetAndOtherApps() throws SQLException {
		run("migrate");
		String output = run("migrate", "shop", "0001");
		assertThat(output).contains("  Unapplying shop.0002_price... OK").doesNotContain("blog.0001");
		assertThat(history()).containsExactlyInAnyOrder("blog.0001_initial", "shop.0001_initial");
	}

	@Test
	void migratingForwardToATargetAppliesOnlyItsAncestors() throws SQLException {
		String output = run("migrate", "blog");
		assertThat(output).contains("Applying shop.0001_initial... OK", "Applying blog.0001_initial... OK")
			.doesNotContain("shop.0002_price");
		assertThat(history()).containsExactlyInAnyOrder("blog.0001_initial", "shop.0001_initial");
	}

	@Test
	void fakeRecordsWithoutTouchingTheSchema() throws SQLException {
		String output = run("migrate", "shop", "0001", "--fake");
		assertThat(output).contains("  Applying shop.0001_initial... FAKED");
		assertThat(history()).containsExactly("shop.0001_initial");
		assertThat(tableExists("shop_product")).isFalse();
		assertThat(run("migrate", "shop", "zero", "--fake")).contains("  Unapplying shop.0001_initial... FAKED");
		assertThat(history()).isEmpty();
	}

	@Test
	void fakeInitialFakesInitialMigrationsWhoseTablesExistAndRunsTheRest() throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table shop_product (id bigint primary key)");
		}
		String output = run("migrate", "--fake-initial");
		assertThat(output).contains("  Applying shop.0001_initial... FAKED", "  Applying shop.0002_price... OK",
				"  Applying blog.0001_initial... OK");
		assertThat(history()).hasSize(3);
	}

	@Test
	void checkExitsNonZeroWhenMigrationsArePending() {
		assertThat(this.migrations.run(List.of("migrate", "--check"), CommandOutput.capturing(new StringWriter())))
			.isEqualTo(1);
		run("migrate");
		assertThat(this.migrations.run(List.of("migrate", "--check"), CommandOutput.capturing(new StringWriter())))
			.isZero();
	}

	@Test
	void emptyPlanSaysSo() {
		run("migrate");
		assertThat(run("migrate", "--plan")).contains("Planned operations:\n  No planned migration operations.");
	}

	@Test
	void collectSqlLeavesIrreversibleBackwardsStepsEmptyAndMigrateRefusesToRunThem() throws SQLException {
		Migration create = Migration.of(new MigrationKey("audit", "0001_initial"), List.of(),
				List.of(new RunSql(List.of("CREATE TABLE audit_log (id int)"), List.of("DROP TABLE audit_log"))), true);
		Migration backfill = Migration.of(new MigrationKey("audit", "0002_backfill"), List.of(create.key()),
				List.of(new RunSql(List.of("INSERT INTO audit_log VALUES (1)"), null)), false);
		MigrationLoader loader = MigrationLoader.of(List.of(create, backfill), Set.of(), true);
		try (Connection connection = this.dataSource.getConnection()) {
			MigrationExecutor executor = new MigrationExecutor(connection, loader.graph(), Set.of(),
					new MigrationRecorder(connection, "migrations_history"), MigrationListener.NONE);
			List<PlanStep> forwards = executor.migrationPlan(List.of(Target.of(backfill.key())), false);
			assertThat(executor.collectSql(forwards)).containsExactly(List.of("CREATE TABLE audit_log (id int)"),
					List.of("INSERT INTO audit_log VALUES (1)"));
			assertThat(tableExists("audit_log")).isFalse();
			executor.migrate(forwards, false);
			List<PlanStep> backwards = executor.migrationPlan(List.of(Target.zero("audit")), false);
			assertThat(executor.collectSql(backwards)).containsExactly(List.of(), List.of("DROP TABLE audit_log"));
			assertThatExceptionOfType(IrreversibleOperationException.class)
				.isThrownBy(() -> executor.migrate(backwards, false))
				.withMessageContaining("Nothing was unapplied");
		}
		assertThat(history()).containsExactly("audit.0001_initial", "audit.0002_backfill");
	}

	@Test
	void aForwardsPlanRunFromTheStatesBuiltToLintItReplaysNoAppliedMigrationAgain() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			MigrationExecutor executor = executorAfterShopInitial(connection);
			List<PlanStep> plan = executor.migrationPlan(executor.allLeaves(), false);
			PlanStates states = executor.planStates(plan);
			plan.forEach((step) -> assertThat(states.before(step.migration().key())).isNotNull());
			assertThat(executor.appliedReplays()).isOne();
			// the run starts from a known state only for the step that follows the applied migration
			Map<MigrationKey, ProjectState> needed = states.finish();
			assertThat(needed).containsOnlyKeys(new MigrationKey("blog", "0001_initial"));
			assertThat(executor.migrate(plan, false, false, needed)).extracting(MigrationKey::toString)
				.containsExactly("blog.0001_initial", "shop.0002_price");
			assertThat(executor.appliedReplays()).isOne();
		}
		assertThat(history()).containsExactly("shop.0001_initial", "blog.0001_initial", "shop.0002_price");
		assertThat(tableExists("blog_post")).isTrue();
	}

	@Test
	void aBackwardsPlanRunFromTheStatesBuiltToLintItReplaysNoAppliedMigrationAgain() throws SQLException {
		run("migrate");
		Set<MigrationKey> applied = Set.of(new MigrationKey("shop", "0001_initial"), new MigrationKey("blog", "0001_initial"),
				new MigrationKey("shop", "0002_price"));
		try (Connection connection = this.dataSource.getConnection()) {
			MigrationLoader loader = MigrationLoader.load(new DirectoryMigrationSource(this.dir), applied);
			MigrationExecutor executor = new MigrationExecutor(connection, loader.graph(), applied,
					new MigrationRecorder(connection, "migrations_history"), MigrationListener.NONE);
			List<PlanStep> plan = executor.migrationPlan(List.of(Target.of(new MigrationKey("shop", "0001_initial"))), false);
			Map<MigrationKey, ProjectState> before = executor.statesBefore(plan);
			int replays = executor.appliedReplays();
			assertThat(replays).isPositive();
			assertThat(executor.migrate(plan, false, false, before)).extracting(MigrationKey::toString)
				.containsExactly("shop.0002_price");
			assertThat(executor.appliedReplays()).as("replays after the run").isEqualTo(replays);
		}
		assertThat(history()).containsExactlyInAnyOrder("blog.0001_initial", "shop.0001_initial");
	}

	@Test
	void planStatesAreBuiltAsTheyAreAskedForAndForgottenOnceHandedOut() throws SQLException, InterruptedException {
		try (Connection connection = this.dataSource.getConnection()) {
			MigrationExecutor executor = executorAfterShopInitial(connection);
			List<PlanStep> plan = executor.migrationPlan(executor.allLeaves(), false);
			PlanStates states = executor.planStates(plan);
			assertThat(executor.appliedReplays()).isZero();
			MigrationKey price = new MigrationKey("shop", "0002_price");
			// the walk goes as far as the migration asked for (passing blog.0001_initial), no further
			ProjectState beforePrice = states.before(price);
			assertThat(beforePrice.models()).containsKeys(new ModelKey("shop", "product"), new ModelKey("blog", "post"));
			assertThat(executor.appliedReplays()).isOne();
			assertThat(states.before(price)).as("handed out once").isNull();
			java.lang.ref.WeakReference<ProjectState> handedOut = new java.lang.ref.WeakReference<>(beforePrice);
			beforePrice = null;
			assertThat(states.before(new MigrationKey("blog", "0001_initial")).models())
				.containsOnlyKeys(new ModelKey("shop", "product"));
			assertThat(states.finish()).containsOnlyKeys(new MigrationKey("blog", "0001_initial"));
			// the states object is still in use; the state it handed out is no longer held by it
			assertThat(collected(handedOut)).as("state before shop.0002_price still held by " + states).isTrue();
		}
	}

	private static boolean collected(java.lang.ref.WeakReference<?> reference) throws InterruptedException {
		for (int i = 0; i < 50 && reference.get() != null; i++) {
			System.gc();
			Thread.sleep(10);
		}
		return reference.get() == null;
	}

	@Test
	void aForwardsPlanRunWithoutItsStatesReplaysTheAppliedMigrations() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			MigrationExecutor executor = executorAfterShopInitial(connection);
			executor.migrate(executor.migrationPlan(executor.allLeaves(), false), false);
			assertThat(executor.appliedReplays()).isOne();
		}
		assertThat(history()).containsExactly("shop.0001_initial", "blog.0001_initial", "shop.0002_price");
	}

	private MigrationExecutor executorAfterShopInitial(Connection connection) {
		run("migrate", "shop", "0001");
		Set<MigrationKey> applied = Set.of(new MigrationKey("shop", "0001_initial"));
		MigrationLoader loader = MigrationLoader.load(new DirectoryMigrationSource(this.dir), applied);
		return new MigrationExecutor(connection, loader.graph(), applied,
				new MigrationRecorder(connection, "migrations_history"), MigrationListener.NONE);
	}

	private String run(String... args) {
		StringWriter out = new StringWriter();
		int code = this.migrations.run(List.of(args), CommandOutput.capturing(out));
		assertThat(code).as(out.toString()).isZero();
		return out.toString();
	}

	private List<String> history() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select app, name from migrations_history order by id")) {
			List<String> keys = new java.util.ArrayList<>();
			while (rows.next()) {
				keys.add(rows.getString(1) + "." + rows.getString(2));
			}
			return keys;
		}
	}

	private boolean tableExists(String table) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rows = connection.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
			return rows.next();
		}
	}

}
