package io.github.migrations.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.github.migrations.IrreversibleOperationException;
import io.github.migrations.MigrationPlan;
import io.github.migrations.Migrations;
import io.github.migrations.NodeNotFoundException;
import io.github.migrations.StalePlanException;
import io.github.migrations.UnknownAppException;
import io.github.migrations.migration.MigrationKey;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.DeleteModel;
import io.github.migrations.operation.RemoveField;
import io.github.migrations.operation.RunSql;
import io.github.migrations.operation.SeparateDatabaseAndState;
import io.github.migrations.recorder.MigrationRecorder;
import io.github.migrations.schema.Vendor;
import io.github.migrations.testsupport.StatementRecordingDataSource;
import io.github.migrations.testsupport.TestDatabase;
import io.github.migrations.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.migrations.testsupport.MigrationFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReviewedMigrate} through {@link Migrations#plan} and
 * {@link Migrations#migrate(String, String, String)}, with the seed's blog app:
 *
 * <pre>
 * blog:  0001_initial &lt;-- 0002_add_description &lt;-- 0003_add_subscribers
 * </pre>
 */
class ReviewedMigrateTests {

	@TempDir
	Path dir;

	private TestDatabase database;

	private StatementRecordingDataSource dataSource;

	private Migrations migrations;

	@BeforeEach
	void setUp() throws IOException {
		useDatabase(TestDatabases.h2());
		write(this.dir, "blog/0001_initial.yaml", """
				initial: true
				dependencies: []
				operations:
				  - CreateModel:
				      name: Blog
				      fields:
				        id: {type: BigAutoField, primary_key: true}
				        title: {type: CharField, max_length: 200}
				""");
		write(this.dir, "blog/0002_add_description.yaml", """
				dependencies:
				  - blog.0001_initial
				operations:
				  - AddField:
				      model_name: blog
				      name: description
				      field: {type: CharField, max_length: 255, default: ''}
				""");
		write(this.dir, "blog/0003_add_subscribers.yaml", """
				dependencies:
				  - blog.0002_add_description
				operations:
				  - AddField:
				      model_name: blog
				      name: subscribers
				      field: {type: IntegerField, default: 0}
				""");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	private void useDatabase(TestDatabase database) {
		if (this.database != null) {
			this.database.close();
		}
		this.database = database;
		this.dataSource = new StatementRecordingDataSource(database.dataSource());
		this.migrations = Migrations.configure().dataSource(this.dataSource).directory(this.dir).load();
	}

	@Test
	void planOnAnEmptyDatabaseAppliesTheTargetAndItsAncestorsChangingNothing() throws SQLException {
		MigrationPlan plan = this.migrations.plan("blog", "0002");
		assertThat(plan.target()).isEqualTo("0002_add_description");
		assertThat(plan.backwards()).isFalse();
		assertThat(keys(plan)).containsExactly("blog.0001_initial", "blog.0002_add_description");
		assertThat(plan.steps().get(0).operations()).containsExactly("Create model Blog");
		assertThat(plan.steps().get(0).sql()).singleElement().asString().startsWithIgnoringCase("CREATE TABLE \"blog_blog\"");
		assertThat(plan.steps().get(1).sql()).first().asString().containsIgnoringCase("ADD COLUMN \"description\"");
		assertThat(plan.steps()).allSatisfy((step) -> {
			assertThat(step.destructive()).isFalse();
			assertThat(step.irreversible()).isFalse();
			assertThat(step.checksum()).hasSize(64);
		});
		assertThat(plan.token()).matches("[0-9a-f]{64}");
		assertThat(history()).isEmpty();
		assertThat(this.dataSource.drain()).isEmpty();
	}

	@Test
	void planBackToATargetUndoesTheLaterMigrationsAndIsDestructive() {
		this.migrations.migrate();
		MigrationPlan plan = this.migrations.plan("blog", "0002_add_description");
		assertThat(plan.backwards()).isTrue();
		assertThat(plan.destructive()).isTrue();
		assertThat(plan.irreversible()).isFalse();
		assertThat(keys(plan)).containsExactly("blog.0003_add_subscribers");
		assertThat(plan.steps().get(0).operations()).containsExactly("Undo Add field subscribers to blog");
		assertThat(plan.steps().get(0).sql()).singleElement()
			.asString()
			.isEqualToIgnoringCase("ALTER TABLE \"blog_blog\" DROP COLUMN \"subscribers\"");
	}

	@Test
	void planToZeroUndoesEveryMigrationLastFirst() {
		this.migrations.migrate();
		MigrationPlan plan = this.migrations.plan("blog", "zero");
		assertThat(plan.target()).isEqualTo(MigrationPlan.ZERO);
		assertThat(keys(plan)).containsExactly("blog.0003_add_subscribers", "blog.0002_add_description",
				"blog.0001_initial");
		assertThat(plan.steps().get(2).sql()).singleElement()
			.asString()
			.isEqualToIgnoringCase("DROP TABLE \"blog_blog\" CASCADE");
	}

	@Test
	void planAtTheTargetIsEmptyAndRunsNothing() {
		this.migrations.migrate();
		MigrationPlan plan = this.migrations.plan("blog", "0003");
		assertThat(plan.steps()).isEmpty();
		this.dataSource.drain();
		assertThat(this.migrations.migrate("blog", "0003", plan.token())).isEqualTo(plan);
		assertThat(this.dataSource.drain()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "H2", "POSTGRESQL", "MARIADB" })
	void migrateWithTheTokenRunsExactlyThePlannedStatementsBackwardsAndForwards(Vendor vendor) throws SQLException {
		useDatabase(TestDatabases.of(vendor));
		this.migrations.migrate();
		MigrationPlan back = this.migrations.plan("blog", "0002");
		this.dataSource.drain();
		assertThat(this.migrations.migrate("blog", "0002", back.token())).isEqualTo(back);
		assertThat(this.dataSource.drain()).isEqualTo(back.steps().get(0).sql());
		assertThat(history()).containsExactly("blog.0001_initial", "blog.0002_add_description");
		MigrationPlan forwards = this.migrations.plan("blog", "0003");
		assertThat(forwards.backwards()).isFalse();
		assertThat(this.migrations.migrate("blog", "0003", forwards.token())).isEqualTo(forwards);
		assertThat(this.dataSource.drain()).isEqualTo(forwards.steps().get(0).sql());
		assertThat(history()).containsExactly("blog.0001_initial", "blog.0002_add_description",
				"blog.0003_add_subscribers");
	}

	@Test
	void tokenStaysTheSameWhileNothingChangesAndDiffersPerTargetAndState() {
		String first = this.migrations.plan("blog", "0002").token();
		assertThat(this.migrations.plan("blog", "0002_add_description").token()).isEqualTo(first);
		assertThat(this.migrations.plan("blog", "0003").token()).isNotEqualTo(first);
		this.migrations.migrate("blog", "0001", this.migrations.plan("blog", "0001").token());
		assertThat(this.migrations.plan("blog", "0002").token()).isNotEqualTo(first);
	}

	@Test
	void staleTokenIsRefusedWithTheCurrentPlanAndNothingRuns() throws SQLException {
		this.migrations.migrate();
		MigrationPlan reviewed = this.migrations.plan("blog", "0001");
		this.migrations.migrate("blog", "0002", this.migrations.plan("blog", "0002").token());
		List<String> before = history();
		this.dataSource.drain();
		assertThatExceptionOfType(StalePlanException.class)
			.isThrownBy(() -> this.migrations.migrate("blog", "0001", reviewed.token()))
			.withMessageContaining("has changed since it was reviewed")
			.satisfies((ex) -> {
				assertThat(ex.currentPlan().token()).isNotEqualTo(reviewed.token());
				assertThat(keys(ex.currentPlan())).containsExactly("blog.0002_add_description");
			});
		assertThat(history()).isEqualTo(before);
		assertThat(this.dataSource.drain()).isEmpty();
	}

	@Test
	void changedMigrationFileMakesTheTokenStale() throws IOException {
		MigrationPlan reviewed = this.migrations.plan("blog", "0001");
		write(this.dir, "blog/0001_initial.yaml", Files.readString(this.dir.resolve("blog/0001_initial.yaml"))
			.replace("max_length: 200", "max_length: 300"));
		assertThatExceptionOfType(StalePlanException.class)
			.isThrownBy(() -> this.migrations.migrate("blog", "0001", reviewed.token()))
			.satisfies((ex) -> assertThat(ex.currentPlan().steps().get(0).sql().get(0)).contains("300"));
	}

	@Test
	void irreversibleMigrationIsFlaggedAndItsBackwardsPlanRefused() throws IOException, SQLException {
		write(this.dir, "blog/0004_backfill.yaml", """
				dependencies:
				  - blog.0003_add_subscribers
				operations:
				  - RunSql:
				      sql: ["UPDATE blog_blog SET subscribers = 1"]
				""");
		MigrationPlan forwards = this.migrations.plan("blog", "0004");
		assertThat(forwards.steps().get(3).irreversible()).isTrue();
		assertThat(forwards.steps().get(3).destructive()).isTrue();
		assertThat(forwards.steps().get(3).sql()).containsExactly("UPDATE blog_blog SET subscribers = 1");
		assertThat(forwards.irreversible()).isFalse();
		this.migrations.migrate("blog", "0004", forwards.token());
		MigrationPlan back = this.migrations.plan("blog", "0002");
		assertThat(back.irreversible()).isTrue();
		assertThat(back.steps().get(0).sql()).isEmpty();
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> this.migrations.migrate("blog", "0002", back.token()))
			.withMessageContaining("Nothing was unapplied");
		assertThat(history()).hasSize(4);
	}

	@Test
	void unknownAppAndUnknownTargetAreRefusedWithTypedErrors() {
		assertThatExceptionOfType(UnknownAppException.class).isThrownBy(() -> this.migrations.plan("shop", "0001"))
			.withMessage("App 'shop' does not have migrations. Apps with migrations: blog.");
		assertThatExceptionOfType(NodeNotFoundException.class)
			.isThrownBy(() -> this.migrations.plan("blog", "0009"))
			.withMessageContaining("Cannot find a migration matching '0009' from app 'blog'")
			.satisfies((ex) -> assertThat(ex.node()).isEqualTo(new MigrationKey("blog", "0009")));
		assertThatExceptionOfType(NodeNotFoundException.class)
			.isThrownBy(() -> this.migrations.migrate("blog", "'; DROP TABLE x; --", "token"));
	}

	@Test
	void destructiveMeansDroppingTablesOrColumnsOrRunningUncheckedCode() {
		CreateModel create = new CreateModel("Blog", Map.of(), null);
		assertThat(ReviewedMigrate.destructive(create, false)).isFalse();
		assertThat(ReviewedMigrate.destructive(create, true)).isTrue();
		assertThat(ReviewedMigrate.destructive(new DeleteModel("Blog"), false)).isTrue();
		assertThat(ReviewedMigrate.destructive(new DeleteModel("Blog"), true)).isFalse();
		assertThat(ReviewedMigrate.destructive(new RemoveField("blog", "title"), false)).isTrue();
		assertThat(ReviewedMigrate.destructive(new RemoveField("blog", "title"), true)).isFalse();
		assertThat(ReviewedMigrate.destructive(new RunSql(List.of("SELECT 1"), List.of()), true)).isTrue();
		assertThat(ReviewedMigrate.destructive(new SeparateDatabaseAndState(List.of(new DeleteModel("Blog")),
				List.of()), false)).isTrue();
		assertThat(ReviewedMigrate.destructive(new SeparateDatabaseAndState(List.of(), List.of(new DeleteModel("Blog"))),
				false)).isFalse();
	}

	private static List<String> keys(MigrationPlan plan) {
		return plan.steps().stream().map((step) -> step.migration().toString()).toList();
	}

	private List<String> history() throws SQLException {
		try (Connection connection = this.database.connection()) {
			return new MigrationRecorder(connection, "migrations_history").appliedMigrations()
				.keySet()
				.stream()
				.map(MigrationKey::toString)
				.toList();
		}
	}

}
