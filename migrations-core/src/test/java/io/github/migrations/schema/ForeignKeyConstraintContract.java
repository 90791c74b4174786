package io.github.migrations.schema;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.migrations.MigrationException;
import io.github.migrations.drift.DriftDetector;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.state.FieldState;
import io.github.migrations.state.FieldType;
import io.github.migrations.state.ModelState;
import io.github.migrations.state.OnDelete;
import io.github.migrations.state.ProjectState;
import org.junit.jupiter.api.Test;

import static io.github.migrations.schema.DjangoForeignKeyIndexReference.AUTHOR_INDEX;
import static io.github.migrations.schema.SchemaTestModels.field;
import static io.github.migrations.schema.SchemaTestModels.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Contract: a relation with {@code db_constraint: false} has its column and its index (Django's
 * name, {@code db_index} as usual; MariaDB and MySQL create it too, having no constraint to index
 * the column) but no foreign key constraint, so the database accepts a row pointing nowhere; an
 * {@code AlterField} of {@code db_constraint} drops the constraint or adds it, both ways; a
 * many-to-many field passes it to both foreign keys of its join table. A database-level
 * {@code on_delete} ({@code DB_CASCADE}, {@code DB_SET_NULL}, {@code DB_SET_DEFAULT}) creates the
 * constraint with its {@code ON DELETE} action, which the database then carries out (MariaDB and
 * MySQL refuse {@code DB_SET_DEFAULT}, which InnoDB would drop); an {@code AlterField} between an
 * application-level rule and a database-level one drops and recreates the constraint, between two
 * application-level rules it runs no SQL.
 */
interface ForeignKeyConstraintContract extends SchemaEditorContract {

	private static ModelState writer() {
		return model(APP, "Author", "name", field(new FieldType.CharField(50)));
	}

	private static FieldState author(boolean dbConstraint) {
		return field(new FieldType.ForeignKey("shop.author", OnDelete.CASCADE, dbConstraint));
	}

	private static Operation[] initial(FieldState author) {
		return new Operation[] { CreateModel.of(writer()),
				CreateModel.of(model(APP, "Book", "title", field(new FieldType.CharField(50)), "author", author)) };
	}

	@Test
	default void relationWithoutDbConstraintHasItsColumnAndIndexButNoForeignKey() throws Exception {
		List<String> sql = sqlForwards(ProjectState.empty(), initial(author(false)));
		assertThat(sql).noneMatch((statement) -> statement.contains("FOREIGN KEY") || statement.contains("REFERENCES"));
		assertThat(sql).anyMatch((statement) -> statement.startsWith("CREATE INDEX " + q(AUTHOR_INDEX)));
		forwards(ProjectState.empty(), initial(author(false)));
		assertThat(Introspector.foreignKeyNames(connection(), "shop_book", "author_id")).isEmpty();
		assertThat(indexes("shop_book", "author_id")).containsExactly(AUTHOR_INDEX);
		insert("shop_book", List.of("title", "author_id"), "Orphan", 99L);
		assertThat(column("shop_book", "author_id")).map((value) -> ((Number) value).longValue()).containsExactly(99L);
	}

	@Test
	default void addFieldWithoutDbConstraintCreatesNoForeignKey() throws Exception {
		ProjectState state = forwards(ProjectState.empty(), CreateModel.of(writer()),
				CreateModel.of(model(APP, "Book", "title", field(new FieldType.CharField(50)))));
		forwards(state, new AddField("Book", "author", author(false).withNullable(true), true));
		assertThat(Introspector.foreignKeyNames(connection(), "shop_book", "author_id")).isEmpty();
		assertThat(indexes("shop_book", "author_id")).containsExactly(AUTHOR_INDEX);
		insert("shop_book", List.of("title", "author_id"), "Orphan", 99L);
	}

	@Test
	default void alterFieldOfDbConstraintDropsAndAddsTheForeignKeyBothWays() throws Exception {
		ProjectState before = forwards(ProjectState.empty(), initial(author(true)));
		AlterField off = new AlterField("Book", "author", author(false), true);
		ProjectState after = forwards(before, off);
		assertThat(new DriftDetector(Set.of()).detect(connection(), after)).as("drift after the change").isEmpty();
		assertThat(Introspector.foreignKeyNames(connection(), "shop_book", "author_id")).isEmpty();
		assertThat(indexes("shop_book", "author_id")).containsExactly(AUTHOR_INDEX);
		insert("shop_book", List.of("title", "author_id"), "Orphan", 99L);
		execute("DELETE FROM " + q("shop_book"));
		backwards(before, off);
		assertThat(new DriftDetector(Set.of()).detect(connection(), before)).as("drift after the change back").isEmpty();
		assertThat(Introspector.foreignKeyNames(connection(), "shop_book", "author_id")).hasSize(1);
		assertFails(() -> insert("shop_book", List.of("title", "author_id"), "Orphan", 99L));
		if (vendor() != Vendor.MARIADB && vendor() != Vendor.MYSQL) {
			assertThat(indexes("shop_book", "author_id")).containsExactly(AUTHOR_INDEX);
		}
	}

	@Test
	default void manyToManyWithoutDbConstraintHasAJoinTableWithoutForeignKeys() throws Exception {
		FieldState tags = FieldState.of(new FieldType.ManyToManyField("shop.author", null, false));
		forwards(ProjectState.empty(), CreateModel.of(writer()),
				CreateModel.of(model(APP, "Book", "title", field(new FieldType.CharField(50)), "writers", tags)));
		for (String column : List.of("book_id", "author_id")) {
			assertThat(Introspector.foreignKeyNames(connection(), "shop_book_writers", column)).as(column).isEmpty();
			assertThat(indexes("shop_book_writers", column)).as(column).hasSize(1);
		}
		insert("shop_book_writers", List.of("book_id", "author_id"), 98L, 99L);
	}

	@Test
	default void dbCascadeCreatesTheConstraintWithOnDeleteCascadeAndTheDatabaseDeletesTheRows() throws Exception {
		List<String> sql = sqlForwards(ProjectState.empty(), initial(relation(OnDelete.DB_CASCADE)));
		assertThat(sql).anyMatch((statement) -> statement.contains(" REFERENCES " + q("shop_author") + " ("
				+ q("id") + ") ON DELETE CASCADE"));
		forwards(ProjectState.empty(), initial(relation(OnDelete.DB_CASCADE)));
		long ann = author("Ann");
		long bob = author("Bob");
		insert("shop_book", List.of("title", "author_id"), "Kept", bob);
		insert("shop_book", List.of("title", "author_id"), "Gone", ann);
		execute("DELETE FROM " + q("shop_author") + " WHERE " + q("id") + " = " + ann);
		assertThat(column("shop_book", "title")).containsExactly("Kept");
	}

	@Test
	default void dbSetNullCreatesTheConstraintWithOnDeleteSetNullAndTheDatabaseClearsTheColumn() throws Exception {
		forwards(ProjectState.empty(), initial(relation(OnDelete.DB_SET_NULL).withNullable(true)));
		long ann = author("Ann");
		insert("shop_book", List.of("title", "author_id"), "Orphaned", ann);
		execute("DELETE FROM " + q("shop_author"));
		assertThat(column("shop_book", "author_id")).containsExactly((Object) null);
	}

	@Test
	default void dbSetDefaultSetsTheColumnToItsDatabaseDefaultOrIsRefusedOnMariaDb() throws Exception {
		Operation[] initial = initial(relation(OnDelete.DB_SET_DEFAULT).withDbDefault("1"));
		if (vendor() == Vendor.MARIADB || vendor() == Vendor.MYSQL) {
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> sqlForwards(ProjectState.empty(), initial))
				.withMessageContaining("cannot keep ON DELETE SET DEFAULT");
			return;
		}
		forwards(ProjectState.empty(), initial);
		long first = author("Ann");
		long second = author("Bob");
		assertThat(first).isEqualTo(1L);
		insert("shop_book", List.of("title", "author_id"), "Moved", second);
		execute("DELETE FROM " + q("shop_author") + " WHERE " + q("id") + " = " + second);
		assertThat(column("shop_book", "author_id")).map((value) -> ((Number) value).longValue()).containsExactly(1L);
	}

	@Test
	default void alterFieldBetweenApplicationAndDatabaseOnDeleteRecreatesTheConstraintBothWays() throws Exception {
		ProjectState before = forwards(ProjectState.empty(), initial(relation(OnDelete.CASCADE)));
		AlterField database = new AlterField("Book", "author", relation(OnDelete.DB_CASCADE), true);
		ProjectState after = forwards(before, database);
		assertThat(Introspector.foreignKeyNames(connection(), "shop_book", "author_id")).hasSize(1);
		long ann = author("Ann");
		insert("shop_book", List.of("title", "author_id"), "Gone", ann);
		execute("DELETE FROM " + q("shop_author"));
		assertThat(column("shop_book", "title")).isEmpty();
		backwards(before, database);
		long bob = author("Bob");
		insert("shop_book", List.of("title", "author_id"), "Kept", bob);
		assertFails(() -> execute("DELETE FROM " + q("shop_author")));
		assertThat(sqlForwards(after, new AlterField("Book", "author", relation(OnDelete.DB_CASCADE), true))).isEmpty();
	}

	@Test
	default void alterFieldBetweenApplicationRulesRunsNoSql() {
		ProjectState before = forwards(ProjectState.empty(), initial(relation(OnDelete.CASCADE)));
		assertThat(sqlForwards(before, new AlterField("Book", "author", relation(OnDelete.PROTECT), true))).isEmpty();
		assertThat(sqlForwards(before, new AlterField("Book", "author", relation(OnDelete.DO_NOTHING), true))).isEmpty();
	}

	private static FieldState relation(OnDelete onDelete) {
		return field(new FieldType.ForeignKey("shop.author", onDelete));
	}

	/** Insert an author and return its id. */
	private long author(String name) throws Exception {
		insert("shop_author", List.of("name"), name);
		return ((Number) query("SELECT MAX(" + q("id") + ") FROM " + q("shop_author")).get(0).get(0)).longValue();
	}

	/** The indexes on one column named as Django names a field's index ({@code <table>_<column>_<hash>}). */
	private List<String> indexes(String table, String column) {
		return Introspector.indexNames(connection(), table, column)
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.filter((name) -> name.matches(table + "_" + column + "_[0-9a-f]{8}"))
			.toList();
	}

	private Vendor vendor() {
		return inspector().vendor();
	}

}
